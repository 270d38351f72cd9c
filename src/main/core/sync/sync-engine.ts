import { EventEmitter } from 'node:events';
import { type ChangesEnvelope, type HelloFrame, type SkippedItem, type Session, type SnapshotEnvelope, type StreamFrame } from '../../../shared/protocol';
import type { Cache, CacheWrite, SessionChange } from '../cache/cache';
import type { FlowChannel } from '../connection/connection';
import { silentLogger, type Logger } from '../log';
import { classifyBatch } from './batch';
import { CatchUp } from './catch-up';
import { ChangesGroup, COMMIT_GAP_MS } from './changes-group';
import { DiskFlush, type FlushLimits } from './disk-flush';
import { pendingCheckpoints } from './pending-checkpoints';
import { readBatch } from './read-batch';
import { SkipLog } from './skip-log';
import { SnapshotStream } from './snapshot-stream';
import { writeJob } from './write-job';
import { WriteQueue, type QueuedJob } from './write-queue';

export type AppliedOrigin = 'snapshot' | 'changes';

interface SyncEvents {
  applied: [changes: SessionChange[], origin: AppliedOrigin];
  /**
   * Sessions a just-received batch leaves at a checkpoint, before the batch is written: approvals
   * must not wait behind bulk writes. They are validated; the batch itself is checked again whole.
   */
  ahead: [sessions: Session[]];
  /**
   * The cache holds the head (./catch-up): the headSeq of this connection's hello, then, after a
   * backlog, every change received. `seq` is what the cache holds.
   */
  caughtUp: [seq: number];
  hello: [hello: HelloFrame];
}

/**
 * Keeps the cache equal to the server's tenant (PROTOCOL.md 3.2 to 3.4): subscribe with the
 * durable cursor, apply a snapshot only once its last page is in, apply each batch with its cursor
 * in one transaction, ignore replays, and heal gaps by subscribing again.
 *
 * Frames are accepted in order as they arrive (`accepted` is the seq they reach) and written
 * through a WriteQueue in slices (`applied` is the seq the cache holds): reading the stream never
 * waits for SQLite, and SQLite never holds the event loop for long.
 */
export class SyncEngine extends EventEmitter<SyncEvents> {
  private accepted: number | null;
  private applied: number | null;
  /** The snapshot being received (and written as it comes); null when none is. */
  private pages: SnapshotStream | null = null;
  private healing = false;
  private readonly catchUp = new CatchUp();
  private readonly disk: DiskFlush;
  /** The changes batches still gathering for their commit (./changes-group); null once it started. */
  private gathering: ChangesGroup | null = null;
  /** performance.now() of the last changes commit. */
  private lastChangesCommit = Number.NEGATIVE_INFINITY;
  private healCursor: number | null = null;
  private healsAtCursor = 0;
  /** serverTime − local time at hello: the 30-minute and 24-hour rules run on the server's clock. */
  private skewMs = 0;
  private readonly skips: SkipLog;
  /** A snapshot session or changes item that could not be read: said once in the log. */
  private readonly skipped = (item: SkippedItem, where: string) => this.skips.session(item, where);
  readonly stats = { snapshots: 0, batches: 0, replays: 0, gaps: 0, outOfOrderPages: 0 };

  constructor(
    private readonly connection: FlowChannel,
    private readonly cache: Cache,
    private readonly clock: () => number = Date.now,
    private readonly logger: Logger = silentLogger,
    readonly queue: WriteQueue = new WriteQueue(),
    /** How long after a changes commit the next one waits, gathering batches (./changes-group). */
    private readonly commitGapMs = COMMIT_GAP_MS,
    /** When held writes reach the file (./disk-flush). */
    flushLimits?: FlushLimits,
  ) {
    super();
    this.skips = new SkipLog(logger);
    this.accepted = this.applied = cache.cursor();
    this.disk = new DiskFlush(cache, () => queue.idle, clock, logger, (why) => this.rewind(why), flushLimits);
    // A job is still at the head of the queue while it reports: caught up is judged once it left.
    queue.on('idle', () => (this.checkCaughtUp(), this.disk.idle()));
    connection.on('frame', (frame, text) => (this.disk.receivedBytes(text?.length ?? 0), this.onFrame(frame, text)));
    connection.on('down', ({ dropCursor }) => {
      // What was applied reaches the file before the reconnect subscribes with it (PROTOCOL.md 3.2).
      this.disk.soon();
      // A snapshot cut short is thrown away whole; the old view stays until a complete one lands.
      this.abortSnapshot();
      this.healing = false;
      this.catchUp.down();
      if (dropCursor) {
        this.logger.info('the server refused our cursor: taking a fresh snapshot');
        // Batches already accepted are still written: they are valid, and the snapshot follows them.
        this.accepted = null;
      }
    });
  }

  /** Local time corrected by the server's clock. */
  now(): number {
    return this.clock() + this.skewMs;
  }

  get skew(): number {
    return this.skewMs;
  }

  /** The seq the cache holds (written and committed). */
  get appliedSeq(): number | null {
    return this.applied;
  }

  /** Drops queued writes (a half-done one is rolled back): before the cache closes. */
  stop(): void {
    this.disk.stop();
    this.queue.clear();
  }

  private onFrame(frame: StreamFrame, text?: string): void {
    if (frame.type === 'hello') return this.onHello(frame);
    if (frame.type === 'snapshot') return this.onSnapshot(frame);
    if (frame.type === 'changes') return this.onChanges(frame, text);
    if (frame.type !== 'resync') return;
    this.logger.info(`resync (${frame.reason}): taking a snapshot`);
    this.abortSnapshot();
    this.beginSnapshot();
  }

  private onHello(hello: HelloFrame): void {
    this.skewMs = Date.parse(hello.serverTime) - this.clock();
    this.catchUp.hello(hello.headSeq);
    this.cache.setMeta('user', JSON.stringify(hello.user));
    this.cache.setMeta('tenant', JSON.stringify(hello.tenant));
    this.emit('hello', hello);
    this.subscribe();
    this.checkCaughtUp();
  }

  private subscribe(): void {
    this.connection.send({ type: 'subscribe', since: this.accepted });
  }

  private beginSnapshot(): void {
    // Batches after the snapshot must not join a group queued before it.
    this.gathering = null;
    const stream = (this.pages = new SnapshotStream(this.skipped, (behind) => (behind ? this.connection.pause() : this.connection.resume())));
    // Pages are written as they arrive, into one transaction that commits with the last of them.
    this.queue.push(
      this.writeJob(() => this.cache.snapshotWrite(stream), 'snapshot', () => stream.endSeq!, () => stream.aborted),
    );
  }

  private abortSnapshot(): void {
    if (!this.pages) return;
    this.pages.abort();
    this.pages = null;
    this.queue.wake();
  }

  private onSnapshot(frame: SnapshotEnvelope): void {
    // A snapshot follows a resync (PROTOCOL.md 3.2, 3.3), which opens it. A page 0 nobody asked
    // for would otherwise open one that never ends, and every batch would wait on it for ever.
    if (this.pages === null && frame.page === 0) {
      this.stats.outOfOrderPages++;
      this.logger.warn('a snapshot page arrived without a resync before it; ignored');
      return;
    }
    if (this.pages === null || frame.page !== this.pages.nextPage) {
      this.stats.outOfOrderPages++;
      this.logger.warn(`snapshot page ${frame.page} arrived out of order (expected ${this.pages?.nextPage ?? 0}); asking again`);
      this.abortSnapshot();
      this.subscribe();
      return;
    }
    this.pages.push(frame.sessions);
    if (frame.last) {
      // The envelope's schema requires seq on the last page.
      const seq = frame.seq!;
      this.pages.end(seq);
      this.pages = null;
      this.accepted = seq;
      this.healing = false;
      this.catchUp.received(this.accepted, this.applied);
    }
    this.queue.wake();
  }

  private onChanges(frame: ChangesEnvelope, text?: string): void {
    // Changes before the first snapshot, or between a resync and its last page, cannot be placed.
    if (this.accepted === null || this.pages !== null) return;
    const verdict = classifyBatch(this.accepted, frame.fromSeq, frame.toSeq);
    if (verdict === 'replay') {
      this.stats.replays++;
      return;
    }
    if (verdict === 'gap') return this.heal(`gap: expected seq ${this.accepted + 1}, got ${frame.fromSeq}`);
    this.accepted = frame.toSeq;
    this.healing = false;
    this.catchUp.received(this.accepted, this.applied);
    const waiting = pendingCheckpoints(frame.items, frame.fromSeq);
    if (waiting.length > 0) this.emit('ahead', waiting);
    // The queue keeps the text, not the parsed batch: a backlog of 100 batches is 70 MB of text
    // but several times that as objects, and collecting those held the event loop for 100 ms and
    // more. The batch is parsed again and read item by item just before it is written; the cache
    // skips the items it already holds (an overlap).
    const batch = { fromSeq: frame.fromSeq, toSeq: frame.toSeq, ...(text === undefined ? { frame } : { text }) };
    if (this.gathering?.add(batch)) return;
    this.gathering = new ChangesGroup({
      notBefore: this.lastChangesCommit + this.commitGapMs,
      now: () => performance.now(),
      wake: () => this.queue.wake(),
      // An item that cannot be read is skipped, noted and logged; it is not an invalid frame (section 1).
      read: (checked) => readBatch(checked, this.skipped),
      write: (entries) => this.cache.changesWrite(entries),
      invalid: (why) => this.connection.reportInvalid('changes', why),
      committed: (changes, toSeq) => {
        this.lastChangesCommit = performance.now();
        this.committed(changes, 'changes', toSeq);
      },
      failed: (why) => this.rewind(why),
    });
    this.gathering.add(batch);
    this.queue.push(this.gathering);
  }

  /**
   * One queued write: once committed it moves the applied cursor and tells listeners. A batch that
   * fails validation, or a write that fails, drops every batch queued after it (they build on it)
   * and asks again from what the cache holds.
   */
  private writeJob(
    open: () => CacheWrite<SessionChange[]> | null | undefined,
    origin: AppliedOrigin,
    seqOf: () => number,
    aborted?: () => boolean,
  ): QueuedJob {
    return writeJob({
      open,
      aborted,
      failed: (why) => this.rewind(`a ${origin} batch up to seq ${seqOf()}: ${why}`),
      committed: (changes) => this.committed(changes, origin, seqOf()),
    });
  }

  /** A write committed: the applied cursor moves and listeners are told. */
  private committed(changes: SessionChange[], origin: AppliedOrigin, seq: number): void {
    this.applied = seq;
    if (origin === 'snapshot') {
      this.disk.wrote();
      this.stats.snapshots++;
    } else this.stats.batches++;
    this.emit('applied', changes, origin);
    this.checkCaughtUp();
  }

  private rewind(why: string): void {
    // The failing job is still first in the queue: it ends once this returns true.
    const later = this.queue.length - 1;
    this.queue.clear();
    this.abortSnapshot();
    // What the cache holds, read again: a failed flush takes the held writes and their cursor back.
    this.accepted = this.applied = this.cacheCursor();
    this.logger.warn(`${why}${later > 0 ? `; dropped ${later} queued after it` : ''}`);
    this.healing = false;
    if (this.accepted !== null && this.connection.isLive) this.heal('asking again from the cache\'s cursor');
  }

  private cacheCursor(): number | null {
    try {
      return this.cache.cursor();
    } catch {
      return this.applied;
    }
  }

  private heal(why: string): void {
    if (this.healing || this.accepted === null) return;
    this.stats.gaps++;
    this.noteHeal(this.accepted);
    this.healing = true;
    this.logger.info(`${why}; subscribing again`);
    this.subscribe();
  }

  /**
   * A gap that comes back at the same cursor after healing means the missing batch itself is being
   * dropped (it fails validation, say a newer server's data). Say so once instead of retrying silently.
   */
  private noteHeal(cursor: number): void {
    this.healsAtCursor = cursor === this.healCursor ? this.healsAtCursor + 1 : 1;
    this.healCursor = cursor;
    if (this.healsAtCursor === 3) {
      this.logger.warn(`stuck at seq ${cursor}: the change after it keeps arriving in a form this version cannot read; updating Parrot Tray may help`);
    }
  }

  private checkCaughtUp(): void {
    if (this.pages !== null) return;
    if (this.catchUp.check({ applied: this.applied, accepted: this.accepted, writing: !this.queue.idle })) this.emit('caughtUp', this.applied!);
  }
}
