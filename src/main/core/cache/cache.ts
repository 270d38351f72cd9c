import type { ChangeItem, Session, TranscriptEntry } from '../../../shared/protocol';
import { CacheError, isDamageError, toCacheError } from './errors';
import { openHandle, type CacheHandle, type OpenOptions } from './open';
import { NotifyMemory, type NotifiedState, type Remembered } from './notify-memory';
import { NotifySchedule } from './notify-schedule';
import { Retention, type PruneResult } from './retention';
import { IdReads, type ChildState } from './id-reads';
import { NeedsYouReads, type NeedsYouCandidates } from './needs-you-reads';
import { FacetQueries } from './facet-queries';
import type { ListKey } from './rest-window';
import { SessionQueries, type Facet, type SessionQuery } from './session-query';
import { MetaStore } from './meta';
import { checkSeq, SessionStore, type BatchEntry, type SessionChange } from './session-store';
import type { SlicedWrite } from './sliced-write';
import { wholeSnapshot, type SnapshotSource } from './snapshot-source';
import { TranscriptStore } from './transcript-store';
import type { UnreadableSessions } from './unreadable-store';

export { CacheError, type CacheErrorReason } from './errors';
export { CACHE_FILE, type OpenOptions } from './open';
export type { BatchEntry, SessionChange, SkippedChange } from './session-store';
export type { UnreadableSessions } from './unreadable-store';
export type { SnapshotSource } from './snapshot-source';

/** A session write spread over turns; every failure leaves as a CacheError, like the rest. */
export interface CacheWrite<T> {
  /** Runs until done (committed: the result), until `deadline` (performance.now() ms), or until it waits for input. */
  step(deadline: number): { value: T } | 'wait' | undefined;
  finish(): T;
  /** Rolls back what this write did so far. */
  cancel(): void;
}
export type { SessionQuery, Facet } from './session-query';
export type { ListKey } from './rest-window';
export type { ChildState } from './id-reads';
export type { NotifiedState, Remembered } from './notify-memory';
export type { PruneResult } from './retention';

/**
 * Opens the cache in `dataDir/cache.sqlite`. A writer that finds a damaged file, or one from a
 * newer schema, moves it aside (never deletes it), starts a fresh cache and says so in `notice`;
 * the fresh cache has no cursor, so sync takes a snapshot. A reader gets a CacheError instead.
 */
export function openCache(dataDir: string, options: OpenOptions = {}): { cache: Cache; notice: string | null } {
  return openHandle(dataDir, options, (handle) => new Cache(handle));
}

/**
 * The offline cache: sessions and the sync cursor, transcripts, notification memory, meta.
 * Build it with openCache. Every SQLite failure leaves as a one-line CacheError.
 */
export class Cache {
  readonly path: string;
  private readonly handle: CacheHandle;
  private readonly sessions: SessionStore;
  private readonly queries: SessionQueries;
  private readonly facetQueries: FacetQueries;
  private readonly ids: IdReads;
  private readonly needsYou: NeedsYouReads;
  private readonly transcripts: TranscriptStore;
  private readonly memory: NotifyMemory;
  private readonly notifySchedule: NotifySchedule;
  private readonly retention: Retention;
  private readonly meta: MetaStore;
  private closed = false;
  /** Set when SQLite reported damage: closing must not tidy up a file that is about to be moved aside. */
  private damaged = false;

  /** @internal Use openCache. Statements are all prepared here, once. */
  constructor(handle: CacheHandle) {
    this.handle = handle;
    this.path = handle.path;
    const { db, settings } = handle;
    this.sessions = new SessionStore(db, handle.reader);
    this.queries = new SessionQueries(handle.reader);
    this.facetQueries = new FacetQueries(handle.reader);
    this.ids = new IdReads(handle.reader);
    this.needsYou = new NeedsYouReads(handle.reader);
    this.transcripts = new TranscriptStore(db);
    this.memory = new NotifyMemory(db);
    this.notifySchedule = new NotifySchedule(db);
    this.retention = new Retention(db, settings.retentionMs, settings.maxBytes);
    this.meta = new MetaStore(db);
    if (!handle.readonly) this.meta.markWriterOpen(settings.now());
  }

  cursor(): number | null {
    return this.read(() => this.sessions.cursor());
  }

  applySnapshot(sessions: Session[], seq: number): SessionChange[] {
    // Checked before the write starts, so a bad seq never opens a transaction.
    checkSeq(seq, 'a snapshot seq');
    return this.snapshotWrite(wholeSnapshot(sessions, seq)).finish();
  }

  applyChanges(items: ChangeItem[]): SessionChange[] {
    return this.changesWrite(items).finish();
  }

  /** A snapshot as one transaction run in slices (./sliced-write), its pages pulled as they come. */
  snapshotWrite(source: SnapshotSource): CacheWrite<SessionChange[]> {
    return this.guard(this.write(() => this.sessions.snapshotWrite(source)));
  }

  /**
   * applyChanges as one transaction run in slices (./sliced-write): the caller steps it. Skipped
   * entries move the cursor like the others and note their session as unreadable.
   */
  changesWrite(items: BatchEntry[]): CacheWrite<SessionChange[]> {
    return this.guard(this.write(() => this.sessions.changesWrite(items)));
  }

  /** The sessions the stream sent that could not be read, as of the last commit. */
  unreadable(): UnreadableSessions {
    return this.read(() => this.sessions.unreadable.read());
  }

  getSession(id: string): Session | null {
    return this.read(() => this.sessions.getSession(id));
  }

  query(q: SessionQuery, now: number): Session[] {
    return this.read(() => this.queries.query(q, now));
  }

  listKeys(q: Omit<SessionQuery, 'view' | 'limit' | 'offset'>, now: number, limit: number): ListKey[] {
    return this.read(() => this.queries.listKeys(q, now, limit));
  }

  count(q: SessionQuery, now: number): number {
    return this.read(() => this.queries.count(q, now));
  }

  /** Per kind, how many sessions the other filters let through (the Sessions page's tabs). */
  countByKind(q: Omit<SessionQuery, 'view'>, now: number): Record<Session['kind'], number> {
    return this.read(() => this.queries.countByKind(q, now));
  }

  /** Every session at a pending checkpoint (up to NEEDS_YOU_READ_CAP), longest wait first. */
  waitingSessions(): Session[] {
    return this.read(() => this.needsYou.waitingSessions());
  }

  /** What "Needs you" is chosen from: every pending checkpoint, and the person's failures since `since`. */
  needsYouCandidates(userId: string | null, since: number): NeedsYouCandidates {
    return this.read(() => this.needsYou.read(userId, since));
  }

  /** When the next open chat leaves the active set by the clock alone, or null. */
  nextQuietAt(now: number): number | null {
    return this.read(() => this.queries.nextQuietAt(now));
  }

  sessionsByIds(ids: readonly string[]): Session[] {
    return this.read(() => this.ids.sessionsByIds(ids));
  }

  /** What a task's roll-up needs of each of these children the cache holds. */
  childStates(ids: readonly string[]): ChildState[] {
    return this.read(() => this.ids.childStates(ids));
  }

  owners(): Facet[] {
    return this.read(() => this.facetQueries.facets('owners'));
  }

  initiatives(): Facet[] {
    return this.read(() => this.facetQueries.facets('initiatives'));
  }

  plans(): Facet[] {
    return this.read(() => this.facetQueries.facets('plans'));
  }

  appendTranscript(sessionId: string, entries: TranscriptEntry[]): void {
    this.write(() => this.transcripts.append(sessionId, entries));
  }

  transcript(sessionId: string, afterSeq?: number, limit?: number): TranscriptEntry[] {
    return this.read(() => this.transcripts.read(sessionId, afterSeq, limit));
  }

  lastTranscriptSeq(sessionId: string): number {
    return this.read(() => this.transcripts.lastSeq(sessionId));
  }

  recall(checkpointId: string): NotifiedState | null {
    return this.read(() => this.memory.recall(checkpointId));
  }

  remember(items: Remembered[]): void {
    this.write(() => this.memory.remember(items, this.handle.settings.now()));
  }

  forget(checkpointIds: string[]): void {
    this.write(() => this.memory.forget(checkpointIds));
  }

  /** Follow-ups and reminders to come, and which went out (./notify-schedule); a writer's only. */
  schedule<T>(use: (schedule: NotifySchedule) => T): T {
    return this.write(() => use(this.notifySchedule));
  }

  getMeta(key: string): string | null {
    return this.read(() => this.meta.get(key));
  }

  /** Keys starting with `cache.` belong to the cache itself (the cursor is one) and are refused. */
  setMeta(key: string, value: string): void {
    this.write(() => this.meta.set(key, value));
  }

  /** Copies the WAL back into the file (PASSIVE: never waits for readers). */
  checkpoint(): void {
    this.write(() => this.handle.db.pragma('wal_checkpoint(PASSIVE)'));
  }

  prune(now: number): PruneResult {
    return this.write(() => this.retention.prune(now));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      if (!this.handle.readonly && !this.damaged) {
        // A sliced write left open (its owner was not told to stop) is rolled back, never half kept.
        if (this.handle.db.inTransaction) this.handle.db.exec('ROLLBACK');
        // Keeps the planner's statistics fresh for the next start; cheap when nothing changed.
        this.handle.db.pragma('optimize');
        // After damage the marker stays, so the next open checks the file and moves it aside.
        this.meta.markWriterClosed();
      }
    } catch {
      // Closing must not fail over a housekeeping step.
    } finally {
      if (this.handle.reader !== this.handle.db) this.handle.reader.close();
      this.handle.db.close();
      this.handle.lock?.release();
    }
  }

  private guard<T>(write: SlicedWrite<T>): CacheWrite<T> {
    return {
      step: (deadline) => this.write(() => write.step(deadline)),
      finish: () => this.write(() => write.finish()),
      cancel: () => {
        if (!this.closed) write.cancel();
      },
    };
  }

  private read<T>(fn: () => T): T {
    if (this.closed) throw new CacheError(`the cache at ${this.handle.dir} is closed`, 'closed');
    try {
      return fn();
    } catch (err) {
      if (isDamageError(err)) this.damaged = true;
      throw toCacheError(err, this.handle.dir);
    }
  }

  private write<T>(fn: () => T): T {
    if (this.handle.readonly) {
      throw new CacheError(`the cache at ${this.handle.dir} is open read-only; only sync writes to it`, 'readonly');
    }
    return this.read(fn);
  }
}
