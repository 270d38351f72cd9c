import type { Cache } from '../cache/cache';

/**
 * Where each transcript's next page starts: after the last stored entry, or after the last one
 * passed over. An entry that could not be read is never stored, so without the second the next
 * page would start at it again, for ever (PROTOCOL.md section 1).
 */
export class TranscriptPositions {
  /** Per session, the highest seq passed over, and what the cache held then. */
  private readonly passed = new Map<string, { reached: number; stored: number }>();

  constructor(private readonly cache: Cache) {}

  of(sessionId: string): number {
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

  /** A page reached `reached` (read or skipped entries) after it was stored. */
  reached(sessionId: string, reached: number): void {
    if (reached > this.of(sessionId)) this.passed.set(sessionId, { reached, stored: this.cache.lastTranscriptSeq(sessionId) });
  }

  forget(sessionId: string): void {
    this.passed.delete(sessionId);
  }
}
