import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreSupervisor, type CoreChild, type SupervisorDeps } from '../../../src/main/shell/core/core-supervisor';
import { IPC } from '../../../src/shared/api/ipc-channels';
import { NotifySettings } from '../../../src/shared/notify-settings';

/** A utility process as the supervisor sees it: records what it is sent; the test makes it exit. */
class FakeChild extends EventEmitter {
  sent: Array<{ message: { t: string; [k: string]: unknown }; transfer: unknown[] }> = [];
  killed = 0;
  stdout = new PassThrough();
  stderr = null;
  postMessage(message: { t: string }, transfer: unknown[] = []) {
    this.sent.push({ message, transfer });
  }
  kill() {
    this.killed++;
    return true;
  }
  of(t: string) {
    return this.sent.filter((s) => s.message.t === t);
  }
  say(message: unknown) {
    this.emit('message', message);
  }
}

class FakeClient extends EventEmitter {
  ports: unknown[] = [];
  destroyed = false;
  postMessage(channel: string, _message: unknown, ports: unknown[]) {
    if (channel === IPC.port) this.ports.push(...ports);
  }
  isDestroyed() {
    return this.destroyed;
  }
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
const DEMO = { id: 'demo', name: null, color: null, notify: null, backendUrl: null, token: null };
const START = { profiles: [DEMO], dataDir: '/tmp/x', adoptLegacyCacheAs: 'demo', notify: NotifySettings.parse({}) };
let supervisors: CoreSupervisor[] = [];
afterEach(async () => {
  for (const s of supervisors.splice(0)) void s.stop();
});

function setup(overrides: Partial<SupervisorDeps> = {}) {
  const children: FakeChild[] = [];
  const logs: string[] = [];
  const answered: unknown[] = [];
  let clock = 1_000;
  let channel = 0;
  const supervisor = new CoreSupervisor({
    fork: () => {
      const child = new FakeChild();
      children.push(child);
      return child as unknown as CoreChild;
    },
    newChannel: () => {
      channel++;
      return { port1: { end: 1, channel }, port2: { end: 2, channel } } as never;
    },
    startMessage: async () => START,
    answer: async (method, params) => {
      answered.push([method, params]);
      if (method === 'openExternal') throw new Error('only https links open');
      return { theme: 'dark' };
    },
    log: (line) => logs.push(line),
    now: () => clock,
    policy: { baseMs: 10, maxMs: 40, maxAttempts: 3, stableMs: 1_000 },
    stopGraceMs: 50,
    ...overrides,
  });
  supervisors.push(supervisor);
  const troubles: Array<string | null> = [];
  supervisor.on('trouble', (t) => troubles.push(t));
  return { supervisor, children, logs, answered, troubles, advance: (ms: number) => (clock += ms) };
}

describe('CoreSupervisor', () => {
  it('starts the core with the stored settings and hands each window a port, one end to each', async () => {
    const { supervisor, children } = setup();
    const page = new FakeClient();
    supervisor.connect(page as never);
    supervisor.start();
    await tick();
    const [core] = children;
    expect(core!.sent[0]!.message).toEqual({ t: 'start', ...START, coreRestart: null, update: null });
    const client = core!.of('client');
    expect(client).toHaveLength(1);
    expect(client[0]!.transfer).toEqual([{ end: 1, channel: 1 }]);
    expect(page.ports).toEqual([{ end: 2, channel: 1 }]);
  });

  it('after a crash starts a new core that is told so, and gives every open window a new port', async () => {
    const { supervisor, children, logs, troubles, advance } = setup();
    const page = new FakeClient();
    const gone = new FakeClient();
    supervisor.start();
    await tick();
    supervisor.connect(page as never);
    supervisor.connect(gone as never);
    gone.destroyed = true;
    gone.emit('destroyed');
    advance(200);
    children[0]!.emit('exit', 9);
    expect(troubles).toEqual(['the core stopped; restarting it…']);
    expect(logs.join('\n')).toMatch(/exited with code 9; starting it again in 10 ms/);
    await tick(30);
    expect(children).toHaveLength(2);
    expect(children[1]!.sent[0]!.message.coreRestart).toEqual({ count: 1, at: 1_200, reason: 'exited with code 9' });
    expect(page.ports).toHaveLength(2);
    expect(gone.ports).toHaveLength(1);
    children[1]!.say({ t: 'ready' });
    expect(troubles.at(-1)).toBeNull();
  });

  it('gives up on a core that keeps dying, and says so', async () => {
    const { supervisor, children, troubles } = setup();
    supervisor.start();
    for (let i = 0; i < 4; i++) {
      await tick(60);
      children.at(-1)!.emit('exit', 1);
    }
    await tick(100);
    expect(children).toHaveLength(4);
    expect(troubles.at(-1)).toBe('the core keeps stopping; quit Parrot Tray and start it again');
  });

  it('does not restart a core that could not start, and shows why', async () => {
    const { supervisor, children, troubles } = setup();
    supervisor.start();
    await tick();
    children[0]!.say({ t: 'failed', message: 'the cache is in use by another Parrot Tray' });
    children[0]!.emit('exit', 2);
    await tick(40);
    expect(children).toHaveLength(1);
    expect(troubles).toEqual(['the core could not start: the cache is in use by another Parrot Tray']);
  });

  it("relays summaries and notifications, answers the core's requests, and drops what does not validate", async () => {
    const { supervisor, children, logs, answered } = setup();
    const summaries: unknown[] = [];
    const notes: unknown[] = [];
    supervisor.on('summary', (s) => summaries.push(s));
    supervisor.on('notify', (n) => notes.push(n));
    supervisor.start();
    await tick();
    const core = children[0]!;
    const summary = { active: 3, needsYou: 1, phase: 'reconnecting', offlineSince: null, demo: false, troubled: ['Globex: offline'] };
    core.say({ t: 'summary', summary });
    core.say({ t: 'summary', summary: { active: -1 } });
    core.say({ t: 'notify', event: { event: 'notify', sessionId: 's', checkpointId: 'c', title: 'T', body: 'B', at: 'now' } });
    core.say({ t: 'request', id: 7, method: 'getAppSettings', params: {} });
    core.say({ t: 'request', id: 8, method: 'openExternal', params: { url: 'file:///etc/passwd' } });
    core.say({ t: 'log', level: 'warn', message: 'pruned 3 sessions' });
    await tick();
    expect(summaries).toEqual([summary]);
    expect(supervisor.summary).toEqual(summary);
    expect(notes).toHaveLength(1);
    expect(answered).toHaveLength(2);
    expect(core.of('reply').map((r) => r.message)).toEqual([
      { t: 'reply', id: 7, ok: true, result: { theme: 'dark' } },
      { t: 'reply', id: 8, ok: false, error: 'only https links open' },
    ]);
    expect(logs.some((l) => /a message was dropped: summary\.active/.test(l))).toBe(true);
    expect(logs).toContain('core: pruned 3 sessions');
    core.stdout.write('a stray line\n');
    await tick();
    expect(logs).toContain('core: a stray line');
  });

  it('hands a running core the new profile list, and drops it while no core runs', async () => {
    const { supervisor, children } = setup();
    const profiles = [{ ...DEMO, id: 'acme', backendUrl: 'wss://acme.example/', token: 'tok' }];
    supervisor.send({ t: 'profiles', profiles });
    supervisor.start();
    await tick();
    supervisor.send({ t: 'profiles', profiles });
    expect(children[0]!.of('profiles').map((m) => m.message)).toEqual([{ t: 'profiles', profiles }]);
  });

  it("sends a notification's Approve as a command and resolves with the core's reply; a dying core answers for itself", async () => {
    const { supervisor, children } = setup();
    supervisor.start();
    await tick();
    const core = children[0]!;
    const first = supervisor.command({ action: 'approve', sessionId: 'fr_1', checkpointId: 'cp_1' });
    const [sent] = core.of('command');
    expect(sent!.message).toMatchObject({ t: 'command', request: { action: 'approve', sessionId: 'fr_1', checkpointId: 'cp_1' } });
    core.say({ t: 'reply', id: sent!.message.id, ok: true, result: { ok: true } });
    await expect(first).resolves.toEqual({ ok: true });
    const second = supervisor.command({ action: 'approve', sessionId: 'fr_2', checkpointId: 'cp_2' });
    core.emit('exit', 5);
    await expect(second).resolves.toMatchObject({ ok: false, code: 'core_unavailable' });
    await expect(supervisor.command({ action: 'approve', sessionId: 'fr_3', checkpointId: 'cp_3' })).resolves.toMatchObject({ ok: false, code: 'core_unavailable' });
  });

  it('on stop asks the core to exit and waits for it, without restarting it', async () => {
    const { supervisor, children } = setup();
    supervisor.start();
    await tick();
    let done = false;
    const stopped = supervisor.stop().then(() => (done = true));
    expect(children[0]!.of('stop')).toHaveLength(1);
    await tick(10);
    expect(done).toBe(false);
    children[0]!.emit('exit', 0);
    await stopped;
    await tick(30);
    expect(children).toHaveLength(1);
    expect(children[0]!.killed).toBe(0);
  });

  it('kills a core that does not exit in time', async () => {
    const { supervisor, children } = setup({ stopGraceMs: 20 });
    supervisor.start();
    await tick();
    void supervisor.stop();
    await tick(40);
    expect(children[0]!.killed).toBe(1);
  });
});
