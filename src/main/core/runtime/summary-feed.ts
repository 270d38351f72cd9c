import type { ProfileHub } from '../profiles/profile-hub';
import type { CoreSummary } from './core-link';

/** Tray counts move with every batch; the tray needs them a few times a second at most. */
const COALESCE_MS = 250;

/**
 * What the tray shows (counts summed over profiles, the most urgent connection, the profiles that
 * are not live), sent to main when it changes: once at start, then at most every COALESCE_MS, and never twice the same.
 */
export class CoreSummaryFeed {
  private timer: NodeJS.Timeout | null = null;
  private last = '';
  private stopped = false;

  constructor(
    private readonly hub: Pick<ProfileHub, 'on' | 'off' | 'traySummary'>,
    private readonly post: (summary: CoreSummary) => void,
    private readonly coalesceMs = COALESCE_MS,
  ) {
    hub.on('summary', this.schedule);
    // A profile's name arrives with its `hello`, after which the tooltip says it.
    hub.on('status', this.schedule);
    this.flush();
  }

  current(): CoreSummary {
    return this.hub.traySummary();
  }

  /** Before the core closes its cache: nothing reads it afterwards (closing emits a last `state`). */
  stop(): void {
    this.stopped = true;
    this.hub.off('summary', this.schedule);
    this.hub.off('status', this.schedule);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private readonly schedule = (): void => {
    if (this.stopped) return;
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.flush();
    }, this.coalesceMs);
  };

  private flush(): void {
    const summary = this.current();
    const text = JSON.stringify(summary);
    if (text === this.last) return;
    this.last = text;
    this.post(summary);
  }
}
