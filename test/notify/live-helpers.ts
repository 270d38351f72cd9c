// What the live tests of follow-ups, reminders, muting and sound share: a real demo backend on
// 127.0.0.1, a real Companion on SQLite in a temp dir (reopened on the same dir to prove nothing
// repeats). The backend and the companion share one clock the tests move; the reminder timer is
// the test's own.
import { afterEach } from 'vitest';
import { Companion, type CompanionOptions } from '../../src/main/core/companion';
import type { DemoBackend } from '../../src/main/core/demo/server';
import type { NotifyEvent } from '../../src/main/core/notify';
import type { Timers } from '../../src/main/core/notify/reminder-timer';
import type { FlowRunSession } from '../../src/shared/protocol';
import { flowRun } from '../shared/fixtures';
import { startBackend, TOKEN } from '../support/backend';

export const MINUTE = 60_000;
export const GRACE = { id: 'u_grace', name: 'Grace Hopper' };

let offset = 0;
/** Both ends' clock: moving it moves the server's timestamps and the companion's "now" together. */
export const clock = (): number => Date.now() + offset;
/** Moves both ends' clock forward. */
export function advance(ms: number): void {
  offset += ms;
}
const open: Companion[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
  offset = 0;
});

/** The reminder timer's setTimeout, held by the test: `fire` runs what is pending now. */
export function handTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  const timers: Timers = {
    set: (run) => {
      pending.set(next, run);
      return next++;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  return {
    timers,
    get armed() {
      return pending.size > 0;
    },
    fire() {
      for (const [id, run] of [...pending]) {
        pending.delete(id);
        run();
      }
    },
  };
}

/** A still backend (tests move it) whose heartbeat never fires during a test, clock jumps and all. */
export async function backendWithoutCheckpoints(): Promise<{ backend: DemoBackend; url: string }> {
  const started = await startBackend({ sessions: 12, clock, heartbeatMs: 3_600_000 });
  // The seeded tenant's own checkpoints would join these tests' reminders in one summary.
  for (const s of started.backend.tenant.all()) if (s.checkpoint) started.backend.tenant.upsert({ ...s, status: 'running', checkpoint: null } as FlowRunSession);
  started.backend.tenant.flush();
  return started;
}

export async function companionOn(url: string, dataDir: string, options: Partial<CompanionOptions> = {}) {
  const timer = handTimers();
  const { companion } = Companion.open({ backendUrl: url, token: TOKEN, dataDir, clock, timers: timer.timers, ...options });
  open.push(companion);
  const events: NotifyEvent[] = [];
  companion.on('notification', (e) => events.push(e));
  const caughtUp = new Promise<void>((resolve) => companion.once('caughtUp', () => resolve()));
  companion.start();
  await caughtUp;
  return { companion, events, timer };
}

/** Polls until `check` passes (or throws its last failure after `ms`). */
export async function until(check: () => void, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return check();
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/** Lets every frame in flight and the write queue settle: a quiet moment proves nothing more came. */
export const settle = () => new Promise((r) => setTimeout(r, 300));

export function pause(backend: DemoBackend, id: string, checkpointId: string, over: Parameters<typeof flowRun>[0] = {}): FlowRunSession {
  const base = (backend.tenant.get(id) as FlowRunSession | undefined) ?? flowRun({ id, title: `Run ${id}`, createdAt: new Date(clock()).toISOString() });
  const paused = backend.tenant.upsert({
    ...base,
    ...over,
    status: 'paused',
    checkpoint: { id: checkpointId, step: 'Deploy', prompt: 'Ship it?', requestedAt: new Date(clock()).toISOString() },
  } as FlowRunSession) as FlowRunSession;
  backend.tenant.flush();
  return paused;
}

export function end(backend: DemoBackend, id: string, status: string, error: { code: string; message: string } | null = null): void {
  const run = backend.tenant.get(id) as FlowRunSession;
  backend.tenant.upsert({ ...run, status, error, checkpoint: null });
  backend.tenant.flush();
}

export const about = (events: NotifyEvent[], kind: NotifyEvent['kind'], sessionId: string) => events.filter((e) => e.kind === kind && e.sessionId === sessionId);

/** Closes a companion the test opened, as quitting the app would. */
export function quit(companion: Companion): void {
  companion.close();
  open.splice(open.indexOf(companion), 1);
}
