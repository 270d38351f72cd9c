/** setTimeout and clearTimeout, injectable: tests fire the timer themselves after moving their clock. */
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Node's timers, unref'd: a reminder to come must never keep the CLI or a test process alive. */
export const systemTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * The longest single sleep. The due time is re-read at each wake, so a wall-clock jump, a new
 * server skew or a sleeping laptop costs at most this much lateness (and setTimeout's own limit,
 * about 24.8 days, is never reached).
 */
export const MAX_SLEEP_MS = 15 * 60_000;

export interface ReminderTimerDeps {
  /** Epoch ms on the clock reminders are due on (the server-corrected one). */
  now: () => number;
  /** The soonest due reminder, or null for none. */
  nextDueAt: () => number | null;
  /** Time to look: runs the due reminders (and calls arm() again when done). */
  wake: () => void;
  timers?: Timers;
}

/** One timer for every reminder: it sleeps until the soonest is due, never one per checkpoint. */
export class ReminderTimer {
  private handle: unknown = null;
  private stopped = false;

  constructor(private readonly deps: ReminderTimerDeps) {}

  private get timers(): Timers {
    return this.deps.timers ?? systemTimers;
  }

  /**
   * (Re)computes the next wake; call after anything that may change the schedule. `minDelayMs`
   * after a wake that failed: its reminders are still due, and waking at once would spin.
   */
  arm(minDelayMs = 0): void {
    this.disarm();
    if (this.stopped) return;
    const due = this.deps.nextDueAt();
    if (due === null) return;
    const ms = Math.min(MAX_SLEEP_MS, Math.max(minDelayMs, due - this.deps.now()));
    this.handle = this.timers.set(() => {
      this.handle = null;
      this.deps.wake();
    }, ms);
  }

  /** Whether a wake is pending (for tests and diagnostics). */
  get armed(): boolean {
    return this.handle !== null;
  }

  stop(): void {
    this.stopped = true;
    this.disarm();
  }

  private disarm(): void {
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
  }
}
