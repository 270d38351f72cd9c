import type { Cache } from '../cache/cache';

/** What a live query reads: the cache, the server's clock, and who the person is. */
export interface ViewSource {
  readonly cache: Cache;
  /** ms since the epoch, corrected for server skew (SyncEngine.now). */
  now(): number;
  /** The signed-in user's id; null while unknown (then "mine" shows nothing). */
  userId(): string | null;
  /** The popover's open before the latest one (ms), or null: where "Needs you" starts counting failures. */
  previousPopoverOpen(): number | null;
}
