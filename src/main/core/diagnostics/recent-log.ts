/** How many lines a problem report carries: the last few minutes of a busy run. */
const KEEP = 500;

/**
 * The last lines the app logged, for a problem report. The lines are what core/log.ts and the
 * shell already print (counts and codes, never a token or a transcript); the report redacts them
 * again all the same.
 */
export class RecentLog {
  private readonly lines: string[] = [];

  constructor(
    private readonly keep = KEEP,
    private readonly clock: () => number = Date.now,
  ) {}

  push(line: string): void {
    this.lines.push(`${new Date(this.clock()).toISOString()} ${line}`);
    if (this.lines.length > this.keep) this.lines.splice(0, this.lines.length - this.keep);
  }

  all(): string[] {
    return [...this.lines];
  }
}
