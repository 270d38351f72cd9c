import type { SessionFilters as QueryFilters } from '../../../../shared/api';
import type { Ref, SessionKind } from '../../../../shared/protocol';
import { DEFAULT_FILTERS, type SessionFilters } from '../../state/useUiStore';

export const KIND_TABS: ReadonlyArray<{ value: SessionKind | 'all'; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'flow_run', label: 'Flow runs' },
  { value: 'background_task', label: 'Tasks' },
  { value: 'chat', label: 'Chats' },
];

/**
 * The page's filters as the core's query takes them: "Mine" is the signed-in person (the core
 * knows who), "Everyone" and "Any" are no filter at all, and a blank search is none.
 */
export function toQueryFilters(filters: SessionFilters): QueryFilters {
  const search = filters.search.trim();
  return {
    ...(filters.profile !== 'all' ? { profile: filters.profile } : {}),
    ...(filters.kind !== 'all' ? { kind: filters.kind } : {}),
    ...(filters.owner === 'mine' ? { mine: true } : filters.owner !== 'all' ? { ownerId: filters.owner } : {}),
    ...(filters.initiative !== 'all' ? { initiativeId: filters.initiative } : {}),
    ...(filters.plan !== 'all' ? { planId: filters.plan } : {}),
    ...(search !== '' ? { search } : {}),
  };
}

/**
 * Keeps a chosen value selectable after its last session left the list, so the select never shows
 * a value it has no option for and the person can still see (and undo) what is filtering.
 */
export function withSelected(options: readonly Ref[], selected: string): Ref[] {
  if (selected === 'all' || selected === 'mine' || options.some((o) => o.id === selected)) return [...options];
  return [...options, { id: selected, name: `${selected} (no sessions)` }];
}

/**
 * The owner facet: "Mine", "Everyone", then each other owner, in the order the core sent (by name).
 * `me`: the person's ids, one per profile listed (each tenant knows them by its own), left out of
 * the others since "Mine" covers them.
 */
export function ownerOptions(owners: readonly Ref[], me: readonly string[]): Array<{ value: string; label: string }> {
  const others = owners.filter((o) => !me.includes(o.id));
  return [{ value: 'mine', label: 'Mine' }, { value: 'all', label: 'Everyone' }, ...others.map((o) => ({ value: o.id, label: o.name }))];
}

export function hasFilters(filters: SessionFilters): boolean {
  return (Object.keys(DEFAULT_FILTERS) as Array<keyof SessionFilters>).some((k) => filters[k] !== DEFAULT_FILTERS[k]);
}

/** "1 session", "10,000 sessions". */
export function countLabel(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'session' : 'sessions'}`;
}
