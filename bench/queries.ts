import { openCache, type Cache } from '../src/main/core/cache/cache';
import { isActive } from '../src/shared/sessions';
import type { Session } from '../src/shared/protocol';
import { lifelikeSessions } from './frames';
import { percentile, scratch } from './util';

/**
 * A big cache as a busy tenant leaves it: the demo tenant's 3,000 sessions as they are now
 * (their own mix of live and finished work), and 97,000 finished ones from the past week.
 */
export function bigTenant(now: number, total = 100_000): Session[] {
  const current = lifelikeSessions(3000);
  const finished = current.filter((s) => !isActive(s, now) && !s.checkpoint);
  const out: Session[] = current.map((s, i) => ({ ...s, updatedAt: new Date(now - (i % 600) * 60_000).toISOString() }));
  for (let i = out.length; i < total; i++) {
    const s = finished[i % finished.length]!;
    out.push({ ...s, id: `${s.id}_h${i}`, updatedAt: new Date(now - 60 * 60_000 - (i % 9000) * 60_000).toISOString() });
  }
  return out;
}

export interface QueryFigures {
  activeCount: number;
  p95: Record<string, number>;
}

/** Each view the UI and the CLI read, 50 times on `cache`: p95 in ms. */
export function queryFigures(cache: Cache, sessions: Session[], now: number): QueryFigures {
  const owner = sessions[0]!.owner.id;
  const initiative = sessions.find((s) => s.initiative)?.initiative?.id ?? 'none';
  const activeMatches = cache.count({ view: 'active', search: 'migration' }, now);
  const views: Record<string, () => unknown> = {
    'Active Now (first 50)': () => cache.query({ view: 'active', limit: 50 }, now),
    'Recent (50)': () => cache.query({ view: 'recent', limit: 50 }, now),
    'All, kind filter (50)': () => cache.query({ view: 'all', kind: 'chat', limit: 50 }, now),
    'All, owner filter (50)': () => cache.query({ view: 'all', ownerId: owner, limit: 50 }, now),
    'All, initiative filter (50)': () => cache.query({ view: 'all', initiativeId: initiative, limit: 50 }, now),
    'title search (50)': () => cache.query({ view: 'all', search: 'migration', limit: 50 }, now),
    'title search, past the active ones (50)': () => cache.query({ view: 'all', search: 'migration', limit: 50, offset: activeMatches }, now),
    'one transcript page (200)': () => cache.transcript(sessions[0]!.id, 0, 200),
  };
  const p95: Record<string, number> = {};
  for (const [name, run] of Object.entries(views)) {
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      run();
      times.push(performance.now() - t);
    }
    p95[name] = percentile(times, 95);
  }
  return { activeCount: cache.count({ view: 'active' }, now), p95 };
}

/** A fresh cache holding `bigTenant`, with transcripts for the first session. */
export function bigCache(now: number): { cache: Cache; sessions: Session[] } {
  const sessions = bigTenant(now);
  const { cache } = openCache(scratch('bench-query-'), { create: true });
  cache.applySnapshot(sessions, 1);
  cache.appendTranscript(
    sessions[0]!.id,
    Array.from({ length: 400 }, (_, i) => ({ seq: i + 1, at: new Date(now).toISOString(), kind: 'message' as const, message: { role: 'agent' as const, text: `step ${i}: reading the migration plan` } })),
  );
  return { cache, sessions };
}
