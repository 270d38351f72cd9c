import type { CommandCenterResult, NeedsYouRow, ViewQuery } from '../../../shared/api';
import type { Session } from '../../../shared/protocol';
import { failuresSince, isActive, isRecent, needsYou, type NeedsYouItem } from '../../../shared/sessions';
import type { Cache } from '../cache/cache';
import { withRollUps } from './roll-ups';
import type { ViewSource } from './view-source';

type Query = Extract<ViewQuery, { view: 'commandCenter' }>;

/** The Needs-you list at `now`: the one rule (shared/sessions/needs-you.ts) over the cache's candidates. */
export function needsYouAt(source: ViewSource, now: number): NeedsYouItem[] {
  const userId = source.userId();
  const since = failuresSince(source.previousPopoverOpen(), now);
  return needsYou({ ...source.cache.needsYouCandidates(userId, since), userId, since, now });
}

/**
 * The popover: what needs the person, then the first rows of Active Now and Recent, each with its
 * count. A session in Needs you is left out of the other two, rows and counts alike, so no session
 * shows twice and the first screen holds every decision before anything else.
 */
export function commandCenter(source: ViewSource, q: Query, now: number, items: NeedsYouItem[] = needsYouAt(source, now)): CommandCenterResult {
  const { cache } = source;
  const listed = new Set(items.map((i) => i.session.id));
  let inActive = 0;
  let inRecent = 0;
  for (const { session } of items) {
    if (isActive(session, now)) inActive++;
    else if (isRecent(session, now)) inRecent++;
  }
  const shown = items.slice(0, q.needsYouLimit);
  const needsYouRows: NeedsYouRow[] = withRollUps(cache, shown.map((i) => i.session)).map((row, i) => ({ ...row, reason: shown[i]!.reason }));
  return {
    view: 'commandCenter',
    needsYou: { rows: needsYouRows, total: items.length },
    activeNow: { rows: withRollUps(cache, page(cache, 'active', q.activeLimit, inActive, listed, now)), total: cache.count({ view: 'active' }, now) - inActive },
    recent: { rows: withRollUps(cache, page(cache, 'recent', q.recentLimit, inRecent, listed, now)), total: cache.count({ view: 'recent' }, now) - inRecent },
  };
}

/** A section's first `limit` rows without the listed ones: `skip` more are read, as many as may be left out. */
function page(cache: Cache, view: 'active' | 'recent', limit: number, skip: number, listed: ReadonlySet<string>, now: number): Session[] {
  return cache.query({ view, limit: limit + skip }, now).filter((s) => !listed.has(s.id)).slice(0, limit);
}
