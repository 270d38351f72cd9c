/**
 * How far the cache trails the stream before catching up again is worth saying: a backlog of this
 * many changes received but not yet written. Smaller lags (a live batch being written) are the
 * normal state of a live stream and would print a line per batch.
 */
export const BEHIND_CHANGES = 1_000;

/**
 * When the cache has caught up with the head (README, "Choices where PROTOCOL.md is silent").
 *
 * After each hello the head is its `headSeq`: caught up once the cache holds it. Once live the
 * server announces no other head, so the head is the newest seq received: the cache is caught up
 * again when every change received is written, after having fallen at least BEHIND_CHANGES behind.
 * Pure bookkeeping; the sync engine feeds it and emits what it returns.
 */
export class CatchUp {
  private head: number | null = null;
  private reached = false;
  private behind = false;

  /** A hello (a new connection): its headSeq is the head to reach. */
  hello(headSeq: number): void {
    this.head = headSeq;
    this.reached = false;
    this.behind = false;
  }

  /** The connection went down: nothing is announced until the next hello. */
  down(): void {
    this.head = null;
    this.reached = false;
  }

  /** Changes received up to `accepted` while the cache holds `applied`. */
  received(accepted: number | null, applied: number | null): void {
    if (this.reached && accepted !== null && accepted - (applied ?? 0) >= BEHIND_CHANGES) this.behind = true;
  }

  /** Whether it is caught up right now; only once per hello, and once per backlog after that. */
  check(state: { applied: number | null; accepted: number | null; writing: boolean }): boolean {
    const { applied, accepted, writing } = state;
    if (this.head === null || applied === null || writing) return false;
    if (!this.reached) return (this.reached = applied >= this.head);
    if (!this.behind || applied !== accepted) return false;
    this.behind = false;
    return true;
  }
}
