import { EventEmitter } from 'node:events';

/** A unit of bulk work run in slices: true once finished, 'wait' until wake() (its input is not here yet). */
export interface QueuedJob {
  step(deadline: number): boolean | 'wait';
  /** Called instead of further steps when the queue is cleared. */
  cancel(): void;
}

export interface WriteQueueOptions {
  /** Longest slice of work per event-loop turn, in ms. */
  budgetMs?: number;
  now?: () => number;
  /** How the next slice is scheduled: setImmediate lets I/O (a checkpoint arriving) in between. */
  defer?: (run: () => void) => void;
}

/** Half the 16 ms frame budget: room for the socket, the tray and IPC in the same turn. */
export const SLICE_BUDGET_MS = 6;

const taskJob = (task: () => void): QueuedJob => ({ step: () => (task(), true), cancel: () => undefined });

/**
 * Bulk writes in order, one slice per event-loop turn. The process that runs the core also draws
 * the tray and answers the windows, so no write may hold its event loop for long: a batch or a
 * snapshot is one transaction (./../cache/sliced-write) stepped a few milliseconds at a time.
 * Writes start as soon as their input is here: holding them back while frames stream in (so a
 * checkpoint behind a backlog is read first) cost ingest throughput, and the approvals' fast lane
 * (./pending-checkpoints) already reads each batch as it arrives, ahead of its write.
 */
export class WriteQueue extends EventEmitter<{ idle: [] }> {
  private readonly jobs: QueuedJob[] = [];
  private scheduled = false;
  private waiting = false;
  private readonly budgetMs: number;
  private readonly now: () => number;
  private readonly defer: (run: () => void) => void;

  constructor(options: WriteQueueOptions = {}) {
    super();
    this.budgetMs = options.budgetMs ?? SLICE_BUDGET_MS;
    this.now = options.now ?? (() => performance.now());
    this.defer = options.defer ?? ((run) => void setImmediate(run));
  }

  get idle(): boolean {
    return this.jobs.length === 0;
  }

  get length(): number {
    return this.jobs.length;
  }

  push(job: QueuedJob): void {
    this.jobs.push(job);
    this.schedule();
  }

  /** A small write that must not land inside another job's open transaction (retention, say). */
  pushTask(task: () => void): void {
    this.push(taskJob(task));
  }

  /** The job at the head said 'wait': its input has arrived, step it again. */
  wake(): void {
    this.waiting = false;
    this.schedule();
  }

  /** Runs everything now, in one go, up to a job that waits: for tests, where nothing else runs. */
  drainNow(): void {
    this.waiting = false;
    while (this.jobs.length > 0 && !this.waiting) this.runFor(Number.POSITIVE_INFINITY);
  }

  /** Cancels every job (the first may be half done: its transaction is rolled back). */
  clear(): void {
    this.waiting = false;
    for (const job of this.jobs.splice(0)) job.cancel();
  }

  private schedule(): void {
    if (this.scheduled || this.waiting || this.jobs.length === 0) return;
    this.scheduled = true;
    this.defer(() => {
      this.scheduled = false;
      try {
        this.runFor(this.budgetMs);
      } finally {
        this.schedule();
      }
    });
  }

  private runFor(budgetMs: number): void {
    const deadline = this.now() + budgetMs;
    while (this.jobs.length > 0) {
      const job = this.jobs[0]!;
      let done: boolean | 'wait';
      try {
        done = job.step(deadline);
      } catch (err) {
        // A job that throws is finished; the error is its owner's to report (it wraps its step).
        this.jobs.shift();
        throw err;
      }
      if (done === 'wait') {
        this.waiting = true;
        return;
      }
      if (!done) return;
      this.jobs.shift();
      if (this.jobs.length === 0) this.emit('idle');
      // A job that just ended may have committed (10-20 ms): what follows waits for the next turn.
      if (budgetMs !== Number.POSITIVE_INFINITY) return;
    }
  }
}
