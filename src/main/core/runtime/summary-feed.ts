import type { CoreSummary } from './core-link';
import type { RunningCore } from './start-core';

/** Tray counts move with every batch; the tray needs them a few times a second at most. */
const COALESCE_MS = 250;

/**
 * What the tray shows (counts from the host, the connection's phase), sent to main when it
 * changes: once at start, then at most every COALESCE_MS, and never twice the same.
 */
export class CoreSummaryFeed {
  private timer: NodeJS.Timeout | null = null;
  private last = '';
  private stopped = false;

  constructor(
    private readonly core: Pick<RunningCore, 'companion' | 'host' | 'demo'>,
    private readonly post: (summary: CoreSummary) => void,
    private readonly coalesceMs = COALESCE_MS,
  ) {
    core.host.on('summary', () => this.schedule());
    core.companion.on('state', () => this.schedule());
    this.flush();
  }

  current(): CoreSummary {
    const { active, needsYou } = this.core.host.summary();
    const state = this.core.companion.connection.state;
    return { active, needsYou, phase: state.phase, offlineSince: state.offlineSince, demo: this.core.demo };
  }

  /** Before the core closes its cache: nothing reads it afterwards (closing emits a last `state`). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.flush();
    }, this.coalesceMs);
  }

  private flush(): void {
    const summary = this.current();
    const text = JSON.stringify(summary);
    if (text === this.last) return;
    this.last = text;
    this.post(summary);
  }
}
