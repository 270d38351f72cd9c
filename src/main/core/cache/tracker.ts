import type { Database, Statement } from 'better-sqlite3';
import type { Session } from '../../../shared/protocol';
import type { SessionChange } from './session-store';
import { fromJson, rowValues, toRow } from './session-row';

interface Indexed {
  rowid: number;
  fold: string;
}

interface Tracked {
  beforeJson: string | null;
  before: Indexed | null;
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

/**
 * One batch of session writes inside a transaction. It reports one change per session (its state
 * before the batch and after it), skips upserts that change nothing, and brings the title index in
 * step at the end with two statements, whatever the batch size.
 */
export class Tracker {
  private readonly touched = new Map<string, Tracked>();

  constructor(private readonly st: TrackerStatements) {}

  upsert(session: Session): void {
    const row = toRow(session);
    const t = this.track(session.id);
    if (t.afterJson === row.json) return;
    const info = this.st.upsert.run(rowValues(row));
    // ON CONFLICT DO UPDATE keeps the rowid; only a real insert makes a new one.
    t.after = { rowid: t.after ? t.after.rowid : Number(info.lastInsertRowid), fold: row.title_fold };
    t.afterJson = row.json;
    t.session = session;
  }

  remove(id: string): void {
    const t = this.track(id);
    if (t.afterJson === null) return;
    this.st.erase.run(id);
    t.after = null;
    t.afterJson = null;
    t.session = null;
  }

  /** Syncs the title index and returns the changes; call once, last, inside the transaction. */
  finish(): SessionChange[] {
    const out: SessionChange[] = [];
    const deletes: Array<[number, string]> = [];
    const inserts: Array<[number, string]> = [];
    for (const t of this.touched.values()) {
      // Judged apart from the JSON: removed and re-added unchanged in one batch, a row has a new rowid.
      const { before, after } = t;
      const same = before !== null && after !== null && before.rowid === after.rowid && before.fold === after.fold;
      if (!same) {
        if (before) deletes.push([before.rowid, before.fold]);
        if (after) inserts.push([after.rowid, after.fold]);
      }
      if (t.beforeJson !== t.afterJson) out.push({ before: t.beforeJson === null ? null : fromJson(t.beforeJson), after: t.session });
    }
    if (deletes.length > 0) this.st.ftsDelete.run(JSON.stringify(deletes));
    if (inserts.length > 0) this.st.ftsInsert.run(JSON.stringify(inserts));
    return out;
  }

  private track(id: string): Tracked {
    let t = this.touched.get(id);
    if (!t) {
      const row = this.st.select.get(id);
      const indexed = row ? { rowid: row.rowid, fold: row.title_fold } : null;
      const json = row?.json ?? null;
      // `session` is only read when the JSON moved, and every move sets it: no need to parse here.
      t = { beforeJson: json, before: indexed, afterJson: json, after: indexed, session: null };
      this.touched.set(id, t);
    }
    return t;
  }
}
