/**
 * Spaces requests so background work never exceeds `perSecond`: a backend may rate-limit a
 * chatty client (close 4003), and transcripts must not cost the session stream its connection.
 */
export class RequestPacer {
  private readonly sent: number[] = [];
  private heldUntil = 0;

  constructor(
    private readonly perSecond: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Milliseconds to wait before the next request may go; 0 when it may go now. */
  wait(): number {
    const now = this.clock();
    if (now < this.heldUntil) return this.heldUntil - now;
    while (this.sent.length && now - this.sent[0]! >= 1000) this.sent.shift();
    return this.sent.length < this.perSecond ? 0 : 1000 - (now - this.sent[0]!);
  }

  /** The server said to slow down (`rate_limited`, PROTOCOL.md 3.7): nothing goes for `ms`. */
  holdFor(ms: number): void {
    this.heldUntil = Math.max(this.heldUntil, this.clock() + ms);
  }

  record(): void {
    this.sent.push(this.clock());
  }
}
