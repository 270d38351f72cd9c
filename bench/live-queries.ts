/**
 * Live-query answers at 100k cached sessions (bench/queries.ts bigCache): what the core computes
 * for the popover and for a Sessions window, first (cold: counts and filter menus read) and then
 * as re-evaluated after a batch (warm). `npx tsx bench/live-queries.ts`
 */
import { LiveQueries } from '../src/main/core/views/live-queries';
import type { ViewQuery } from '../src/shared/api';
import { bigCache } from './queries';
import { percentile } from './util';

export function liveQueryFigures(cache: ReturnType<typeof bigCache>['cache'], now: number, userId: string): Record<string, { cold: number; median: number; p95: number }> {
  const queries: Record<string, ViewQuery> = {
    'commandCenter (10 + 10)': { view: 'commandCenter', needsYouLimit: 10, activeLimit: 10, recentLimit: 10 },
    'sessions window at 0 (60 rows)': { view: 'sessions', filters: {}, offset: 0, limit: 60 },
    'sessions window at 50,000': { view: 'sessions', filters: {}, offset: 50_000, limit: 60 },
    'sessions window at 90,000': { view: 'sessions', filters: {}, offset: 90_000, limit: 60 },
    'sessions, chats, at 30,000': { view: 'sessions', filters: { kind: 'chat' }, offset: 30_000, limit: 60 },
    'sessions, mine, at 40,000': { view: 'sessions', filters: { mine: true }, offset: 40_000, limit: 60 },
    'sessions, mine + chats (0)': { view: 'sessions', filters: { mine: true, kind: 'chat' }, offset: 0, limit: 60 },
    'sessions, search "migration" (0)': { view: 'sessions', filters: { search: 'migration' }, offset: 0, limit: 60 },
    'session detail': { view: 'session', id: cache.query({ view: 'all', kind: 'background_task', limit: 1 }, now)[0]!.id },
  };
  const out: Record<string, { cold: number; median: number; p95: number }> = {};
  for (const [name, query] of Object.entries(queries)) {
    // A fresh LiveQueries each: the first answer pays for the counts and the filter menus.
    const views = new LiveQueries({ cache, now: () => now, userId: () => userId, previousPopoverOpen: () => null });
    let t = performance.now();
    views.evaluate(query, now);
    const cold = performance.now() - t;
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      t = performance.now();
      JSON.stringify(views.evaluate(query, now)); // the evaluation and the "did it change" text
      times.push(performance.now() - t);
    }
    views.close();
    out[name] = { cold, median: percentile(times, 50), p95: percentile(times, 95) };
  }
  return out;
}

if (process.argv[1]?.endsWith('live-queries.ts')) {
  const now = Date.now();
  const { cache } = bigCache(now);
  const figures = liveQueryFigures(cache, now, 'u_ada');
  for (const [name, { cold, median, p95 }] of Object.entries(figures)) console.log(`${name.padEnd(36)} first ${cold.toFixed(2).padStart(7)} ms   then median ${median.toFixed(2).padStart(6)}, p95 ${p95.toFixed(2).padStart(6)} ms`);
  cache.close();
}
