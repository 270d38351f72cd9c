import type { SessionQuery } from './session-query';

/** An index entry: the row, and its place in list order (updated_at DESC, then id_key). */
export interface RowKey {
  r: number;
  u: number;
  k: Buffer;
}

/** A place in the Sessions list: in the active set or not, then newest first, ties by id. */
export interface ListKey extends RowKey {
  active: boolean;
}

/** List order of two keys in the same part of the list (updated_at DESC, then id_key). */
export const byListKey = (a: RowKey, b: RowKey): number => b.u - a.u || Buffer.compare(a.k, b.k);

/** Below this offset the plain OFFSET query is as quick (about 0.5 µs a skipped row). */
export const FAST_OFFSET_FROM = 1000;

/** Rounds of the position search before giving up on the fast path (see restWindow). */
const MAX_ROUNDS = 16;

/** Whether `a` comes no later than `b` in list order. */
const notAfter = (a: RowKey, b: RowKey): boolean => a.u > b.u || (a.u === b.u && Buffer.compare(a.k, b.k) <= 0);

/**
 * The covering index that lists every session these filters let through, in list order, when
 * there is one: no filter, or exactly one equality filter. Search and combined filters have none.
 */
export function walkSource(q: SessionQuery): { from: string; params: Record<string, string> } | null {
  const filters = (['kind', 'ownerId', 'initiativeId', 'planId'] as const).filter((key) => q[key] !== undefined);
  if ((q.search ?? '') !== '' || filters.length > 1) return null;
  const key = filters[0];
  if (key === undefined) return { from: 'sessions INDEXED BY sessions_recency', params: {} };
  const [index, column] = {
    kind: ['sessions_kind', 'kind'],
    ownerId: ['sessions_owner', 'owner_id'],
    initiativeId: ['sessions_initiative', 'initiative_id'],
    planId: ['sessions_plan', 'plan_id'],
  }[key];
  return { from: `sessions INDEXED BY ${index} WHERE ${column} = @value`, params: { value: q[key]! } };
}

/**
 * The rowids of the rest of the list (everything but the active set) from `offset`, found by
 * walking an index that holds every matching session, active ones included.
 *
 * The rest's row `offset` sits at position j of the whole walk where j = offset + h(j), h(j)
 * being how many active rows come no later than the entry at j. Starting from j = offset and
 * repeating j = offset + h(j) only ever moves j forward and never past the answer (h grows
 * with j), so it stops exactly there; each round is one index walk of j entries, and as the
 * active set sits near the top of the list it takes two rounds. Null when it does not settle.
 */
export function restWindow(walk: (limit: number, offset: number) => RowKey[], active: RowKey[], offset: number, limit: number): number[] | null {
  const sorted = [...active].sort((a, b) => (notAfter(a, b) ? -1 : 1));
  const activeRows = new Set(active.map((a) => a.r));
  /** How many active rows come no later than `key` (binary search over the sorted keys). */
  const upTo = (key: RowKey): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (notAfter(sorted[mid]!, key)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let j = offset;
  let before = 0;
  // The usual case first: every active row comes before the page (they are the newest), which
  // one look confirms, as the position that satisfies j = offset + h(j) at a non-active row is
  // the only one that does.
  const guess = walk(1, offset + sorted.length)[0];
  const settled = !!guess && !activeRows.has(guess.r) && upTo(guess) === sorted.length;
  if (settled) {
    j = offset + sorted.length;
    before = sorted.length;
  }
  for (let round = 0; !settled; round++) {
    if (round === MAX_ROUNDS) return null;
    const [entry] = walk(1, j);
    if (!entry) return [];
    before = upTo(entry);
    if (offset + before === j) break;
    j = offset + before;
  }
  if (limit === 0) return [];
  // From j on, the page is the next `limit` entries that are not active: only the active rows
  // after j can be in the way.
  const out: number[] = [];
  for (const entry of walk(limit + sorted.length - before, j)) {
    if (activeRows.has(entry.r)) continue;
    out.push(entry.r);
    if (out.length === limit) break;
  }
  return out;
}
