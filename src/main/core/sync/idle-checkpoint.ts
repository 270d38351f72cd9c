import type { Logger } from '../log';

/** Quiet time after the last write before the WAL is copied back into the file. */
export const IDLE_CHECKPOINT_MS = 1_000;

/**
 * Checkpoints the WAL once writes have stopped for IDLE_CHECKPOINT_MS. Checkpointing after every
 * batch cost about a second per 100k changes (0.9 s in the profile) and a 10-15 ms turn each time;
 * SQLite's auto-checkpoint (see ../cache/open) keeps the WAL bounded while a flood lasts, and this
 * one copies the rest back when the stream is quiet, so readers do not walk a long WAL.
 */
export class IdleCheckpoint {
  private timer: NodeJS.Timeout | null = null;
  private dirty = false;

  constructor(
    private readonly checkpoint: () => void,
    private readonly isIdle: () => boolean,
    private readonly logger: Logger,
    private readonly delayMs = IDLE_CHECKPOINT_MS,
  ) {}

  /** Something was committed. */
  wrote(): void {
    this.dirty = true;
  }

  /** The writes stopped for now: checkpoint after a quiet spell, if nothing else was written by then. */
  idle(): void {
    if (!this.dirty) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), this.delayMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): void {
    this.timer = null;
    // A write started meanwhile: its own end reschedules this.
    if (!this.isIdle()) return;
    this.dirty = false;
    try {
      this.checkpoint();
    } catch (err) {
      // Housekeeping: the WAL only grows until the next one (or SQLite's own) succeeds.
      this.logger.warn(`could not checkpoint the cache: ${(err as Error).message}`);
    }
  }
}
