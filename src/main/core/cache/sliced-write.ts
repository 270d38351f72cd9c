import type { Database } from 'better-sqlite3';

/** How many rows a write body handles between looks at the clock. */
export const ROWS_PER_YIELD = 32;

const SAVEPOINT = 'sliced_write';

/**
 * One SQLite transaction spread over several event-loop turns. The body is a generator that
 * yields between rows; each `step` runs it until a deadline, so a 1,000-item batch or a
 * 100,000-session snapshot still commits atomically (PROTOCOL.md 3.3, 3.4) while the process
 * keeps drawing its tray and answering IPC in between. On its own (a snapshot, or a cache that
 * does not hold its writes) it is a transaction, and the views read the other connection (see
 * ./open, ./cache-access), so they keep seeing the last committed state until COMMIT. Inside a
 * held transaction (./held-transaction) it is a savepoint that the views, reading the writer's
 * connection, see as it goes: per session always whole, the batch whole once its body ends.
 *
 * Writes others make on the same connection between steps (transcript entries, the notification
 * memory) join this transaction and are rolled back with it if it is cancelled: the price is
 * fetching those entries again, or an alert shown twice, after a snapshot cut short.
 */
export class SlicedWrite<T> {
  private state: 'new' | 'open' | 'done' = 'new';
  private result: { value: T } | null = null;
  /** Opened inside a transaction already open (./held-transaction): a savepoint, not BEGIN. */
  private nested = false;

  constructor(
    private readonly db: Database,
    private readonly body: Generator<void | 'wait', T, void>,
    private readonly now: () => number = () => performance.now(),
    /** Runs once the write has ended, committed or rolled back. */
    private readonly ended: () => void = () => undefined,
  ) {}

  get done(): boolean {
    return this.state === 'done';
  }

  /** Begun and not yet ended: its transaction or savepoint is open. */
  get open(): boolean {
    return this.state === 'open';
  }

  /**
   * Runs until the body finishes (commits and returns its result), `deadline` passes (undefined),
   * or the body waits for input that has not arrived ('wait': step again once it has).
   */
  step(deadline: number): { value: T } | 'wait' | undefined {
    if (this.state === 'done') throw new Error('this write has already ended');
    try {
      if (this.state === 'new') {
        this.nested = this.db.inTransaction;
        // IMMEDIATE takes the write lock up front: a deferred transaction that upgrades later gets
        // SQLITE_BUSY at once instead of waiting out busy_timeout.
        this.db.exec(this.nested ? `SAVEPOINT ${SAVEPOINT}` : 'BEGIN IMMEDIATE');
        this.state = 'open';
      }
      // COMMIT writes every page the body dirtied (about 13 ms for a batch of 1,000 here): it gets
      // a turn of its own unless this one has barely started.
      const started = this.now();
      while (!this.result) {
        const r = this.body.next();
        if (r.done) this.result = { value: r.value };
        else if (r.value === 'wait') return 'wait';
        else if (this.now() >= deadline) return undefined;
      }
      if (this.now() - started > 1 && deadline !== Number.POSITIVE_INFINITY) return undefined;
      this.db.exec(this.nested ? `RELEASE ${SAVEPOINT}` : 'COMMIT');
      this.state = 'done';
      this.ended();
      return this.result;
    } catch (err) {
      this.cancel();
      throw err;
    }
  }

  /** Runs to the end in one go: the plain synchronous write. */
  finish(): T {
    const r = this.step(Number.POSITIVE_INFINITY);
    if (typeof r !== 'object') throw new Error('this write is waiting for input and cannot finish now');
    return r.value;
  }

  /** Rolls back whatever this write did; nothing of it reaches the file. */
  cancel(): void {
    const wasOpen = this.state === 'open';
    this.state = 'done';
    if (wasOpen && this.db.inTransaction) this.db.exec(this.nested ? `ROLLBACK TO ${SAVEPOINT}; RELEASE ${SAVEPOINT}` : 'ROLLBACK');
    if (wasOpen) this.ended();
  }
}
