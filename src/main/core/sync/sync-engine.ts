import { EventEmitter } from 'node:events';
import type { ChangesFrame, HelloFrame, ServerFrame, Session, SnapshotFrame } from '../../../shared/protocol';
import type { Cache, SessionChange } from '../cache/cache';
import type { FrameChannel } from '../connection/connection';
import { silentLogger, type Logger } from '../log';
import { classifyBatch } from './batch';

export type AppliedOrigin = 'snapshot' | 'changes';

interface SyncEvents {
  applied: [changes: SessionChange[], origin: AppliedOrigin];
  /** The cache holds everything up to the headSeq of this connection's hello. */
  caughtUp: [];
  hello: [hello: HelloFrame];
}

/**
 * Keeps the cache equal to the server's tenant (PROTOCOL.md 3.2 to 3.4): subscribe with the
 * durable cursor, apply a snapshot only once its last page is in, apply each batch with its cursor
 * in one transaction, ignore replays, and heal gaps by subscribing again.
 */
export class SyncEngine extends EventEmitter<SyncEvents> {
  private cursor: number | null;
  private pages: Session[] | null = null;
  private nextPage = 0;
  private healing = false;
  private headSeq: number | null = null;
  private caughtUp = false;
  private healCursor: number | null = null;
  private healsAtCursor = 0;
  /** serverTime − local time at hello: the 30-minute and 24-hour rules run on the server's clock. */
  private skewMs = 0;
  readonly stats = { snapshots: 0, batches: 0, replays: 0, gaps: 0, outOfOrderPages: 0 };

  constructor(
    private readonly connection: FrameChannel,
    private readonly cache: Cache,
    private readonly clock: () => number = Date.now,
    private readonly logger: Logger = silentLogger,
  ) {
    super();
    this.cursor = cache.cursor();
    connection.on('frame', (frame) => this.onFrame(frame));
    connection.on('down', ({ dropCursor }) => {
      // A snapshot cut short is thrown away whole; the old view stays until a complete one lands.
      this.pages = null;
      this.healing = false;
      this.caughtUp = false;
      if (dropCursor) {
        this.logger.info('the server refused our cursor: taking a fresh snapshot');
        this.cursor = null;
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

  get appliedSeq(): number | null {
    return this.cursor;
  }

  private onFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'hello':
        return this.onHello(frame);
      case 'resync':
        this.logger.info(`resync (${frame.reason}): taking a snapshot`);
        this.pages = [];
        this.nextPage = 0;
        return;
      case 'snapshot':
        return this.onSnapshot(frame);
      case 'changes':
        return this.onChanges(frame);
      default:
        return;
    }
  }

  private onHello(hello: HelloFrame): void {
    this.skewMs = Date.parse(hello.serverTime) - this.clock();
    this.headSeq = hello.headSeq;
    this.cache.setMeta('user', JSON.stringify(hello.user));
    this.cache.setMeta('tenant', JSON.stringify(hello.tenant));
    this.emit('hello', hello);
    this.subscribe();
    this.checkCaughtUp();
  }

  private subscribe(): void {
    this.connection.send({ type: 'subscribe', since: this.cursor });
  }

  private onSnapshot(frame: SnapshotFrame): void {
    if (this.pages === null && frame.page === 0) this.pages = [];
    if (this.pages === null || frame.page !== this.nextPage) {
      this.stats.outOfOrderPages++;
      this.logger.warn(`snapshot page ${frame.page} arrived out of order (expected ${this.nextPage}); asking again`);
      this.pages = null;
      this.subscribe();
      return;
    }
    this.pages.push(...frame.sessions);
    this.nextPage++;
    if (!frame.last) return;
    const sessions = this.pages;
    this.pages = null;
    const changes = this.cache.applySnapshot(sessions, frame.seq!);
    this.cursor = frame.seq!;
    this.healing = false;
    this.stats.snapshots++;
    this.emit('applied', changes, 'snapshot');
    this.checkCaughtUp();
  }

  private onChanges(frame: ChangesFrame): void {
    // Changes before the first snapshot, or between a resync and its last page, cannot be placed.
    if (this.cursor === null || this.pages !== null) return;
    const verdict = classifyBatch(this.cursor, frame.fromSeq, frame.toSeq);
    if (verdict === 'replay') {
      this.stats.replays++;
      return;
    }
    if (verdict === 'gap') {
      if (this.healing) return;
      this.stats.gaps++;
      this.noteHeal(this.cursor);
      this.healing = true;
      this.logger.info(`gap: expected seq ${this.cursor + 1}, got ${frame.fromSeq}; subscribing again`);
      this.subscribe();
      return;
    }
    const cursor = this.cursor;
    const items = verdict === 'overlap' ? frame.items.filter((i) => i.seq > cursor) : frame.items;
    const changes = this.cache.applyChanges(items);
    this.cursor = frame.toSeq;
    this.healing = false;
    this.stats.batches++;
    this.emit('applied', changes, 'changes');
    this.checkCaughtUp();
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
    if (this.caughtUp || this.headSeq === null || this.cursor === null || this.pages !== null) return;
    if (this.cursor >= this.headSeq) {
      this.caughtUp = true;
      this.emit('caughtUp');
    }
  }
}
