import type { Database, Statement } from 'better-sqlite3';
import type { SessionChange } from '../../../shared/sessions';
import type { ChangeItem, Session } from '../../../shared/protocol';
import { CacheError } from './errors';
import { CURSOR_KEY, META_UPSERT } from './meta';
import { fromJson, type SessionRow } from './session-row';
import { Tracker, TrackerStatements } from './tracker';

export type { SessionChange };

const COLUMNS = [
  'id', 'id_key', 'kind', 'status', 'owner_id', 'owner_name', 'initiative_id', 'initiative_name',
  'plan_id', 'plan_name', 'title', 'title_fold', 'updated_at', 'live', 'last_message_at', 'ended', 'json',
] as const satisfies ReadonlyArray<keyof SessionRow>;

const UPSERT_SQL = `INSERT INTO sessions (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})
  ON CONFLICT (id) DO UPDATE SET ${COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ')}`;

function checkSeq(seq: number, what: string): void {
  if (!Number.isSafeInteger(seq) || seq < 0) throw new CacheError(`${what} must be a non-negative integer, got ${seq}`, 'sequence');
}

/** Sessions and the cursor; every session write goes through a Tracker (./tracker). */
export class SessionStore {
  private readonly selectJson: Statement<[string], { json: string }>;
  private readonly selectIds: Statement<[], { id: string }>;
  private readonly tracking: TrackerStatements;
  private readonly selectCursor: Statement<[string], { value: string }>;
  private readonly writeCursor: Statement<[string, string]>;
  private readonly snapshotTx: (sessions: Session[], seq: number) => SessionChange[];
  private readonly changesTx: (items: ChangeItem[]) => SessionChange[];

  constructor(db: Database) {
    this.selectJson = db.prepare('SELECT json FROM sessions WHERE id = ?');
    this.selectIds = db.prepare('SELECT id FROM sessions');
    this.tracking = new TrackerStatements(db, UPSERT_SQL);
    this.selectCursor = db.prepare('SELECT value FROM meta WHERE key = ?');
    this.writeCursor = db.prepare(META_UPSERT);
    // IMMEDIATE takes the write lock up front: a deferred transaction that upgrades later gets
    // SQLITE_BUSY at once instead of waiting out busy_timeout.
    const snapshot = db.transaction((sessions: Session[], seq: number) => this.snapshotBody(sessions, seq));
    const changes = db.transaction((items: ChangeItem[]) => this.changesBody(items));
    this.snapshotTx = (sessions, seq) => snapshot.immediate(sessions, seq);
    this.changesTx = (items) => changes.immediate(items);
  }

  cursor(): number | null {
    const row = this.selectCursor.get(CURSOR_KEY);
    return row === undefined ? null : Number(row.value);
  }

  getSession(id: string): Session | null {
    const row = this.selectJson.get(id);
    return row === undefined ? null : fromJson(row.json);
  }

  applySnapshot(sessions: Session[], seq: number): SessionChange[] {
    checkSeq(seq, 'a snapshot seq');
    return this.snapshotTx(sessions, seq);
  }

  applyChanges(items: ChangeItem[]): SessionChange[] {
    for (const item of items) checkSeq(item.seq, 'a change seq');
    return this.changesTx(items);
  }

  private snapshotBody(sessions: Session[], seq: number): SessionChange[] {
    const tracker = this.tracker();
    const gone = new Set(this.selectIds.all().map((r) => r.id));
    for (const s of sessions) {
      gone.delete(s.id);
      tracker.upsert(s);
    }
    for (const id of gone) tracker.remove(id);
    this.writeCursor.run(CURSOR_KEY, String(seq));
    return tracker.finish();
  }

  private changesBody(items: ChangeItem[]): SessionChange[] {
    const cursor = this.cursor();
    if (cursor === null) {
      throw new CacheError('the cache has no cursor yet: apply a snapshot before changes', 'sequence');
    }
    const fresh = items.filter((item) => item.seq > cursor);
    if (fresh.length === 0) return [];
    fresh.forEach((item, i) => {
      if (item.seq !== cursor + 1 + i) {
        throw new CacheError(`changes are not contiguous: expected seq ${cursor + 1 + i}, got ${item.seq}`, 'sequence');
      }
    });
    const tracker = this.tracker();
    for (const item of fresh) {
      if (item.op === 'upsert') tracker.upsert(item.session);
      else tracker.remove(item.id);
    }
    this.writeCursor.run(CURSOR_KEY, String(fresh[fresh.length - 1]!.seq));
    return tracker.finish();
  }

  private tracker(): Tracker {
    return new Tracker(this.tracking);
  }
}
