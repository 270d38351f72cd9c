import type { CommandCenterResult, ListRow, NeedsYouRow, SessionsResult } from '../../../shared/api';
import type { Ref } from '../../../shared/protocol';
import { compareByRecency, isActive } from '../../../shared/sessions';

/**
 * Several profiles' answers to one query as one answer, in the order a single cache would give:
 * each profile's rows are already in that order, so a merge by the same rule keeps it. Totals add
 * up; the rows are cut to what the query asked for.
 */

/** Pending checkpoints first, longest wait first; then failures, newest first (shared/sessions/needs-you.ts). */
function byNeedsYou(a: NeedsYouRow, b: NeedsYouRow): number {
  if (a.reason !== b.reason) return a.reason === 'checkpoint' ? -1 : 1;
  if (a.reason === 'checkpoint' && a.session.checkpoint && b.session.checkpoint) {
    // As needs-you.ts: oldest request first, ties by id.
    const byWait = Date.parse(a.session.checkpoint.requestedAt) - Date.parse(b.session.checkpoint.requestedAt);
    return byWait !== 0 ? byWait : a.session.id < b.session.id ? -1 : a.session.id > b.session.id ? 1 : 0;
  }
  return compareByRecency(a.session, b.session);
}

/** The Sessions list's order: active first, then newest first. */
export function byListOrder(now: number): (a: ListRow, b: ListRow) => number {
  return (a, b) => Number(isActive(b.session, now)) - Number(isActive(a.session, now)) || compareByRecency(a.session, b.session);
}

/** Sorted lists → one sorted list of at most `limit`, taking from each front in turn. */
function mergeSorted<T>(lists: ReadonlyArray<readonly T[]>, compare: (a: T, b: T) => number, limit: number): T[] {
  const heads = lists.map(() => 0);
  const out: T[] = [];
  while (out.length < limit) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      const candidate = lists[i]![heads[i]!];
      if (candidate === undefined) continue;
      if (best < 0 || compare(candidate, lists[best]![heads[best]!]!) < 0) best = i;
    }
    if (best < 0) break;
    out.push(lists[best]![heads[best]!]!);
    heads[best]!++;
  }
  return out;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

export interface CommandCenterLimits {
  needsYouLimit: number;
  activeLimit: number;
  recentLimit: number;
}

export function mergeCommandCenter(results: readonly CommandCenterResult[], limits: CommandCenterLimits): CommandCenterResult {
  const section = (pick: (r: CommandCenterResult) => { rows: ListRow[]; total: number }, limit: number) => ({
    rows: mergeSorted(results.map((r) => pick(r).rows), compareRows, limit),
    total: sum(results.map((r) => pick(r).total)),
  });
  return {
    view: 'commandCenter',
    needsYou: { rows: mergeSorted(results.map((r) => r.needsYou.rows), byNeedsYou, limits.needsYouLimit), total: sum(results.map((r) => r.needsYou.total)) },
    activeNow: section((r) => r.activeNow, limits.activeLimit),
    recent: section((r) => r.recent, limits.recentLimit),
  };
}

/** Within Active Now or Recent every row is on the same side of "active", so recency alone orders them. */
const compareRows = (a: ListRow, b: ListRow): number => compareByRecency(a.session, b.session);

/**
 * Every profile's facets in one menu, by name. Their ids are scoped, so two tenants' "Ada" are two
 * entries (two people, or one person known to two tenants): each is told apart by its profile.
 */
function mergeFacets(lists: ReadonlyArray<readonly Ref[]>, profileNames: readonly string[]): Ref[] {
  const seen = new Map<string, number>();
  for (const list of lists) for (const ref of list) seen.set(ref.name, (seen.get(ref.name) ?? 0) + 1);
  const all = lists.flatMap((list, i) => list.map((ref) => (seen.get(ref.name)! > 1 ? { ...ref, name: `${ref.name} (${profileNames[i] ?? ''})` } : ref)));
  return all.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Each profile's part of the window [offset, offset + limit) of the merged list (window-split.ts)
 * → that window, its rows in list order, with every profile's totals, tabs and menus.
 */
export function mergeSessions(results: readonly SessionsResult[], offset: number, limit: number, now: number, profileNames: readonly string[]): SessionsResult {
  const rows = mergeSorted(
    results.map((r) => r.rows),
    byListOrder(now),
    limit,
  );
  const tab = (key: keyof SessionsResult['tabs']) => sum(results.map((r) => r.tabs[key]));
  return {
    view: 'sessions',
    offset,
    rows,
    total: sum(results.map((r) => r.total)),
    tabs: { all: tab('all'), flow_run: tab('flow_run'), background_task: tab('background_task'), chat: tab('chat') },
    facets: {
      owners: mergeFacets(results.map((r) => r.facets.owners), profileNames),
      initiatives: mergeFacets(results.map((r) => r.facets.initiatives), profileNames),
      plans: mergeFacets(results.map((r) => r.facets.plans), profileNames),
    },
  };
}
