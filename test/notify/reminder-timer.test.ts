import { describe, expect, it } from 'vitest';
import { MAX_SLEEP_MS, ReminderTimer, type Timers } from '../../src/main/core/notify/reminder-timer';

/** Timers a test fires by hand: what is pending, and for how long. */
function fakeTimers() {
  const pending = new Map<number, { run: () => void; ms: number }>();
  let next = 1;
  const timers: Timers = {
    set: (run, ms) => {
      const id = next++;
      pending.set(id, { run, ms });
      return id;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  const fire = () => {
    const [id, t] = [...pending][0]!;
    pending.delete(id);
    t.run();
  };
  return { timers, pending, fire };
}

describe('ReminderTimer', () => {
  it('after a failed wake waits the given floor for reminders still overdue, instead of spinning', () => {
    const { timers, pending } = fakeTimers();
    const timer = new ReminderTimer({ now: () => 100_000, nextDueAt: () => 5_000, wake: () => undefined, timers });
    timer.arm(60_000);
    expect([...pending.values()].map((t) => t.ms)).toEqual([60_000]);
    timer.arm();
    expect([...pending.values()].map((t) => t.ms)).toEqual([0]);
  });

  it('keeps one timer, for the soonest due, re-armed in place', () => {
    const { timers, pending } = fakeTimers();
    const now = 1_000;
    let due: number | null = 61_000;
    const timer = new ReminderTimer({ now: () => now, nextDueAt: () => due, wake: () => undefined, timers });
    timer.arm();
    expect([...pending.values()].map((t) => t.ms)).toEqual([60_000]);
    due = 31_000;
    timer.arm();
    timer.arm();
    expect([...pending.values()].map((t) => t.ms)).toEqual([30_000]);
    due = null;
    timer.arm();
    expect(pending.size).toBe(0);
    expect(timer.armed).toBe(false);
    // Overdue: at once. Far off: no longer than MAX_SLEEP_MS, then it looks again.
    due = 0;
    timer.arm();
    expect([...pending.values()].map((t) => t.ms)).toEqual([0]);
    due = now + 7 * 24 * 3600_000;
    timer.arm();
    expect([...pending.values()].map((t) => t.ms)).toEqual([MAX_SLEEP_MS]);
  });

  it('wakes the caller when it fires, and never again after stop', () => {
    const { timers, pending, fire } = fakeTimers();
    let woke = 0;
    const timer = new ReminderTimer({ now: () => 0, nextDueAt: () => 10, wake: () => void woke++, timers });
    timer.arm();
    fire();
    expect(woke).toBe(1);
    expect(timer.armed).toBe(false);
    timer.arm();
    timer.stop();
    expect(pending.size).toBe(0);
    timer.arm();
    expect(pending.size).toBe(0);
  });

  it('uses unref\'d system timers by default, so nothing is kept alive', async () => {
    let woke = false;
    const timer = new ReminderTimer({ now: () => 0, nextDueAt: () => 0, wake: () => void (woke = true) });
    timer.arm();
    await new Promise((r) => setTimeout(r, 20));
    expect(woke).toBe(true);
    const idle = new ReminderTimer({ now: () => 0, nextDueAt: () => MAX_SLEEP_MS, wake: () => undefined });
    idle.arm();
    // An unref'd handle reports hasRef() false; the process could exit with it pending.
    const handle = (idle as unknown as { handle: NodeJS.Timeout }).handle;
    expect(handle.hasRef()).toBe(false);
    idle.stop();
  });
});
