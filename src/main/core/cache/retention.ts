import type { Database, Statement } from 'better-sqlite3';
import { CHAT_QUIET_AFTER_MS } from '../../../shared/sessions';
import { NOT_ACTIVE } from './session-query';

export const DAY_MS = 24 * 60 * 60_000;


export interface PruneResult {
  sessions: number;
  entries: number;
}

/**
 * Retention in two passes: sessions idle past the window go with their transcripts and
 * notification memory; then, over the size cap, transcripts of the oldest idle sessions go (the
 * sessions stay listed). Active sessions are never touched. Freed pages go back to the file system
 * with incremental auto-vacuum rather than a full VACUUM, which would rewrite the whole file.
 */
export class Retention {
  private readonly countStale: Statement<Record<string, number>, { n: number }>;
  private readonly deleteStale: Statement<Record<string, number>>;
  private readonly unindexStale: Statement<Record<string, number>>;
  private readonly sweepNotified: Statement<[number]>;
  private readonly candidates: Statement<Record<string, number>, { id: string }>;
  private readonly deleteEntries: Statement<[string]>;
  private readonly sizes: Statement<[], { live: number; free: number }>;
  private readonly checkpoint: Statement<[]>;
  private readonly staleTx: (now: number) => PruneResult;
  private readonly capTx: (now: number) => number;

  constructor(
    private readonly db: Database,
    private readonly retentionMs: number,
    private readonly maxBytes: number,
  ) {
    const stale = `(${NOT_ACTIVE}) AND updated_at < @cutoff`;
    this.countStale = db.prepare(
      `SELECT count(*) AS n FROM transcripts WHERE session_id IN (SELECT id FROM sessions WHERE ${stale})`,
    );
    this.deleteStale = db.prepare(`DELETE FROM sessions WHERE ${stale}`);
    // The title index is kept by hand (see the schema): out with the rows, in one statement.
    this.unindexStale = db.prepare(
      `INSERT INTO sessions_fts (sessions_fts, rowid, title_fold) SELECT 'delete', rowid, title_fold FROM sessions WHERE ${stale}`,
    );
    // Memory of checkpoints whose session the cache never held would otherwise stay forever.
    this.sweepNotified = db.prepare('DELETE FROM notified WHERE remembered_at < ? AND session_id NOT IN (SELECT id FROM sessions)');
    this.candidates = db.prepare(
      `SELECT id FROM sessions WHERE (${NOT_ACTIVE}) AND EXISTS (SELECT 1 FROM transcripts WHERE session_id = sessions.id)
       ORDER BY updated_at, id_key LIMIT @limit`,
    );
    this.deleteEntries = db.prepare('DELETE FROM transcripts WHERE session_id = ?');
    this.sizes = db.prepare(
      `SELECT (p.page_count - f.freelist_count) * s.page_size AS live, f.freelist_count AS free
       FROM pragma_page_count() AS p, pragma_freelist_count() AS f, pragma_page_size() AS s`,
    );
    this.checkpoint = db.prepare('PRAGMA wal_checkpoint(TRUNCATE)');
    const staleTx = db.transaction((now: number) => {
      const params = { quietBefore: now - CHAT_QUIET_AFTER_MS, cutoff: now - this.retentionMs };
      const entries = this.countStale.get(params)!.n;
      this.unindexStale.run(params);
      const sessions = this.deleteStale.run(params).changes;
      this.sweepNotified.run(params.cutoff);
      return { sessions, entries };
    });
    const capTx = db.transaction((now: number) => {
      let entries = 0;
      const params = { quietBefore: now - CHAT_QUIET_AFTER_MS, limit: 100 };
      while (this.liveBytes() > this.maxBytes) {
        const batch = this.candidates.all(params);
        if (batch.length === 0) break;
        for (const { id } of batch) {
          entries += this.deleteEntries.run(id).changes;
          if (this.liveBytes() <= this.maxBytes) break;
        }
      }
      return entries;
    });
    this.staleTx = (now) => staleTx.immediate(now);
    this.capTx = (now) => capTx.immediate(now);
  }

  prune(now: number): PruneResult {
    const result = this.staleTx(now);
    if (this.liveBytes() > this.maxBytes) result.entries += this.capTx(now);
    if (this.sizes.get()!.free > 0) {
      // Through db.pragma, which steps the statement to the end: run() would free a single page.
      this.db.pragma('incremental_vacuum');
      // Best effort: with a reader mid-transaction the WAL cannot be reset yet; a later checkpoint will.
      // Inside held writes (./held-transaction) it waits for the flush's own checkpoint.
      if (!this.db.inTransaction) this.checkpoint.all();
    }
    return result;
  }

  /** The size the file has once free pages are returned: what the cap is compared with. */
  liveBytes(): number {
    return this.sizes.get()!.live;
  }
}
