// utilityProcess, parentPort and MessagePorts in the stand-in, against fixtures/utility (its
// main.mjs forks core.mjs; with --window a page gets a MessagePort straight to the core).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, type StandinApp } from './driver';

declare const window: any;

const FIXTURE = join(import.meta.dirname, 'fixtures/utility');
const apps: StandinApp[] = [];
const start = (argv: string[]) => { const app = launch({ root: FIXTURE, main: 'main.mjs', argv }); apps.push(app); return app; };
const logs = (app: StandinApp, prefix = 'LOG '): unknown[][] => app.stdout.filter((l) => l.startsWith(prefix)).map((l) => JSON.parse(l.slice(prefix.length)) as unknown[]);
const logged = (app: StandinApp, name: string, n = 1) => app.waitFor(() => logs(app).filter((l) => l[0] === name)[n - 1], `LOG ${name} #${n}`);
/** fixtures/utility/main.mjs reads these from app 'open-url' (the driver's openUrl). */
const core = (app: StandinApp, op: string) => app.openUrl(`fixture://${op}`);

afterEach(async () => { await Promise.all(apps.splice(0).map((a) => a.close())); });

describe('utilityProcess', () => {
  it('forks a Node child that echoes over parentPort, with Electron checks and pid semantics', async () => {
    const app = start([]);
    expect(await logged(app, 'message')).toEqual(['message', { echo: 'queued before spawn', ports: 0 }]);
    expect(logs(app).slice(0, 4)).toEqual([
      ['before-ready', 'utilityProcess cannot be created before app is ready.'],
      ['pid-before-spawn', null],
      ['clone-error', 'An object could not be cloned.'],
      ['spawn', 'number'],
    ]);
    // In the child: process.type, no process.send (not a Node fork in Electron), argv, net.
    expect(logs(app, 'CORE ')[0]).toEqual(['started', 'utility', 'undefined', ['--flag'], true]);
    const [info] = await app.utilityProcesses();
    expect(info).toMatchObject({ id: 1, alive: true, serviceName: 'parrot-core', args: ['--flag'], messages: { toChild: 1, fromChild: 1 } });
    expect(info!.pid).toBeGreaterThan(0);
  });

  it('structured-clones both ways and fails on a function in the child as Electron does', async () => {
    const app = start([]);
    await logged(app, 'message');
    await core(app, 'rich');
    await core(app, 'clone-function');
    await core(app, 'require');
    await logged(app, 'message', 4);
    const messages = logs(app).filter((l) => l[0] === 'message').map((l) => l[1]);
    expect(messages.slice(1)).toEqual([{ echo: { m: { Map: [[1, 'x']] }, d: { Date: 7 }, big: { BigInt: '2' } }, ports: 0 }, { error: 'An object could not be cloned.' }, { error: 'Electron stand-in: electron.app is not modelled' }]);
  });

  it('reports a crash as exit with the signal number, process.exit with its code, and a shell can restart it', async () => {
    const app = start(['--restart']);
    await logged(app, 'spawn');
    expect(await app.killUtilityProcess(1)).toBe(true);
    expect(await logged(app, 'exit')).toEqual(['exit', 9, null]);
    await logged(app, 'spawn', 2);
    await core(app, 'exit?code=3');
    expect(await logged(app, 'exit', 2)).toEqual(['exit', 3, null]);
    await logged(app, 'spawn', 3);
    await core(app, 'kill');
    expect(await logged(app, 'exit', 3)).toEqual(['exit', 0, null]);
    const list = await app.utilityProcesses();
    expect(list.map((u) => [u.id, u.alive, u.exitCode])).toEqual([[1, false, 9], [2, false, 3], [3, false, 0], [4, true, null]]);
  });
});

/** Whether `pid` has ended (gone, or a zombie its new parent has not reaped yet) within `timeout` ms. */
async function ends(pid: number, timeout = 5000): Promise<boolean> {
  const deadline = Date.now() + timeout;
  for (;;) {
    let state: string | undefined;
    try { state = /^State:\s+(\S)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]; } catch { return true; }
    if (state === 'Z') return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}
/** Kills main from outside (SIGKILL: no exit hooks of its own run) and reports whether the utility child `pid` ended too. */
async function killMainAndWatch(app: StandinApp, pid: number): Promise<boolean> {
  try {
    app.child.kill('SIGKILL');
    await app.exited;
    return await ends(pid);
  } finally {
    try { process.kill(pid, 'SIGKILL'); } catch { /* it ended, as it should */ }
  }
}

// content/child/child_thread_impl.cc TerminateSelfOnDisconnect: a child process ends, exit code 0
// and nothing of its own run, once its channel to the browser process is gone.
describe('a utility process when main is gone', () => {
  it('ends when main is killed while the child is still starting', async () => {
    const app = start(['--slow-start']);
    const spawned = await app.waitForEvent('utility-spawn');
    expect(await killMainAndWatch(app, spawned.data.pid as number)).toBe(true);
  });

  it('ends when main is killed later, even if the app keeps running through uncaught errors, which never see the stand-in', async () => {
    const app = start(['--keep-running']);
    const started = await app.waitFor(() => logs(app, 'CORE ').find((l) => l[0] === 'started'), 'the core to start');
    expect(started[3]).toEqual(['--flag', '--keep-running']);
    // Main's stdout closes once every process holding it (the core inherits it) has ended.
    const drained = new Promise((r) => app.child.once('close', r));
    const [info] = await app.utilityProcesses();
    expect(await killMainAndWatch(app, info!.pid!)).toBe(true);
    await drained;
    expect(logs(app, 'CORE ').filter((l) => l[0] !== 'started')).toEqual([]);
  });
});

describe('MessagePorts between a page, main and a utility process (one launch)', () => {
  let app: StandinApp;
  let win: Awaited<ReturnType<StandinApp['firstWindow']>>;
  beforeAll(async () => {
    app = launch({ root: FIXTURE, main: 'main.mjs', argv: ['--window'] });
    win = await app.firstWindow();
    await win.page.waitForFunction(() => window.corePort);
  });
  afterAll(() => app.close());

  it('lets the page talk to the utility process directly over a MessageChannelMain, through the preload', async () => {
    expect(await win.page.evaluate(() => window.hello)).toEqual({ hello: 'page' });
    await win.page.evaluate(() => { for (const n of [1, 2, 3]) window.corePort.postMessage({ n, at: new Date(n) }); });
    await win.page.waitForFunction(() => window.replies.length === 3);
    const replies = await win.page.evaluate(() => window.replies);
    expect(replies.map((r: any) => [r.from, r.got.n, r.got.at instanceof Date])).toEqual([['core', 1, true], ['core', 2, true], ['core', 3, true]]);
    const [info] = await app.utilityProcesses();
    expect(replies[0].pid).toBe(info!.pid);
    expect(await app.messagePorts()).toMatchObject({ open: { 'utility:1': 1, 'page:1': 1 } });
    // The core closes its end: the page's port gets the 'close' Electron adds.
    await win.page.evaluate(() => window.corePort.postMessage('close'));
    await win.page.waitForFunction(() => window.portClosed === true);
    expect((await app.messagePorts()).open).toEqual({});
  });

  it('carries ipcRenderer.postMessage ports to ipcMain as MessagePortMain, with Electron errors', async () => {
    expect(await win.page.evaluate(() => window.shell.postErrors())).toEqual(['An object could not be cloned.', 'Invalid value for transfer']);
    await win.page.evaluate(() => window.shell.givePort());
    await win.page.waitForFunction(() => window.mainPort);
    await win.page.evaluate(() => window.mainPort.postMessage('ping'));
    await win.page.waitForFunction(() => window.mainReplies.length === 1);
    expect(await win.page.evaluate(() => window.mainReplies)).toEqual([{ main: 'ping' }]);
  });
});

describe('MessagePortMain', () => {
  it('queues on MessagePortMain until start(), keeps order across a transfer, and emits close on both ends', async () => {
    const app = start(['--ports']);
    expect(await logged(app, 'ports')).toEqual(['ports', ['a', 'b', 'c'], ['closer', 'peer'], 'Port at index 0 contains the source port.', null]);
  });
});
