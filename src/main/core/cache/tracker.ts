import type { Database, Statement } from 'better-sqlite3';
import type { Session } from '../../../shared/protocol';
import type { SessionChange } from './session-store';
import { lazyChange } from './lazy-change';
import { rowValues, toRow } from './session-row';

interface Indexed {
  rowid: number;
  fold: string;
}

interface Tracked {
  beforeJson: string | null;
  /** What the title index holds for this row now. */
  indexed: Indexed | null;
  afterJson: string | null;
  after: Indexed | null;
  session: Session | null;
}

/** The statements a Tracker writes with, prepared once by the store that owns them. */
export class TrackerStatements {
  readonly select: Statement<[string], { rowid: number; title_fold: string; json: string }>;
  readonly upsert: Statement<unknown[]>;
  readonly erase: Statement<[string]>;
  readonly ftsDelete: Statement<[string]>;
  readonly ftsInsert: Statement<[string]>;

  constructor(db: Database, upsertSql: string) {
    this.select = db.prepare('SELECT rowid, title_fold, json FROM sessions WHERE id = ?');
    this.upsert = db.prepare(upsertSql);
    this.erase = db.prepare('DELETE FROM sessions WHERE id = ?');
    // External-content FTS5 needs the old text to delete a row; both lists go in as one JSON array each.
    this.ftsDelete = db.prepare(
      `INSERT INTO sessions_fts (sessions_fts, rowid, title_fold) SELECT 'delete', value ->> 0, value ->> 1 FROM json_each(?)`,
    );
    this.ftsInsert = db.prepare(`INSERT INTO sessions_fts (rowid, title_fold) SELECT value ->> 0, value ->> 1 FROM json_each(?)`);
  }
}

/** Rows between flushes of the title index, and between looks at the clock while reporting. */
export const INDEX_FLUSH_ROWS = 512;

/**
 * One batch of session writes inside a transaction. It reports one change per session (its state
 * before the batch and after it), skips upserts that change nothing, and keeps the title index in
 * step a few hundred rows at a time: one statement per flush, since FTS5 pays for every statement,
 * yet never one statement over a whole 100,000-session snapshot, which held the loop for seconds.
 */
export class Tracker {
  private readonly touched = new Map<string, Tracked>();
  /** Rows whose title index entry may be behind. */
  private readonly dirty = new Set<Tracked>();

  /**
   * `startsEmpty`: the table held no rows when this write began, so there is nothing to look up.
   * `indexLater`: the title index is rebuilt whole after the write (./bulk-load), not kept in step.
   */
  constructor(
    private readonly st: TrackerStatements,
    private readonly startsEmpty = false,
    private readonly indexLater = false,
  ) {}

  upsert(session: Session): void {
    const row = toRow(session);
    const t = this.track(session.id);
    if (t.afterJson === row.json) return;
    const info = this.st.upsert.run(rowValues(row));
    // ON CONFLICT DO UPDATE keeps the rowid; only a real insert makes a new one.
    t.after = { rowid: t.after ? t.after.rowid : Number(info.lastInsertRowid), fold: row.title_fold };
    t.afterJson = row.json;
    t.session = session;
    this.dirty.add(t);
  }

  remove(id: string): void {
    const t = this.track(id);
    if (t.afterJson === null) return;
    this.st.erase.run(id);
    t.after = null;
    t.afterJson = null;
    t.session = null;
    this.dirty.add(t);
  }

  /** How many rows wait for the title index. */
  get pending(): number {
    return this.dirty.size;
  }

  /** Brings the title index in step with the rows written so far: two statements at most. */
  flushIndex(): void {
    if (this.indexLater) return this.dirty.clear();
    const deletes: Array<[number, string]> = [];
    const inserts: Array<[number, string]> = [];
    for (const t of this.dirty) {
      // Judged apart from the JSON: removed and re-added unchanged in one batch, a row has a new rowid.
      const { indexed, after } = t;
      if (indexed !== null && after !== null && indexed.rowid === after.rowid && indexed.fold === after.fold) continue;
      if (indexed) deletes.push([indexed.rowid, indexed.fold]);
      if (after) inserts.push([after.rowid, after.fold]);
      t.indexed = after;
    }
    this.dirty.clear();
    if (deletes.length > 0) this.st.ftsDelete.run(JSON.stringify(deletes));
    if (inserts.length > 0) this.st.ftsInsert.run(JSON.stringify(inserts));
  }

  /** Flushes the index and returns the changes, yielding now and then; last, inside the transaction. */
  *finish(): Generator<void, SessionChange[], void> {
    this.flushIndex();
    const out: SessionChange[] = [];
    let n = 0;
    for (const t of this.touched.values()) {
      if (t.beforeJson !== t.afterJson) out.push(lazyChange(t.beforeJson, t.session));
      if (++n % INDEX_FLUSH_ROWS === 0) yield;
    }
    return out;
  }

  private track(id: string): Tracked {
    let t = this.touched.get(id);
    if (!t) {
      const row = this.startsEmpty ? undefined : this.st.select.get(id);
      const indexed = row ? { rowid: row.rowid, fold: row.title_fold } : null;
      const json = row?.json ?? null;
      // `session` is only read when the JSON moved, and every move sets it: no need to parse here.
      t = { beforeJson: json, afterJson: json, indexed, after: indexed, session: null };
      this.touched.set(id, t);
    }
    return t;
  }
}
