import type { StreamFrame } from '../../../shared/protocol';
import { isActive, isRecent } from '../../../shared/sessions';
import type { Cache, SessionChange } from '../cache/cache';
import type { FrameChannel } from '../connection/connection';
import { silentLogger, type Logger } from '../log';
import { RequestPacer } from './request-pacer';
import { SkipLog } from './skip-log';
import { readTranscriptPage, type ReadPage } from './transcript-page';

export interface TranscriptSyncOptions {
  /** The clock the 30-minute and 24-hour rules run on (server-corrected). */
  now: () => number;
  pageSize?: number;
  /** Requests in flight at once, so transcripts never crowd out the session stream. */
  concurrency?: number;
  /** And at most this many requests a second. */
  requestsPerSecond?: number;
  /** Active or recent sessions beyond this many (newest first) are fetched only when opened. */
  prefetchLimit?: number;
  /** Told after entries of an opened session were stored, so a view can show them. */
  onStored?: (sessionId: string, afterSeq: number) => void;
  /** Where an entry that could not be read is told of. */
  logger?: Logger;
}

/**
 * Keeps cached transcripts current (PROTOCOL.md 3.5): every active or recent session and every
 * session a person has open, fetched page by page after the last cached seq, and watched live
 * while open. Entries are redacted by the cache before they are written.
 */
export class TranscriptSync {
  private readonly opened = new Set<string>();
  private readonly queue = new Set<string>();
  private readonly inFlight = new Map<string, string>();
  private readonly pacer: RequestPacer;
  private paced: NodeJS.Timeout | null = null;
  private reqCounter = 0;
  private barriers: Array<{ waiting: Set<string>; resolve: () => void }> = [];
  private readonly pageSize: number;
  private readonly concurrency: number;
  private readonly prefetchLimit: number;
  /**
   * Per session, the highest seq already passed over: an entry that could not be read is never
   * stored, so without this the next page would start at it again, for ever (PROTOCOL.md section 1).
   */
  private readonly passed = new Map<string, { reached: number; stored: number }>();
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
    this.prefetchLimit = options.prefetchLimit ?? 250;
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

  /** After the cache applied changes: sessions that moved and matter get their new entries. */
  noteApplied(changes: SessionChange[]): void {
    const now = this.options.now();
    for (const { after, before } of changes) {
      if (!after) {
        if (before) this.finished(before.id, true);
        continue;
      }
      if (this.opened.has(after.id) || isActive(after, now) || isRecent(after, now)) this.queue.add(after.id);
    }
    this.pump();
  }

  /**
   * Resolves once every transcript queued or in flight now has been fetched once (sync --once
   * waits for this). Later work does not hold it back, so a busy tenant cannot keep it open forever.
   */
  drained(): Promise<void> {
    const waiting = new Set([...this.queue, ...this.inFlight.values()]);
    if (waiting.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.barriers.push({ waiting, resolve }));
  }

  stop(): void {
    if (this.paced) clearTimeout(this.paced);
    this.paced = null;
  }

  private onLive(): void {
    for (const id of this.opened) this.connection.send({ type: 'transcript.watch', sessionId: id });
    const now = this.options.now();
    for (const id of this.opened) this.queue.add(id);
    for (const s of this.cache.query({ view: 'active', limit: this.prefetchLimit }, now)) this.queue.add(s.id);
    for (const s of this.cache.query({ view: 'recent', limit: this.prefetchLimit }, now)) this.queue.add(s.id);
    this.pump();
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
    const afterSeq = this.position(sessionId);
    if (!this.connection.send({ type: 'transcript.get', reqId, sessionId, afterSeq, limit: this.pageSize })) {
      this.queue.add(sessionId);
      return;
    }
    this.pacer.record();
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
      const before = this.position(sessionId);
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
      if (!frame.complete && this.position(sessionId) > before) this.requeueFirst(sessionId);
      else this.finished(sessionId, false);
      this.pump();
    } else if (frame.type === 'transcript.append') {
      if (!this.opened.has(frame.sessionId) || frame.entries.length === 0) return;
      const page = this.read(frame.sessionId, frame.entries, null);
      // Contiguous: store as is. Otherwise something was missed: fetch from the last position.
      if (page.first !== null && page.first <= this.position(frame.sessionId) + 1) this.store(frame.sessionId, page);
      else {
        this.queue.add(frame.sessionId);
        this.pump();
      }
    } else if (frame.type === 'error' && frame.reqId != null) {
      const sessionId = this.inFlight.get(frame.reqId);
      if (sessionId === undefined) return;
      this.inFlight.delete(frame.reqId);
      this.askedAfter.delete(frame.reqId);
      this.finished(sessionId, false);
      this.pump();
    }
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
      this.passed.delete(sessionId);
    }
    this.barriers = this.barriers.filter((b) => {
      b.waiting.delete(sessionId);
      if (b.waiting.size > 0) return true;
      b.resolve();
      return false;
    });
  }

  /** Where the next page starts: after the last stored entry, or after the last one passed over. */
  private position(sessionId: string): number {
    const last = this.cache.lastTranscriptSeq(sessionId);
    const passed = this.passed.get(sessionId);
    if (!passed) return last;
    // The cache holds less than when we passed over (removed and back in one batch, or pruned):
    // what was passed over no longer says what is stored, so start again from what is.
    if (last < passed.stored) {
      this.passed.delete(sessionId);
      return last;
    }
    return Math.max(last, passed.reached);
  }

  private read(sessionId: string, raw: unknown[], after: number | null): ReadPage {
    return readTranscriptPage(raw, after, (seq, reason) => this.skips.entry(sessionId, seq, reason));
  }

  private store(sessionId: string, page: ReadPage): void {
    if (!this.cache.getSession(sessionId)) return;
    const before = this.cache.lastTranscriptSeq(sessionId);
    if (page.entries.length > 0) this.cache.appendTranscript(sessionId, page.entries);
    if (page.reached > this.position(sessionId)) this.passed.set(sessionId, { reached: page.reached, stored: this.cache.lastTranscriptSeq(sessionId) });
    if (this.opened.has(sessionId) && this.cache.lastTranscriptSeq(sessionId) > before) this.options.onStored?.(sessionId, before);
  }
}
