import type { Ref } from '../../../shared/protocol';
import type { Session } from '../../../shared/protocol';
import type { Cache, SessionChange } from '../cache/cache';

export interface FacetLists {
  owners: Ref[];
  initiatives: Ref[];
  plans: Ref[];
}

/** At most one refresh in this long: each is three GROUP BYs over every session (22 ms at 100k). */
export const FACET_REFRESH_MS = 3000;
/** Read again after this long when anything changed: a session moved away may have left a name unused. */
const SETTLE_MS = 60_000;

const refs = (s: Session): Array<['owners' | 'initiatives' | 'plans', Ref | null | undefined]> => [
  ['owners', s.owner],
  ['initiatives', s.initiative],
  ['plans', s.plan],
];

/**
 * What the filter menus offer, read once and read again only when an applied change could have
 * altered it: a removal, or a session naming an owner, initiative or plan the lists do not hold
 * under that name (the newest session names each). A session moving away from the last of one
 * leaves it listed until the next read, at most a minute later.
 */
export class Facets {
  private lists: FacetLists | null = null;
  private names = new Map<string, string>();
  private dirty = true;
  private changedSince = false;
  private readAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly cache: Cache) {}

  /** The lists; refreshed now if they may be stale and the last refresh is old enough. */
  get(): FacetLists {
    if (this.changedSince && performance.now() - this.readAt > SETTLE_MS) this.dirty = true;
    if (!this.lists || (this.dirty && this.refreshIn() === 0)) this.refresh();
    return this.lists!;
  }

  /** ms until a stale list may be read again; null when nothing is stale. */
  refreshIn(): number | null {
    if (!this.dirty) return null;
    return Math.max(0, this.readAt + FACET_REFRESH_MS - performance.now());
  }

  /** Looks only at `after`: reading `before` would parse every old row (cache/lazy-change). */
  noteApplied(changes: readonly SessionChange[]): void {
    if (changes.length) this.changedSince = true;
    if (this.dirty || !this.lists) return;
    for (const { after } of changes) {
      if (!after) return void (this.dirty = true);
      for (const [which, ref] of refs(after)) {
        if (ref && this.names.get(`${which}\u0000${ref.id}`) !== ref.name) return void (this.dirty = true);
      }
    }
  }

  private refresh(): void {
    this.lists = { owners: this.cache.owners(), initiatives: this.cache.initiatives(), plans: this.cache.plans() };
    this.names = new Map(Object.entries(this.lists).flatMap(([which, list]) => (list as Ref[]).map((r) => [`${which}\u0000${r.id}`, r.name] as const)));
    this.dirty = false;
    this.changedSince = false;
    this.readAt = performance.now();
  }
}
