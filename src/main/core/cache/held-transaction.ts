import type { Database } from 'better-sqlite3';

/**
 * A writer's writes between flushes, held in one open transaction on its connection. Committed
 * one batch at a time, every commit wrote each page its batch touched (a changed session's row
 * and a leaf of each index ordered by time, about 13 pages) and the checkpoint wrote them again:
 * 22 bytes per byte received on a busy stream, 150 KB per change on a quiet one (BENCHMARKS.md,
 * "Soak"). Held, a page changed a hundred times reaches the file once per flush.
 *
 * The views read through the same connection (./read-views), so they see every write at once;
 * only the file lags. A crash loses what was held, and the cursor with it (PROTOCOL.md 3.4): the
 * next connect replays those changes from the cursor the file holds.
 */
export class HeldTransaction {
  private openedAt: number | null = null;

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  /** Before a write: opens the held transaction, or joins the one open (a snapshot's, ./sliced-write). */
  hold(): void {
    if (this.db.inTransaction) return;
    // IMMEDIATE, as every write here: it must not start as a reader and fail to upgrade.
    this.db.exec('BEGIN IMMEDIATE');
    this.openedAt = this.now();
  }

  /** When the held transaction opened (the clock's ms), or null when nothing is held. */
  get heldSince(): number | null {
    if (!this.db.inTransaction) this.openedAt = null;
    return this.openedAt;
  }

  /** Commits what is held; false when nothing was. The caller makes sure no savepoint is open. */
  flush(): boolean {
    if (this.heldSince === null) return false;
    this.db.exec('COMMIT');
    this.openedAt = null;
    return true;
  }
}
