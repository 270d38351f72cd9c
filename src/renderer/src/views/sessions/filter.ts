import type { Ref, Session, SessionKind } from '../../../../shared/protocol';
import { isActive } from '../../../../shared/sessions';
import { activeFirst } from '../../state/recency';
import { DEFAULT_FILTERS, type SessionFilters } from '../../state/useUiStore';

export const KIND_TABS: ReadonlyArray<{ value: SessionKind | 'all'; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'flow_run', label: 'Flow runs' },
  { value: 'background_task', label: 'Tasks' },
  { value: 'chat', label: 'Chats' },
];

/**
 * The sessions the filters let through, in their original order. The query is lowered once, not
 * per session: with 10,000 sessions this runs on every keystroke in the search box.
 */
export function filterSessions(sessions: readonly Session[], filters: SessionFilters, userId: string | null): Session[] {
  const query = filters.search.trim().toLocaleLowerCase();
  // "Mine" before the user is known matches nothing rather than everything, so it never over-promises.
  const ownerId = filters.owner === 'mine' ? (userId ?? '\u0000no-user') : filters.owner === 'all' ? null : filters.owner;
  return sessions.filter(
    (s) =>
      (filters.kind === 'all' || s.kind === filters.kind) &&
      (ownerId === null || s.owner.id === ownerId) &&
      (filters.initiative === 'all' || s.initiative?.id === filters.initiative) &&
      (filters.plan === 'all' || s.plan?.id === filters.plan) &&
      (query === '' || s.title.toLocaleLowerCase().includes(query)),
  );
}

/** What the page lists: the filtered sessions, active first, then most recent. */
export function visibleSessions(sessions: readonly Session[], filters: SessionFilters, userId: string | null, now: number): Session[] {
  return activeFirst(filterSessions(sessions, filters, userId), now);
}

/**
 * Which sessions are active at `now`, as one comparable string. The order depends on the clock
 * only through this, so the page re-sorts 10,000 sessions when a chat goes quiet, not on every tick.
 */
export function activeSignature(sessions: readonly Session[], now: number): string {
  let signature = '';
  for (const s of sessions) if (isActive(s, now)) signature += `${s.id}\n`;
  return signature;
}

export type RefField = 'owner' | 'initiative' | 'plan';

/** The distinct owners, initiatives or plans the sessions mention, by name (ties by id). */
export function refOptions(sessions: readonly Session[], field: RefField): Ref[] {
  const byId = new Map<string, Ref>();
  for (const s of sessions) {
    const ref = s[field];
    if (ref && !byId.has(ref.id)) byId.set(ref.id, ref);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Keeps a chosen value selectable after its last session left the list, so the select never shows
 * a value it has no option for and the person can still see (and undo) what is filtering.
 */
export function withSelected(options: Ref[], selected: string): Ref[] {
  if (selected === 'all' || selected === 'mine' || options.some((o) => o.id === selected)) return options;
  return [...options, { id: selected, name: `${selected} (no sessions)` }];
}

/** The owner facet: "Mine", "Everyone", then each other owner by name. */
export function ownerOptions(sessions: readonly Session[], userId: string | null): Array<{ value: string; label: string }> {
  const others = refOptions(sessions, 'owner').filter((o) => o.id !== userId);
  return [{ value: 'mine', label: 'Mine' }, { value: 'all', label: 'Everyone' }, ...others.map((o) => ({ value: o.id, label: o.name }))];
}

export function hasFilters(filters: SessionFilters): boolean {
  return (Object.keys(DEFAULT_FILTERS) as Array<keyof SessionFilters>).some((k) => filters[k] !== DEFAULT_FILTERS[k]);
}

/** "1 session", "10,000 sessions". */
export function countLabel(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'session' : 'sessions'}`;
}
