import type { Database } from 'better-sqlite3';

/**
 * A load into an empty sessions table (a first snapshot) without its secondary indexes and title
 * index, which are built once the rows are in, inside the same transaction. Keeping seven b-trees
 * and the FTS index in step row by row was most of a 100k cold start (2.4 s of upserts and 1.4 s of
 * index flushes in the profile); building each in one pass sorts once instead.
 *
 * The price is a few long statements at the end, one per index (see BENCHMARKS.md): the core
 * still shares the main thread, and these cannot be sliced. Only an empty cache pays it; a
 * snapshot over existing rows keeps the row-by-row path, whose turns stay short.
 */
/** Titles added to the title index per statement (about 20 ms each here). */
const FTS_ROWS_PER_STATEMENT = 5_000;

export class BulkLoad {
  private readonly indexes: Array<{ name: string; sql: string }>;

  constructor(private readonly db: Database) {
    // The definitions come from the schema itself, so the rebuilt indexes are the migrated ones.
    this.indexes = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sessions' AND sql IS NOT NULL")
      .all() as Array<{ name: string; sql: string }>;
  }

  /** Inside the write's transaction, before the first row. */
  begin(): void {
    for (const { name } of this.indexes) this.db.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`);
  }

  /**
   * After the last row, still inside the transaction: one statement per turn. The title index is
   * filled FTS_ROWS_PER_STATEMENT rows at a time: FTS5's own 'rebuild' is one statement, and held
   * the loop 560 ms over 100k titles.
   */
  *finish(): Generator<void, void, void> {
    for (const { sql } of this.indexes) {
      this.db.exec(sql);
      yield;
    }
    const fill = this.db.prepare('INSERT INTO sessions_fts (rowid, title_fold) SELECT rowid, title_fold FROM sessions WHERE rowid > ? ORDER BY rowid LIMIT ?');
    const last = this.db.prepare('SELECT max(rowid) AS last FROM (SELECT rowid FROM sessions WHERE rowid > ? ORDER BY rowid LIMIT ?)');
    for (let after = 0; ; ) {
      const { last: upTo } = last.get(after, FTS_ROWS_PER_STATEMENT) as { last: number | null };
      if (upTo === null) return;
      fill.run(after, FTS_ROWS_PER_STATEMENT);
      after = upTo;
      yield;
    }
  }
}
