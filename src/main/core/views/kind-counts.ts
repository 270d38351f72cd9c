import type { SessionKind, Session } from '../../../shared/protocol';
import type { Cache, SessionChange } from '../cache/cache';

/** The filters a tab count depends on: everything but the kind (the owner already resolved for "mine"). */
export interface CountFilters {
  ownerId?: string;
  initiativeId?: string;
  planId?: string;
  search?: string;
}

type Counts = Record<SessionKind, number>;

/** Filter sets kept; the oldest is dropped past this (a window holds one or two at a time). */
const KEEP = 16;
/** Counted again from SQLite after this long, whatever the changes said (a safety net, not a need). */
const RECOUNT_AFTER_MS = 5 * 60_000;

const matches = (s: Session, f: CountFilters, needle: string): boolean =>
  (f.ownerId === undefined || s.owner.id === f.ownerId) &&
  (f.initiativeId === undefined || s.initiative?.id === f.initiativeId) &&
  (f.planId === undefined || s.plan?.id === f.planId) &&
  // The SQL rule (title_fold LIKE %needle%, both folded by toLowerCase) in JavaScript.
  (needle === '' || s.title.toLowerCase().includes(needle));

/**
 * The Sessions page's per-kind counts, kept per filter set. Counting in SQLite walks every
 * matching row (with an owner filter, 58 ms for three kinds at 100k: the kind is not in that
 * index), so each set is counted once and then moved by the changes the cache applied.
 * Retention deletes without telling anyone: the cache's total row count (free in SQLite) is
 * checked against the one the changes predict, and any difference drops every set.
 */
export class KindCounts {
  private readonly sets = new Map<string, { filters: CountFilters; needle: string; counts: Counts; at: number }>();
  private expectedRows: number | null = null;

  constructor(private readonly cache: Cache) {}

  get(filters: CountFilters, now: number): Counts {
    this.checkRows(now);
    const key = JSON.stringify([filters.ownerId, filters.initiativeId, filters.planId, filters.search ?? '']);
    const hit = this.sets.get(key);
    if (hit && performance.now() - hit.at < RECOUNT_AFTER_MS) {
      // Most recently used last, so the first key is the one to drop.
      this.sets.delete(key);
      this.sets.set(key, hit);
      return { ...hit.counts };
    }
    const counts = this.cache.countByKind(filters, now);
    this.sets.delete(key);
    this.sets.set(key, { filters, needle: (filters.search ?? '').toLowerCase(), counts, at: performance.now() });
    if (this.sets.size > KEEP) this.sets.delete(this.sets.keys().next().value!);
    return { ...counts };
  }

  /** After a committed batch: each kept count moves by what left and what joined it. */
  noteApplied(changes: readonly SessionChange[]): void {
    // Reading `before` parses the old row (cache/lazy-change): only worth it while a count is kept.
    if (this.sets.size === 0) {
      this.expectedRows = null;
      return;
    }
    for (const { before, after } of changes) {
      if (this.expectedRows !== null) this.expectedRows += (after ? 1 : 0) - (before ? 1 : 0);
      for (const set of this.sets.values()) {
        if (before && matches(before, set.filters, set.needle)) set.counts[before.kind]--;
        if (after && matches(after, set.filters, set.needle)) set.counts[after.kind]++;
      }
    }
  }

  private checkRows(now: number): void {
    const rows = this.cache.count({ view: 'all' }, now);
    if (rows !== this.expectedRows) this.sets.clear();
    this.expectedRows = rows;
  }
}
