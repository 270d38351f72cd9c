// The core's service end (what runs in the utility process) in plain Node: a fake parentPort and
// fake MessagePortMain pairs around the real core entry (startCore: demo backend, SQLite in a
// temp dir, ApiHost, serveClient). What the app's utility process does, minus the process.
import { EventEmitter } from 'node:events';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WRITER_OPEN_KEY } from '../../src/main/core/cache/meta';
import { serveParent, type CoreService } from '../../src/main/core/runtime/core-service';
import type { CoreToMain, MainToCore } from '../../src/main/core/runtime/core-link';
import type { PortLike } from '../../src/main/core/runtime/port-peer';
import type { CoreMessage } from '../../src/shared/api';
import { tempDir } from '../support/temp-dir';

/** MessagePortMain as docs/api/message-port-main.md has it: queued until start(), `close` on both ends. */
class FakePort extends EventEmitter implements PortLike {
  peer!: FakePort;
  private started = false;
  private queue: unknown[] = [];
  closed = false;
  postMessage(message: unknown) {
    if (this.closed) return;
    this.peer.deliver(structuredClone(message));
  }
  deliver(data: unknown) {
    if (this.started) setImmediate(() => this.emit('message', { data }));
    else this.queue.push(data);
  }
  start() {
    this.started = true;
    for (const data of this.queue.splice(0)) setImmediate(() => this.emit('message', { data }));
  }
  close() {
    if (this.closed) return;
    this.closed = this.peer.closed = true;
    this.emit('close');
    this.peer.emit('close');
  }
  static pair(): [FakePort, FakePort] {
    const a = new FakePort();
    const b = new FakePort();
    a.peer = b;
    b.peer = a;
    return [a, b];
  }
}

const NOTIFY = { scope: 'mine' as const, failures: false, quietHours: null, snoozedUntil: null };
/** The profile the app runs when none is configured: the demo backend, in the core's process. */
const DEMO = { id: 'demo', name: null, color: null, notify: null, backendUrl: null, token: null };
const start = (dataDir: string, extra: Record<string, unknown> = {}) => ({ t: 'start', profiles: [DEMO], dataDir, adoptLegacyCacheAs: null, notify: NOTIFY, coreRestart: null, ...extra });
const services: CoreService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop();
});

function runCore() {
  const posted: CoreToMain[] = [];
  const exits: number[] = [];
  const dropped: string[] = [];
  let deliver: (data: unknown, ports: readonly PortLike[]) => void = () => undefined;
  const service = serveParent({ post: (m) => posted.push(structuredClone(m)), onMessage: (l) => (deliver = l) }, (code) => exits.push(code), (line) => dropped.push(line));
  services.push(service);
  const send = (message: MainToCore | unknown, ports: PortLike[] = []) => deliver(structuredClone(message), ports);
  const waitFor = async <T extends CoreToMain['t']>(t: T, predicate: (m: Extract<CoreToMain, { t: T }>) => boolean = () => true, timeout = 10_000) => {
    const until = Date.now() + timeout;
    for (;;) {
      const found = posted.find((m): m is Extract<CoreToMain, { t: T }> => m.t === t && predicate(m as Extract<CoreToMain, { t: T }>));
      if (found) return found;
      if (Date.now() > until) throw new Error(`no ${t} from the core; got ${posted.map((m) => m.t).join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { service, posted, exits, dropped, send, waitFor };
}

/** A window's end of its port, speaking client-wire.ts. */
function windowOn(send: (m: unknown, ports: PortLike[]) => void) {
  const [mine, theirs] = FakePort.pair();
  const received: CoreMessage[] = [];
  mine.on('message', (e: { data: CoreMessage }) => received.push(e.data));
  mine.start();
  send({ t: 'client' }, [theirs]);
  const waitFor = async (predicate: (m: CoreMessage) => boolean) => {
    const until = Date.now() + 10_000;
    while (!received.some(predicate)) {
      if (Date.now() > until) throw new Error(`not received; got ${received.map((m) => m.t).join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return received.find(predicate)!;
  };
  return { port: mine, received, waitFor };
}

describe('the core service (the utility process without the process)', () => {
  it('starts the core entry, serves a window that connected before it was ready, and says it restarted', async () => {
    const dataDir = tempDir();
    const core = runCore();
    core.send(start(dataDir, { coreRestart: { count: 2, at: 1_700_000_000_000, reason: 'exited with code 9' } }));
    // The window's port arrives while the core is still opening its cache: it waits, nothing is lost.
    const win = windowOn(core.send);
    win.port.postMessage({ t: 'hello' });
    win.port.postMessage({ t: 'watch', qid: 1, query: { view: 'commandCenter', needsYouLimit: 5, activeLimit: 5, recentLimit: 5 } });
    await core.waitFor('ready');
    const status = await win.waitFor((m) => m.t === 'status' && m.status.coreRestart?.count === 2);
    expect(status.t === 'status' && status.status.demo).toBe(true);
    await win.waitFor((m) => m.t === 'result' && m.qid === 1 && m.result.view === 'commandCenter' && m.result.activeNow.total > 0);
    const summary = await core.waitFor('summary', (m) => m.summary.active > 0);
    expect(summary.summary.demo).toBe(true);
    expect(core.dropped).toEqual([]);
  });

  it("asks main for the desktop settings a window wants, and answers main's command with the core's reply", async () => {
    const core = runCore();
    core.send(start(tempDir()));
    await core.waitFor('ready');
    const win = windowOn(core.send);
    win.port.postMessage({ t: 'hello' });
    win.port.postMessage({ t: 'call', id: 4, method: 'getAppSettings', params: {} });
    const request = await core.waitFor('request', (m) => m.method === 'getAppSettings');
    const settings = { profiles: [], tokenStorage: 'encrypted', tokenWarning: null, canAcceptPlain: false, openAtLogin: false, shortcut: 'Ctrl+Shift+Space', shortcutError: null, theme: 'dark' };
    core.send({ t: 'reply', id: request.id, ok: true, result: settings });
    const reply = await win.waitFor((m) => m.t === 'reply' && m.id === 4);
    expect(reply).toMatchObject({ ok: true, result: settings });

    core.send({ t: 'command', id: 9, request: { action: 'approve', sessionId: 'fr_missing', checkpointId: 'cp_missing' } });
    const answer = await core.waitFor('reply', (m) => m.id === 9);
    expect(answer.ok).toBe(true);
    expect(answer.result).toMatchObject({ ok: false });
  });

  it("answers a window's watch whose query fails its schema over the window's port, as the web bridge does", async () => {
    const core = runCore();
    core.send(start(tempDir()));
    await core.waitFor('ready');
    const win = windowOn(core.send);
    win.port.postMessage({ t: 'watch', qid: 3, query: { view: 'commandCenter', needsYouLimit: 5000, activeLimit: 5, recentLimit: 5 } });
    const refused = await win.waitFor((m) => m.t === 'queryError');
    expect(refused).toEqual({ t: 'queryError', qid: 3, error: 'invalid query: needsYouLimit: Too big: expected number to be <=1000' });
    expect(win.received.filter((m) => m.t === 'result')).toEqual([]);
  });

  it("hands a notification's \"Remind me in 1 h\" to the companion, and logs its refusal in words", async () => {
    const core = runCore();
    core.send(start(tempDir()));
    await core.waitFor('ready');
    core.send({ t: 'remindLater', params: { sessionId: 'fr_missing', minutes: 60 } });
    const log = await core.waitFor('log', (m) => m.message.includes('Remind me in 1 h'));
    expect(log).toEqual({ t: 'log', level: 'warn', message: '"Remind me in 1 h" from a notification was not scheduled for session fr_missing' });
  });

  it('drops a message that fails its schema, and on stop closes the database cleanly before exiting', async () => {
    const dataDir = tempDir();
    const core = runCore();
    core.send(start(dataDir));
    await core.waitFor('ready');
    core.send({ t: 'profiles', profiles: 42 });
    expect(core.dropped).toEqual(['core: a message from main was dropped: profiles: Invalid input: expected array, received number']);
    core.send({ t: 'stop' });
    await expect.poll(() => core.exits, { timeout: 10_000 }).toEqual([0]);
    const db = new Database(join(dataDir, 'profiles', 'demo', 'cache.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT value FROM meta WHERE key = ?').get(WRITER_OPEN_KEY)).toBeUndefined();
    } finally {
      db.close();
    }
  });

  it('tells main it could not start, and exits without serving', async () => {
    // A data directory that is a file: the cache cannot be opened there, and a restart would not help.
    const file = join(tempDir(), 'not-a-directory');
    writeFileSync(file, 'x');
    const core = runCore();
    core.send(start(file, { profiles: [{ ...DEMO, backendUrl: 'ws://127.0.0.1:9/stream' }] }));
    const failed = await core.waitFor('failed');
    expect(failed.message.length).toBeGreaterThan(0);
    expect(core.exits).toEqual([2]);
    expect(core.posted.some((m) => m.t === 'ready')).toBe(false);
  });

  it('moves a cache from before profiles into its profile once, and follows a new list of profiles without a restart', async () => {
    const dataDir = tempDir();
    // A first run as the app ran before profiles: one cache at the data directory's top.
    const before = runCore();
    before.send(start(dataDir));
    await before.waitFor('ready');
    before.send({ t: 'stop' });
    await expect.poll(() => before.exits, { timeout: 10_000 }).toEqual([0]);
    renameSync(join(dataDir, 'profiles', 'demo', 'cache.sqlite'), join(dataDir, 'cache.sqlite'));
    const core = runCore();
    core.send(start(dataDir, { profiles: [{ ...DEMO, id: 'acme', name: 'Acme Corp' }], adoptLegacyCacheAs: 'acme' }));
    await core.waitFor('ready');
    await core.waitFor('log', (m) => m.message === 'the cache from before profiles now belongs to profile acme');
    expect(existsSync(join(dataDir, 'cache.sqlite'))).toBe(false);
    expect(existsSync(join(dataDir, 'profiles', 'acme', 'cache.sqlite'))).toBe(true);

    const win = windowOn(core.send);
    win.port.postMessage({ t: 'hello' });
    core.send({ t: 'profiles', profiles: [{ ...DEMO, id: 'acme', name: 'Acme Corp' }, { ...DEMO, id: 'globex', name: 'Globex' }] });
    await win.waitFor((m) => m.t === 'status' && m.status.profiles.map((p) => p.name).join() === 'Acme Corp,Globex');
    core.send({ t: 'profiles', profiles: [{ ...DEMO, id: 'globex', name: 'Globex' }] });
    await win.waitFor((m) => m.t === 'status' && m.status.profiles.map((p) => p.name).join() === 'Globex');
    expect(existsSync(join(dataDir, 'profiles', 'acme'))).toBe(false);
  });
});
