import type { Database, Statement } from 'better-sqlite3';
import type { SessionChange } from '../../../shared/sessions';
import type { ChangeItem, Session, SkippedItem } from '../../../shared/protocol';
import { CacheError } from './errors';
import { CURSOR_KEY, META_UPSERT } from './meta';
import { SESSION_COLUMNS } from './session-row';
import { BulkLoad } from './bulk-load';
import { ROWS_PER_YIELD, SlicedWrite } from './sliced-write';
import type { SnapshotSource } from './snapshot-source';
import { INDEX_FLUSH_ROWS, Tracker, TrackerStatements } from './tracker';
import { UnreadableStore } from './unreadable-store';

export type { SessionChange };

/** An item of a batch that could not be read: its seq still moves the cursor (PROTOCOL.md section 1). */
export type SkippedChange = SkippedItem & { seq: number; op: 'skipped' };
/** One position of a changes batch, in seq order: a change to apply, or one that was skipped. */
export type BatchEntry = ChangeItem | SkippedChange;

// Positional parameters: binding a 17-key object by name cost about as much as the write itself.
const UPSERT_SQL = `INSERT INTO sessions (${SESSION_COLUMNS.join(', ')}) VALUES (${SESSION_COLUMNS.map(() => '?').join(', ')})
  ON CONFLICT (id) DO UPDATE SET ${SESSION_COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ')}`;

export function checkSeq(seq: number, what: string): void {
  if (!Number.isSafeInteger(seq) || seq < 0) throw new CacheError(`${what} must be a non-negative integer, got ${seq}`, 'sequence');
}

/**
 * Oldest first: every index but the id's is ordered by time, so rows then land at one end of each
 * b-tree instead of all over it (a shuffled 100k snapshot took 6.1 s to write, a sorted one 4.0 s).
 */
function byTime(sessions: Session[]): Session[] {
  const keyed = sessions.map((s) => ({ t: Date.parse(s.updatedAt), s }));
  keyed.sort((a, b) => a.t - b.t);
  return keyed.map((k) => k.s);
}


/** Sessions and the cursor; every session write goes through a Tracker (./tracker). */
export class SessionStore {
  private readonly selectIds: Statement<[], { id: string }>;
  private readonly tracking: TrackerStatements;
  /** The cursor as this connection sees it, inside the write. */
  private readonly selectCursor: Statement<[string], { value: string }>;
  private readonly writeCursor: Statement<[string, string]>;
  readonly unreadable: UnreadableStore;

  /** Writes only: reads go through ./read-views. */
  constructor(private readonly db: Database) {
    this.selectIds = db.prepare('SELECT id FROM sessions');
    this.tracking = new TrackerStatements(db, UPSERT_SQL);
    this.selectCursor = db.prepare('SELECT value FROM meta WHERE key = ?');
    this.writeCursor = db.prepare(META_UPSERT);
    this.unreadable = new UnreadableStore(db);
  }

  /** The snapshot and its cursor as one transaction, run in slices by the caller. */
  snapshotWrite(source: SnapshotSource): SlicedWrite<SessionChange[]> {
    // A first snapshot's WAL is the whole cache (about 100 MB at 100k): SQLite would copy it back
    // inside the COMMIT. Left to the idle checkpoint instead (sync/idle-checkpoint).
    const autocheckpoint = this.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    return new SlicedWrite(this.db, this.snapshotBody(source), undefined, () => {
      this.db.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
    });
  }

  /** A batch and its cursor as one transaction, run in slices by the caller. */
  changesWrite(items: BatchEntry[]): SlicedWrite<SessionChange[]> {
    for (const item of items) checkSeq(item.seq, 'a change seq');
    return new SlicedWrite(this.db, this.changesBody(items));
  }

  private *snapshotBody(source: SnapshotSource): Generator<void | 'wait', SessionChange[], void> {
    const gone = new Set(this.selectIds.all().map((r) => r.id));
    const bulk = gone.size === 0 ? new BulkLoad(this.db) : null;
    if (bulk) {
      bulk.begin();
      this.db.pragma('wal_autocheckpoint = 0');
    }
    const tracker = new Tracker(this.tracking, bulk !== null, bulk !== null);
    // The snapshot is the whole tenant: what it cannot read is all that stays unreadable.
    this.unreadable.clearAll();
    let n = 0;
    let idless = 0;
    for (;;) {
      const next = source.take();
      if (next === 'wait') {
        yield 'wait';
        continue;
      }
      if ('seq' in next) {
        checkSeq(next.seq, 'a snapshot seq');
        for (const id of gone) {
          tracker.remove(id);
          yield* this.pace(tracker, n++);
        }
        this.writeCursor.run(CURSOR_KEY, String(next.seq));
        const changes = yield* tracker.finish();
        if (bulk) yield* bulk.finish();
        return changes;
      }
      // A session that could not be read is not held: left in `gone`, an older copy is removed.
      for (const skipped of next.skipped ?? []) this.unreadable.add(skipped, `snapshot:${idless++}`);
      for (const s of byTime(next.sessions)) {
        gone.delete(s.id);
        tracker.upsert(s);
        yield* this.pace(tracker, n++);
      }
    }
  }

  private *changesBody(items: BatchEntry[]): Generator<void | 'wait', SessionChange[], void> {
    const row = this.selectCursor.get(CURSOR_KEY);
    const cursor = row === undefined ? null : Number(row.value);
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
    const tracker = new Tracker(this.tracking);
    // Clearing costs a statement per item: skipped while nothing is noted and this batch notes nothing.
    const noted = this.unreadable.any() || fresh.some((item) => item.op === 'skipped');
    for (let i = 0; i < fresh.length; i++) {
      const item = fresh[i]!;
      // A skipped upsert keeps the last good version: the row is left as it is.
      if (item.op === 'skipped') this.unreadable.add(item, `seq:${item.seq}`);
      else {
        if (item.op === 'upsert') tracker.upsert(item.session);
        else tracker.remove(item.id);
        if (noted) this.unreadable.clear(item.op === 'upsert' ? item.session.id : item.id);
      }
      yield* this.pace(tracker, i);
    }
    this.writeCursor.run(CURSOR_KEY, String(fresh[fresh.length - 1]!.seq));
    return yield* tracker.finish();
  }

  /** After row `i`: now and then a chance to stop for this turn, and the title index kept in step. */
  private *pace(tracker: Tracker, i: number): Generator<void, void, void> {
    if (tracker.pending >= INDEX_FLUSH_ROWS) tracker.flushIndex();
    if (i % ROWS_PER_YIELD === ROWS_PER_YIELD - 1) yield;
  }
}
