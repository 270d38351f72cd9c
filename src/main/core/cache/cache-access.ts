import { CacheError, isDamageError, toCacheError } from './errors';
import { HeldTransaction } from './held-transaction';
import type { CacheHandle } from './open';
import { ReadViews } from './read-views';
import type { SlicedWrite } from './sliced-write';

/** A session write spread over turns; every failure leaves as a CacheError, like the rest. */
export interface CacheWrite<T> {
  /** Runs until done (committed: the result), until `deadline` (performance.now() ms), or until it waits for input. */
  step(deadline: number): { value: T } | 'wait' | undefined;
  finish(): T;
  /** Rolls back what this write did so far. */
  cancel(): void;
}

/**
 * How the Cache facade (./cache) reaches its connections: which one a read goes to, the held
 * transaction a write joins (./held-transaction), the sliced writes still open, and every SQLite
 * failure turned into a one-line CacheError.
 */
export class CacheAccess {
  closed = false;
  /** Set when SQLite reported damage: closing must not tidy up a file that is about to be moved aside. */
  damaged = false;
  /** Reads on the writer's own connection: they see held writes. */
  private readonly live: ReadViews;
  /** Reads of what the file holds: while a snapshot is being written, and in a reader. */
  private readonly committed: ReadViews;
  /** Set when the cache holds its writes until flush() (OpenOptions.holdWrites). */
  private readonly held: HeldTransaction | null;
  /** Sliced writes not yet ended: a flush must not commit half of one. */
  private readonly slices = new Set<SlicedWrite<unknown>>();

  constructor(private readonly handle: CacheHandle) {
    this.committed = new ReadViews(handle.reader);
    this.held = handle.settings.holdWrites && !handle.readonly ? new HeldTransaction(handle.db, handle.settings.now) : null;
    this.live = this.held ? new ReadViews(handle.db) : this.committed;
  }

  /** Held writes are read on the writer's connection, except while a snapshot's own transaction is open. */
  views(): ReadViews {
    if (this.held && this.held.heldSince === null && this.handle.db.inTransaction) return this.committed;
    return this.live;
  }

  get heldSince(): number | null {
    return this.held?.heldSince ?? null;
  }

  read<T>(fn: () => T): T {
    if (this.closed) throw new CacheError(`the cache at ${this.handle.dir} is closed`, 'closed');
    try {
      return fn();
    } catch (err) {
      if (isDamageError(err)) this.damaged = true;
      throw toCacheError(err, this.handle.dir);
    }
  }

  /** `hold`: the write joins the held transaction, opening it if needed. */
  write<T>(fn: () => T, hold = true): T {
    if (this.handle.readonly) {
      throw new CacheError(`the cache at ${this.handle.dir} is open read-only; only sync writes to it`, 'readonly');
    }
    return this.read(() => {
      if (hold) this.held?.hold();
      return fn();
    });
  }

  /** A sliced write as a CacheWrite; `hold: false` for one that must be its own transaction. */
  guard<T>(write: SlicedWrite<T>, hold = true): CacheWrite<T> {
    this.slices.add(write as SlicedWrite<unknown>);
    const ended = <R>(fn: () => R): R => {
      try {
        return fn();
      } finally {
        if (write.done) this.slices.delete(write as SlicedWrite<unknown>);
      }
    };
    return {
      step: (deadline) => ended(() => this.write(() => write.step(deadline), hold)),
      finish: () => ended(() => this.write(() => write.finish(), hold)),
      cancel: () => {
        if (!this.closed) ended(() => write.cancel());
      },
    };
  }

  /** Commits the held writes; false when there were none, or while a sliced write is half done. */
  flush(): boolean {
    if (!this.held) return false;
    for (const slice of this.slices) {
      if (slice.done) this.slices.delete(slice);
      else if (slice.open) return false;
    }
    return this.write(() => this.held!.flush(), false);
  }

  /**
   * Before closing: a sliced write left open (its owner was not told to stop) is rolled back, never
   * half kept; what is held around it is complete and reaches the file.
   */
  settle(): void {
    for (const slice of this.slices) slice.cancel();
    this.slices.clear();
    this.held?.flush();
    if (this.handle.db.inTransaction) this.handle.db.exec('ROLLBACK');
  }
}
