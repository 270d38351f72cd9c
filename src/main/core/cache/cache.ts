import type { ChangeItem, Session, TranscriptEntry } from '../../../shared/protocol';
import { CacheAccess, type CacheWrite } from './cache-access';
import { openHandle, type CacheHandle, type OpenOptions } from './open';
import { NotifyMemory, type NotifiedState, type Remembered } from './notify-memory';
import { NotifySchedule } from './notify-schedule';
import { Retention, type PruneResult } from './retention';
import type { ChildState } from './id-reads';
import type { NeedsYouCandidates } from './needs-you-reads';
import type { ListKey } from './rest-window';
import type { Facet, SessionQuery } from './session-query';
import { MetaStore } from './meta';
import { checkSeq, SessionStore, type BatchEntry, type SessionChange } from './session-store';
import { wholeSnapshot, type SnapshotSource } from './snapshot-source';
import { TranscriptStore } from './transcript-store';
import type { UnreadableSessions } from './unreadable-store';

export { CacheError, type CacheErrorReason } from './errors';
export { CACHE_FILE, type OpenOptions } from './open';
export type { BatchEntry, SessionChange, SkippedChange } from './session-store';
export type { UnreadableSessions } from './unreadable-store';
export type { SnapshotSource } from './snapshot-source';

export type { CacheWrite } from './cache-access';
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
  private readonly access: CacheAccess;
  private readonly transcripts: TranscriptStore;
  private readonly memory: NotifyMemory;
  private readonly notifySchedule: NotifySchedule;
  private readonly retention: Retention;
  private readonly meta: MetaStore;

  /** @internal Use openCache. Statements are all prepared here, once. */
  constructor(handle: CacheHandle) {
    this.handle = handle;
    this.path = handle.path;
    const { db, settings } = handle;
    this.sessions = new SessionStore(db);
    this.access = new CacheAccess(handle);
    this.transcripts = new TranscriptStore(db);
    this.memory = new NotifyMemory(db);
    this.notifySchedule = new NotifySchedule(db);
    this.retention = new Retention(db, settings.retentionMs, settings.maxBytes);
    this.meta = new MetaStore(db);
    if (!handle.readonly) this.meta.markWriterOpen(settings.now());
  }

  /** The cursor of what the views show: with held writes, ahead of the file until the flush. */
  cursor(): number | null {
    return this.access.read(() => this.access.views().cursor());
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
    // Its own transaction, never held: until it commits the views read the old, flushed state
    // (PROTOCOL.md 3.3), and writes made meanwhile join it.
    this.flush();
    return this.access.guard(this.access.write(() => this.sessions.snapshotWrite(source), false), false);
  }

  /**
   * applyChanges as one transaction run in slices (./sliced-write): the caller steps it. Skipped
   * entries move the cursor like the others and note their session as unreadable.
   */
  changesWrite(items: BatchEntry[]): CacheWrite<SessionChange[]> {
    return this.access.guard(this.access.write(() => this.sessions.changesWrite(items)));
  }

  /** The sessions the stream sent that could not be read, as of the last commit. */
  unreadable(): UnreadableSessions {
    return this.access.read(() => this.access.views().unreadable());
  }

  getSession(id: string): Session | null {
    return this.access.read(() => this.access.views().getSession(id));
  }

  query(q: SessionQuery, now: number): Session[] {
    return this.access.read(() => this.access.views().queries.query(q, now));
  }

  listKeys(q: Omit<SessionQuery, 'view' | 'limit' | 'offset'>, now: number, limit: number): ListKey[] {
    return this.access.read(() => this.access.views().queries.listKeys(q, now, limit));
  }

  count(q: SessionQuery, now: number): number {
    return this.access.read(() => this.access.views().queries.count(q, now));
  }

  /** Per kind, how many sessions the other filters let through (the Sessions page's tabs). */
  countByKind(q: Omit<SessionQuery, 'view'>, now: number): Record<Session['kind'], number> {
    return this.access.read(() => this.access.views().queries.countByKind(q, now));
  }

  /** Every session at a pending checkpoint (up to NEEDS_YOU_READ_CAP), longest wait first. */
  waitingSessions(): Session[] {
    return this.access.read(() => this.access.views().needsYou.waitingSessions());
  }

  /** What "Needs you" is chosen from: every pending checkpoint, and the person's failures since `since`. */
  needsYouCandidates(userId: string | null, since: number): NeedsYouCandidates {
    return this.access.read(() => this.access.views().needsYou.read(userId, since));
  }

  /** When the next open chat leaves the active set by the clock alone, or null. */
  nextQuietAt(now: number): number | null {
    return this.access.read(() => this.access.views().queries.nextQuietAt(now));
  }

  sessionsByIds(ids: readonly string[]): Session[] {
    return this.access.read(() => this.access.views().ids.sessionsByIds(ids));
  }

  /** What a task's roll-up needs of each of these children the cache holds. */
  childStates(ids: readonly string[]): ChildState[] {
    return this.access.read(() => this.access.views().ids.childStates(ids));
  }

  owners(): Facet[] {
    return this.access.read(() => this.access.views().facets.facets('owners'));
  }

  initiatives(): Facet[] {
    return this.access.read(() => this.access.views().facets.facets('initiatives'));
  }

  plans(): Facet[] {
    return this.access.read(() => this.access.views().facets.facets('plans'));
  }

  appendTranscript(sessionId: string, entries: TranscriptEntry[]): void {
    this.access.write(() => this.transcripts.append(sessionId, entries));
  }

  transcript(sessionId: string, afterSeq?: number, limit?: number): TranscriptEntry[] {
    return this.access.read(() => this.transcripts.read(sessionId, afterSeq, limit));
  }

  lastTranscriptSeq(sessionId: string): number {
    return this.access.read(() => this.transcripts.lastSeq(sessionId));
  }

  recall(checkpointId: string): NotifiedState | null {
    return this.access.read(() => this.memory.recall(checkpointId));
  }

  remember(items: Remembered[]): void {
    this.access.write(() => this.memory.remember(items, this.handle.settings.now()));
  }

  forget(checkpointIds: string[]): void {
    this.access.write(() => this.memory.forget(checkpointIds));
  }

  /** Follow-ups and reminders to come, and which went out (./notify-schedule); a writer's only. */
  schedule<T>(use: (schedule: NotifySchedule) => T): T {
    return this.access.write(() => use(this.notifySchedule));
  }

  getMeta(key: string): string | null {
    return this.access.read(() => this.meta.get(key));
  }

  /** Keys starting with `cache.` belong to the cache itself (the cursor is one) and are refused. */
  setMeta(key: string, value: string): void {
    this.access.write(() => this.meta.set(key, value));
  }

  /**
   * Commits the held writes (OpenOptions.holdWrites) to the file. False when there were none, or
   * when a sliced write is half done: flush again once it has ended.
   */
  flush(): boolean {
    return this.access.flush();
  }

  /** When the oldest held write was made (the clock's ms), or null when nothing is held. */
  get heldSince(): number | null {
    return this.access.heldSince;
  }

  /** Copies the WAL back into the file (PASSIVE: never waits for readers); not while a transaction is open. */
  checkpoint(): void {
    this.access.write(() => {
      if (!this.handle.db.inTransaction) this.handle.db.pragma('wal_checkpoint(PASSIVE)');
    }, false);
  }

  /** What it removed reaches the file at once, and the file shrinks: the size cap is about the disk. */
  prune(now: number): PruneResult {
    const result = this.access.write(() => this.retention.prune(now));
    if (result.sessions + result.entries > 0 && this.flush()) {
      this.access.write(() => this.handle.db.pragma('wal_checkpoint(TRUNCATE)'), false);
    }
    return result;
  }

  close(): void {
    if (this.access.closed) return;
    this.access.closed = true;
    try {
      if (!this.handle.readonly && !this.access.damaged) {
        this.access.settle();
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
}
