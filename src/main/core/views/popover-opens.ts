import type { Cache } from '../cache/cache';

const KEY = 'popover.opens';

interface Opens {
  last: number | null;
  previous: number | null;
}

/**
 * When the popover was opened, kept in the cache so a restart does not bring back every failure
 * the person has already been shown. "Needs you" lists their failures since the open before the
 * current one (shared/sessions/needs-you.ts failuresSince).
 */
export class PopoverOpens {
  private opens: Opens | null = null;

  /**
   * `write` runs the cache write: the core passes its write queue's, so the record never lands
   * inside a snapshot's open transaction (and is never rolled back with it).
   */
  constructor(
    private readonly cache: Cache,
    private readonly write: (save: () => void) => void = (save) => save(),
  ) {}

  /** The open before the latest one (ms), or null if the popover was opened once or never. */
  previous(): number | null {
    return this.read().previous;
  }

  opened(now: number): void {
    const { last } = this.read();
    const opens = (this.opens = { last: now, previous: last });
    this.write(() => this.cache.setMeta(KEY, JSON.stringify(opens)));
  }

  private read(): Opens {
    if (this.opens) return this.opens;
    const raw = this.cache.getMeta(KEY);
    let parsed: Partial<Opens> = {};
    try {
      parsed = raw ? (JSON.parse(raw) as Partial<Opens>) : {};
    } catch {
      // A damaged value costs the person one look at old failures, nothing more.
    }
    const time = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    this.opens = { last: time(parsed.last), previous: time(parsed.previous) };
    return this.opens;
  }
}
