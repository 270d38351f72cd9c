import type { Database, Statement } from 'better-sqlite3';
import type { SkippedItem } from '../../../shared/protocol';

/** What the person is told: how many sessions could not be read, and the ids that could be. */
export interface UnreadableSessions {
  count: number;
  /** Readable ids only, sorted; an item with no readable id is counted but has none to show. */
  ids: string[];
}

/**
 * The ids of sessions the stream sent in a form this version could not read (PROTOCOL.md section 1),
 * written inside the same transactions as the sessions, so they always describe what the cache holds.
 */
export class UnreadableStore {
  private readonly put: Statement<[string, string | null, string]>;
  private readonly clearOne: Statement<[string]>;
  private readonly clearAllStmt: Statement<[]>;
  private readonly anyStmt: Statement<[], { one: number }>;

  /** Writes only: the list is read through ./read-views. */
  constructor(db: Database) {
    this.put = db.prepare('INSERT INTO unreadable (key, id, reason) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET reason = excluded.reason');
    this.clearOne = db.prepare('DELETE FROM unreadable WHERE key = ?');
    this.clearAllStmt = db.prepare('DELETE FROM unreadable');
    this.anyStmt = db.prepare('SELECT 1 AS one FROM unreadable LIMIT 1');
  }

  /** `standIn` keys an item whose id is unreadable (its seq, its place in a snapshot). */
  add(item: SkippedItem, standIn: string): void {
    this.put.run(item.id ?? `#${standIn}`, item.id, item.reason);
  }

  /** A good version of the session, or its removal, arrived. */
  clear(id: string): void {
    this.clearOne.run(id);
  }

  /** A snapshot is the whole tenant: what it could not read replaces everything noted before. */
  clearAll(): void {
    this.clearAllStmt.run();
  }

  /** Whether anything is noted (inside the write: lets a batch skip clearing an empty table). */
  any(): boolean {
    return this.anyStmt.get() !== undefined;
  }
}
