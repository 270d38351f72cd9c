/** Counts events in a sliding window: "more than 100 invalid frames in 60 s". */
export class SlidingWindowCounter {
  private times: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records one event at `now`; true when the count inside the window is now over the limit. */
  hit(now: number): boolean {
    this.times.push(now);
    while (this.times.length && now - this.times[0]! >= this.windowMs) this.times.shift();
    return this.times.length > this.limit;
  }

  reset(): void {
    this.times = [];
  }
}
