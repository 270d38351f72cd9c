/**
 * Promises that each wait for a fixed set of ids to be done once (sync --once waits for the
 * transcripts queued when it caught up). Work added later does not hold them back, so a busy
 * tenant cannot keep one open for ever.
 */
export class DrainBarriers {
  private barriers: Array<{ waiting: Set<string>; resolve: () => void }> = [];

  /** Resolves once every id of `ids` was passed to done(); at once when there are none. */
  wait(ids: Iterable<string>): Promise<void> {
    const waiting = new Set(ids);
    if (waiting.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.barriers.push({ waiting, resolve }));
  }

  done(id: string): void {
    this.barriers = this.barriers.filter((b) => {
      b.waiting.delete(id);
      if (b.waiting.size > 0) return true;
      b.resolve();
      return false;
    });
  }
}
