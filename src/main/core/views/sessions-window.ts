import type { SessionFilters, SessionsResult, ViewQuery } from '../../../shared/api';
import type { SessionQuery } from '../cache/cache';
import type { Facets } from './facets';
import type { KindCounts } from './kind-counts';
import { withRollUps } from './roll-ups';
import type { ViewSource } from './view-source';

type Query = Extract<ViewQuery, { view: 'sessions' }>;

/** The filters as the cache takes them, or null when they can match nothing ("mine" with no user, or someone else's). */
export function cacheFilters(filters: SessionFilters, userId: string | null): Omit<SessionQuery, 'view'> | null {
  let ownerId = filters.ownerId;
  if (filters.mine) {
    if (userId === null || (ownerId !== undefined && ownerId !== userId)) return null;
    ownerId = userId;
  }
  const q: Omit<SessionQuery, 'view'> = {};
  if (filters.kind !== undefined) q.kind = filters.kind;
  if (ownerId !== undefined) q.ownerId = ownerId;
  if (filters.initiativeId !== undefined) q.initiativeId = filters.initiativeId;
  if (filters.planId !== undefined) q.planId = filters.planId;
  if (filters.search) q.search = filters.search;
  return q;
}

/** A window of the Sessions list (active first, then newest) with its total, the tab counts and the filter menus. */
export function sessionsWindow(source: ViewSource, q: Query, now: number, counts: KindCounts, facets: Facets): SessionsResult {
  const filters = cacheFilters(q.filters, source.userId());
  const base = { view: 'sessions' as const, offset: q.offset, facets: facets.get() };
  if (!filters) return { ...base, rows: [], total: 0, tabs: { all: 0, flow_run: 0, background_task: 0, chat: 0 } };
  const { kind, ...others } = filters;
  const byKind = counts.get(others, now);
  const all = byKind.flow_run + byKind.background_task + byKind.chat;
  const sessions = q.limit === 0 ? [] : source.cache.query({ view: 'all', ...filters, offset: q.offset, limit: q.limit }, now);
  return {
    ...base,
    rows: withRollUps(source.cache, sessions),
    total: kind === undefined ? all : byKind[kind],
    tabs: { all, ...byKind },
  };
}
