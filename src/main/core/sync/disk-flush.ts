import type { Logger } from '../log';
import { IdleCheckpoint } from './idle-checkpoint';

/** Held writes reach the file once this much has been received since the last flush... */
export const FLUSH_AFTER_BYTES = 4 * 1024 * 1024;
/** ...or once the oldest has waited this long, whichever comes first. */
export const FLUSH_AFTER_MS = 6 * 60 * 60 * 1000;

export interface FlushLimits {
  bytes: number;
  ms: number;
}

/**
 * For `parrot-tray sync` alone: its file is what other processes (`sessions`, `transcript`) read,
 * so it reaches the file within a second, as when every second's batches were a commit. The app
 * and `parrot-tray web` keep the defaults: their windows read through the core.
 */
export const FILE_FOR_OTHER_READERS: FlushLimits = { bytes: FLUSH_AFTER_BYTES, ms: 1_000 };

/**
 * Whether held writes (../cache/held-transaction) should reach the file now. A flush writes each
 * page the held writes touched, once, and the checkpoint after it writes them again: at 400
 * sessions that is at most the whole 3 MB file, twice. Waiting for 4 MB of stream keeps a busy
 * tenant under 2 bytes written per byte received (a flush every few minutes at 20 changes a
 * second); a quiet one (a change a minute) flushes four times a day, a few MB in all.
 */
export function flushDue(heldSince: number | null, receivedBytes: number, now: number, limits: FlushLimits): boolean {
  if (heldSince === null) return false;
  return receivedBytes >= limits.bytes || now - heldSince >= limits.ms;
}

export interface FlushTarget {
  heldSince: number | null;
  /** Commits the held writes; false when it cannot now (a sliced write is half done) or nothing is held. */
  flush(): boolean;
  checkpoint(): void;
}

/**
 * When the sync engine's held writes reach the file: by flushDue, checked whenever the write queue
 * goes idle and by a timer for the age limit; and at once when the connection goes down, so the
 * cursor a reconnect subscribes with is durable (PROTOCOL.md 3.2). Closing the cache flushes too.
 */
export class DiskFlush {
  private received = 0;
  private pending = false;
  private timer: NodeJS.Timeout | null = null;
  /** A snapshot commits on its own (never held): its WAL is copied back once writes go quiet. */
  private readonly afterSnapshot: IdleCheckpoint;

  constructor(
    private readonly cache: FlushTarget,
    private readonly isIdle: () => boolean,
    private readonly clock: () => number,
    private readonly logger: Logger,
    /** SQLite rolled the held writes back (an I/O error, a full disk): the cursor went back with them. */
    private readonly lost: (why: string) => void,
    private readonly limits: FlushLimits = { bytes: FLUSH_AFTER_BYTES, ms: FLUSH_AFTER_MS },
  ) {
    this.afterSnapshot = new IdleCheckpoint(() => cache.checkpoint(), isIdle, logger);
  }

  /** Something committed outside the held writes (a snapshot). */
  wrote(): void {
    this.afterSnapshot.wrote();
  }

  /** A frame arrived: its size counts towards the next flush. */
  receivedBytes(n: number): void {
    this.received += n;
  }

  /** Flush now, or as soon as the queue is idle. */
  soon(): void {
    this.pending = true;
    if (this.isIdle()) this.idle();
  }

  /** The write queue went idle: the moment a flush commits no half-done write. */
  idle(): void {
    this.afterSnapshot.idle();
    const since = this.cache.heldSince;
    if (this.pending || flushDue(since, this.received, this.clock(), this.limits)) return this.run();
    if (since !== null && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.soon();
      }, Math.max(0, since + this.limits.ms - this.clock()));
      this.timer.unref();
    }
  }

  stop(): void {
    this.afterSnapshot.stop();
    this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): void {
    this.pending = false;
    this.stopTimer();
    try {
      if (!this.cache.flush()) {
        // Held around a write still open: the queue's next idle flushes.
        this.pending = this.cache.heldSince !== null;
        return;
      }
    } catch (err) {
      const why = `could not write the cache to disk: ${(err as Error).message}`;
      // Still held (the file was busy, say): the next flush tries again.
      if (this.cache.heldSince !== null) this.logger.warn(why);
      else this.lost(why);
      return;
    }
    this.received = 0;
    try {
      // Copies what the flush wrote into the file now: the WAL stays one flush long.
      this.cache.checkpoint();
    } catch (err) {
      // The flush itself is on disk: housekeeping only, the next checkpoint copies it back.
      this.logger.warn(`could not checkpoint the cache: ${(err as Error).message}`);
    }
  }
}
