import type { SessionFilters } from '../../../shared/api';
import type { ListKey } from '../cache/cache';
import { byListKey } from '../cache/rest-window';
import { cacheFilters } from '../views/sessions-window';
import type { ProfileMember } from './profile-member';

/** One profile's part of a merged window: its own rows from `offset`, `limit` of them. */
export interface WindowPart {
  offset: number;
  limit: number;
}

/** Active first, then newest first, ties by id; equal keys in two profiles go to the earlier one. */
const before = (a: ListKey, b: ListKey): boolean => (a.active !== b.active ? a.active : byListKey(a, b) < 0);

/**
 * Where each profile's part of the merged window [offset, offset + limit) starts and how many rows
 * it gives, from each profile's list keys in order (at least offset + limit of them, or all).
 */
export function splitWindow(keyLists: ReadonlyArray<readonly ListKey[]>, offset: number, limit: number): WindowPart[] {
  const heads = keyLists.map(() => 0);
  let starts: number[] | null = null;
  for (let position = 0; position < offset + limit; position++) {
    if (position === offset) starts = [...heads];
    let best = -1;
    for (let i = 0; i < keyLists.length; i++) {
      const candidate = keyLists[i]![heads[i]!];
      if (candidate && (best < 0 || before(candidate, keyLists[best]![heads[best]!]!))) best = i;
    }
    if (best < 0) break;
    heads[best]!++;
  }
  // A window past the end of every list: each part starts at its end and gives nothing.
  const from = starts ?? heads;
  return keyLists.map((_, i) => ({ offset: from[i]!, limit: heads[i]! - from[i]! }));
}

/**
 * Each profile's part of a Sessions window across profiles, from their caches' list keys (index
 * entries, no session parsed), with the filters as each profile's live query applies them.
 */
export function windowParts(members: readonly ProfileMember[], filters: SessionFilters, offset: number, limit: number): WindowPart[] {
  const keyLists = members.map((member) => {
    const { companion } = member.core;
    const q = cacheFilters(filters, companion.userId);
    return q ? companion.cache.listKeys(q, companion.sync.now(), offset + limit) : [];
  });
  return splitWindow(keyLists, offset, limit);
}
