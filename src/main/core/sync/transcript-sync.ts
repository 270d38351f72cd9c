import type { StreamFrame } from '../../../shared/protocol';
import type { Cache, SessionChange } from '../cache/cache';
import type { FrameChannel } from '../connection/connection';
import { silentLogger, type Logger } from '../log';
import { DrainBarriers } from './drain-barriers';
import { PrefetchSet } from './prefetch-set';
import { RequestPacer } from './request-pacer';
import { SkipLog } from './skip-log';
import { readTranscriptPage, type ReadPage } from './transcript-page';
import { TranscriptPositions } from './transcript-positions';
import { PREFETCH_LIMIT, type PriorityContext } from './transcript-priority';

/** A `rate_limited` error without `retryAfterMs`: the demo backend's own figure (README). */
const DEFAULT_RETRY_AFTER_MS = 5_000;

export interface TranscriptSyncOptions {
  /** The clock the 30-minute and 24-hour rules run on (server-corrected). */
  now: () => number;
  pageSize?: number;
  /** Requests in flight at once, so transcripts never crowd out the session stream. */
  concurrency?: number;
  /** And at most this many requests a second. */
  requestsPerSecond?: number;
  /** The signed-in user: their sessions come first (./transcript-priority). */
  userId?: () => string | null;
  /** How many sessions are fetched ahead of being opened (PREFETCH_LIMIT). */
  prefetchLimit?: number;
  /** Told after entries of an opened session were stored, so a view can show them. */
  onStored?: (sessionId: string, afterSeq: number) => void;
  /** Where an entry that could not be read is told of. */
  logger?: Logger;
}

/**
 * Keeps cached transcripts current (PROTOCOL.md 3.5): every session a person has open, and a
 * bounded prefetch set of the active and recent sessions they are most likely to open
 * (./prefetch-set), fetched page by page after the last cached seq; open ones are watched live.
 * Any other session is fetched when opened. Entries are redacted by the cache before they are written.
 */
export class TranscriptSync {
  private readonly opened = new Set<string>();
  private readonly queue = new Set<string>();
  private readonly inFlight = new Map<string, string>();
  private readonly pacer: RequestPacer;
  private paced: NodeJS.Timeout | null = null;
  private reqCounter = 0;
  private readonly barriers = new DrainBarriers();
  private readonly pageSize: number;
  private readonly concurrency: number;
  private readonly prefetchLimit: number;
  private readonly prefetch: PrefetchSet;
  /** transcript.get requests sent, for the bench and the log. */
  readonly stats = { requests: 0 };
  private readonly positions: TranscriptPositions;
  private readonly skips: SkipLog;
  /** The seq each request in flight asked after, by reqId. */
  private readonly askedAfter = new Map<string, number>();

  constructor(
    private readonly connection: FrameChannel,
    private readonly cache: Cache,
    private readonly options: TranscriptSyncOptions,
  ) {
    this.pageSize = options.pageSize ?? 200;
    this.concurrency = options.concurrency ?? 8;
    this.prefetchLimit = options.prefetchLimit ?? PREFETCH_LIMIT;
    this.prefetch = new PrefetchSet(this.prefetchLimit);
    this.positions = new TranscriptPositions(cache);
    this.pacer = new RequestPacer(options.requestsPerSecond ?? 100);
    this.skips = new SkipLog(options.logger ?? silentLogger);
    connection.on('frame', (frame) => this.onFrame(frame));
    connection.on('live', () => this.onLive());
    connection.on('down', () => {
      for (const sessionId of this.inFlight.values()) this.queue.add(sessionId);
      this.inFlight.clear();
      this.askedAfter.clear();
    });
  }

  /** A person opened a session: fetch what is missing and watch it while it stays open. */
  open(sessionId: string): void {
    this.opened.add(sessionId);
    this.connection.send({ type: 'transcript.watch', sessionId });
    this.queue.add(sessionId);
    this.pump();
  }

  close(sessionId: string): void {
    if (!this.opened.delete(sessionId)) return;
    this.connection.send({ type: 'transcript.unwatch', sessionId });
  }

  /**
   * After the cache applied changes: sessions that moved and are opened or in the prefetch set get
   * their new entries. A change set larger than the set (a snapshot, a backlog) chooses it again.
   */
  noteApplied(changes: SessionChange[]): void {
    const ctx = this.context();
    for (const { after, before } of changes) {
      if (after) continue;
      if (before) {
        this.prefetch.drop(before.id);
        this.finished(before.id, true);
      }
    }
    if (changes.length > this.prefetchLimit) {
      this.choosePrefetch(false);
      for (const { after } of changes) if (after && this.prefetch.has(after.id)) this.queue.add(after.id);
    } else {
      for (const { after } of changes) if (after && this.prefetch.admit(after, ctx)) this.queue.add(after.id);
    }
    this.pump();
  }

  /**
   * Chooses the prefetch set again from the cache, at connect and when caught up, and queues it
   * best first: all of it with `recheck` (a reconnect may have missed entries), else those new to it.
   */
  choosePrefetch(recheck = false): void {
    const ctx = this.context();
    const limit = this.prefetchLimit;
    const candidates = [
      ...[...this.opened].map((id) => this.cache.getSession(id)).filter((s) => s !== null),
      // Every checkpoint, from its own index: the person's own may be older than their newest
      // `limit` active sessions, and still come right after what is open.
      ...this.cache.waitingSessions(),
      ...(ctx.userId ? this.cache.query({ view: 'active', ownerId: ctx.userId, limit }, ctx.now) : []),
      ...this.cache.query({ view: 'active', limit }, ctx.now),
      ...this.cache.query({ view: 'recent', limit }, ctx.now),
    ];
    const { chosen, joined } = this.prefetch.refresh(candidates, ctx);
    for (const s of recheck ? chosen : joined) this.queue.add(s.id);
    this.pump();
  }

  /**
   * Resolves once every transcript queued or in flight now has been fetched once (sync --once
   * waits for this). Later work does not hold it back, so a busy tenant cannot keep it open forever.
   */
  drained(): Promise<void> {
    return this.barriers.wait([...this.queue, ...this.inFlight.values()]);
  }

  stop(): void {
    if (this.paced) clearTimeout(this.paced);
    this.paced = null;
  }

  private onLive(): void {
    for (const id of this.opened) this.connection.send({ type: 'transcript.watch', sessionId: id });
    for (const id of this.opened) this.queue.add(id);
    this.choosePrefetch(true);
  }

  private pump(): void {
    if (!this.connection.isLive || this.paced) return;
    const busy = new Set(this.inFlight.values());
    for (const sessionId of this.queue) {
      if (this.inFlight.size >= this.concurrency) return;
      if (busy.has(sessionId)) continue;
      const wait = this.pacer.wait();
      if (wait > 0) {
        this.paced = setTimeout(() => {
          this.paced = null;
          this.pump();
        }, wait);
        this.paced.unref();
        return;
      }
      this.queue.delete(sessionId);
      busy.add(sessionId);
      this.request(sessionId);
    }
  }

  private request(sessionId: string): void {
    const reqId = `t_${++this.reqCounter}`;
    const afterSeq = this.positions.of(sessionId);
    if (!this.connection.send({ type: 'transcript.get', reqId, sessionId, afterSeq, limit: this.pageSize })) {
      this.queue.add(sessionId);
      return;
    }
    this.pacer.record();
    this.stats.requests++;
    this.inFlight.set(reqId, sessionId);
    this.askedAfter.set(reqId, afterSeq);
  }

  private onFrame(frame: StreamFrame): void {
    if (frame.type === 'transcript') {
      const sessionId = this.inFlight.get(frame.reqId);
      if (sessionId === undefined) return;
      this.inFlight.delete(frame.reqId);
      const asked = this.askedAfter.get(frame.reqId) ?? 0;
      this.askedAfter.delete(frame.reqId);
      const before = this.positions.of(sessionId);
      // The cache lost entries while the page was on its way (the session was removed and came
      // back in one batch): storing it would leave a hole, so ask again from what is held.
      if (before < asked) {
        this.requeueFirst(sessionId);
        return this.pump();
      }
      const page = this.read(sessionId, frame.entries, before);
      this.store(sessionId, page);
      // Not complete: the rest goes to the front of the line, so one transcript finishes first. A
      // page that got nowhere (nothing readable, not even a seq) ends it for now rather than loop.
      if (!frame.complete && this.positions.of(sessionId) > before) this.requeueFirst(sessionId);
      else this.finished(sessionId, false);
      this.pump();
    } else if (frame.type === 'transcript.append') {
      if (!this.opened.has(frame.sessionId) || frame.entries.length === 0) return;
      const page = this.read(frame.sessionId, frame.entries, null);
      // Contiguous: store as is. Otherwise something was missed: fetch from the last position.
      if (page.first !== null && page.first <= this.positions.of(frame.sessionId) + 1) this.store(frame.sessionId, page);
      else {
        this.queue.add(frame.sessionId);
        this.pump();
      }
    } else if (frame.type === 'error') {
      const limited = frame.code === 'rate_limited';
      // Nothing more goes until the server's time is up (a 4003 close may follow: then reconnect).
      if (limited) this.pacer.holdFor(frame.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS);
      const sessionId = frame.reqId == null ? undefined : this.inFlight.get(frame.reqId);
      if (sessionId === undefined) return;
      this.inFlight.delete(frame.reqId!);
      this.askedAfter.delete(frame.reqId!);
      // Refused for now, not for good: asked again once the hold is over.
      if (limited) this.requeueFirst(sessionId);
      else this.finished(sessionId, false);
      this.pump();
    }
  }

  private context(): PriorityContext {
    return { opened: this.opened, userId: this.options.userId?.() ?? null, now: this.options.now() };
  }

  private requeueFirst(sessionId: string): void {
    const rest = [...this.queue].filter((id) => id !== sessionId);
    this.queue.clear();
    for (const id of [sessionId, ...rest]) this.queue.add(id);
  }

  /** One transcript is as complete as it gets for now (or its session is gone). */
  private finished(sessionId: string, gone: boolean): void {
    if (gone) {
      this.queue.delete(sessionId);
      this.positions.forget(sessionId);
    }
    this.barriers.done(sessionId);
  }

  private read(sessionId: string, raw: unknown[], after: number | null): ReadPage {
    return readTranscriptPage(raw, after, (seq, reason) => this.skips.entry(sessionId, seq, reason));
  }

  private store(sessionId: string, page: ReadPage): void {
    if (!this.cache.getSession(sessionId)) return;
    const before = this.cache.lastTranscriptSeq(sessionId);
    if (page.entries.length > 0) this.cache.appendTranscript(sessionId, page.entries);
    this.positions.reached(sessionId, page.reached);
    if (this.opened.has(sessionId) && this.cache.lastTranscriptSeq(sessionId) > before) this.options.onStored?.(sessionId, before);
  }
}
