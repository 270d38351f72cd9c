import type { ViewQuery, ViewResult } from '../../../shared/api';
import type { NeedsYouItem } from '../../../shared/sessions';
import { CacheError, type SessionChange } from '../cache/cache';
import { commandCenter, needsYouAt } from './command-center';
import { Facets } from './facets';
import { KindCounts } from './kind-counts';
import { sessionDetail } from './session-detail';
import { sessionsWindow } from './sessions-window';
import type { ViewSource } from './view-source';

export interface LiveQueryOptions {
  /** At most one evaluation of every open query per this long while changes keep coming. */
  coalesceMs?: number;
  /** How often clock-bound answers are looked at again when no boundary comes sooner. */
  tickMs?: number;
  /** An evaluation or a listener failed (a closed cache, say): told, never thrown out of a timer. */
  onError?: (err: Error) => void;
}

interface Follower {
  evaluate(now: number): unknown;
  listener(result: unknown): void;
  /** What was last pushed, as text: a push happens only when this changes. */
  last: string | null;
  /** Whether the answer can change with the clock alone (Active Now, Recent, the list's order). */
  clock: boolean;
  /** Whether the answer carries the filter menus (the Sessions list), which are read again on a timer. */
  facets: boolean;
}

/**
 * Live queries over the cache. Each open query is answered at once, then evaluated again after
 * applied batches (coalesced: at most once per `coalesceMs` however fast they come, the last one
 * always answered), after connection and user changes, and on the clock: at the next moment an
 * open chat goes quiet, or every `tickMs` (Recent's 24 h edge). A listener hears only answers
 * that differ from the last one it heard.
 */
export class LiveQueries {
  private readonly followers = new Set<Follower>();
  private readonly counts: KindCounts;
  private readonly facets: Facets;
  private readonly coalesceMs: number;
  private readonly tickMs: number;
  private timer: NodeJS.Timeout | null = null;
  private timerDue = Number.POSITIVE_INFINITY;
  private lastRun = Number.NEGATIVE_INFINITY;
  private closed = false;
  /** Moves with every change() call: what an answer read before it may be stale. */
  private version = 0;
  private needs: { version: number; now: number; items: NeedsYouItem[] } | null = null;

  constructor(
    readonly source: ViewSource,
    private readonly options: LiveQueryOptions = {},
  ) {
    this.counts = new KindCounts(source.cache);
    this.facets = new Facets(source.cache);
    this.coalesceMs = options.coalesceMs ?? 60;
    this.tickMs = options.tickMs ?? 30_000;
  }

  /** Opens a live query: `listener` hears its answer now and every changed answer until the returned close. */
  watch(query: ViewQuery, listener: (result: ViewResult) => void): () => void {
    const evaluate = (now: number) => this.evaluate(query, now);
    return this.open({ evaluate, listener: listener as (r: unknown) => void, last: null, clock: query.view !== 'session', facets: query.view === 'sessions' });
  }

  /** Any value read from the cache, followed the same way (the tray's summary). */
  follow<T>(evaluate: (now: number) => T, listener: (result: T) => void, clock = true): () => void {
    return this.open({ evaluate, listener: listener as (r: unknown) => void, last: null, clock, facets: false });
  }

  private open(follower: Follower): () => void {
    this.followers.add(follower);
    this.run(follower, this.source.now());
    this.plan();
    return () => void this.followers.delete(follower);
  }

  /** Something an answer may depend on moved: the applied changes, or the connection, user or skew. */
  changed(changes?: readonly SessionChange[]): void {
    this.version++;
    if (changes) {
      this.counts.noteApplied(changes);
      this.facets.noteApplied(changes);
    }
    this.wakeIn(Math.max(0, this.lastRun + this.coalesceMs - performance.now()));
  }

  evaluate(query: ViewQuery, now: number): ViewResult {
    switch (query.view) {
      case 'commandCenter':
        return commandCenter(this.source, query, now, this.needsYou(now));
      case 'sessions':
        return sessionsWindow(this.source, query, now, this.counts, this.facets);
      case 'session':
        return sessionDetail(this.source, query);
    }
  }

  /**
   * The Needs-you list at `now`, read once for every answer that needs it in one pass (the tray's
   * summary and each open popover): it parses every waiting session.
   */
  needsYou(now: number): NeedsYouItem[] {
    const { needs } = this;
    if (needs && needs.version === this.version && needs.now === now) return needs.items;
    const items = needsYouAt(this.source, now);
    this.needs = { version: this.version, now, items };
    return items;
  }

  close(): void {
    this.closed = true;
    this.followers.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private runAll(): void {
    this.lastRun = performance.now();
    const now = this.source.now();
    for (const follower of [...this.followers]) if (this.followers.has(follower)) this.run(follower, now);
    this.plan();
  }

  private run(follower: Follower, now: number): void {
    try {
      const result = follower.evaluate(now);
      const text = JSON.stringify(result);
      if (text === follower.last) return;
      follower.last = text;
      follower.listener(result);
    } catch (err) {
      // A cache closed under an open query is the end of the run, not news.
      if (!(err instanceof CacheError && err.reason === 'closed')) this.options.onError?.(err as Error);
    }
  }

  /** The next look without news: the next chat going quiet, stale filter menus, or the tick. */
  private plan(): void {
    if (![...this.followers].some((f) => f.clock)) return;
    let delay = this.tickMs;
    try {
      const now = this.source.now();
      const quiet = this.source.cache.nextQuietAt(now);
      // +1: a chat is quiet from exactly its 30-minute mark on (isActive uses <).
      if (quiet !== null) delay = Math.min(delay, Math.max(0, quiet - now + 1));
    } catch {
      return; // the cache is closed: nothing more to look at
    }
    // Only a query that shows the menus reads them (and so makes them fresh): waking for stale
    // menus nobody reads would find them still stale, and wake again at once, for ever.
    const facets = [...this.followers].some((f) => f.facets) ? this.facets.refreshIn() : null;
    if (facets !== null) delay = Math.min(delay, facets);
    this.wakeIn(delay);
  }

  private wakeIn(ms: number): void {
    if (this.closed) return;
    const due = performance.now() + ms;
    if (this.timer && this.timerDue <= due) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerDue = Number.POSITIVE_INFINITY;
      this.runAll();
    }, ms);
    // The tray's summary keeps a timer for as long as the core runs; it must not keep it running.
    this.timer.unref();
  }
}
