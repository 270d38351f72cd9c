import type { CommandCenterResult, ViewQuery } from '../../../shared/api';
import { withRollUps } from './roll-ups';
import type { ViewSource } from './view-source';

type Query = Extract<ViewQuery, { view: 'commandCenter' }>;

/** The popover: the first rows of Active Now and Recent, each with its count, and approvals waiting. */
export function commandCenter(source: ViewSource, q: Query, now: number): CommandCenterResult {
  const { cache } = source;
  return {
    view: 'commandCenter',
    activeNow: { rows: withRollUps(cache, cache.query({ view: 'active', limit: q.activeLimit }, now)), total: cache.count({ view: 'active' }, now) },
    recent: { rows: withRollUps(cache, cache.query({ view: 'recent', limit: q.recentLimit }, now)), total: cache.count({ view: 'recent' }, now) },
    approvals: cache.activeApprovals(now),
  };
}
