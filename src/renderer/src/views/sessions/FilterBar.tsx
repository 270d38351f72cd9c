import { useMemo, type KeyboardEvent, type Ref as ReactRef } from 'react';
import type { ProfileStatus, SessionsResult } from '../../../../shared/api';
import type { SessionFilters } from '../../state/useUiStore';
import { ownerOptions, withSelected } from './filter';

/** No options yet: before the core's first answer. */
const NO_FACETS: SessionsResult['facets'] = { owners: [], initiatives: [], plans: [] };

interface FilterBarProps {
  /** What the menus offer: every owner, initiative and plan in the cache (the core's facets). */
  facets: SessionsResult['facets'] | null;
  /** The profiles to choose from; none (fewer than two running) hides the choice. */
  profiles: readonly ProfileStatus[];
  /** The person's ids, which "Mine" stands for (useProfileFilter). */
  me: readonly string[];
  filters: SessionFilters;
  onChange: (patch: Partial<SessionFilters>) => void;
  searchRef?: ReactRef<HTMLInputElement>;
}

/**
 * The profile (with two or more), the owner facet, initiative and plan, and the title search;
 * options come from the sessions the core holds. Each narrows what the others leave.
 */
export function FilterBar({ facets, profiles, me, filters, onChange, searchRef }: FilterBarProps) {
  const { owners: ownerRefs, initiatives, plans } = facets ?? NO_FACETS;
  const owners = useMemo(() => ownerOptions(ownerRefs, me), [ownerRefs, me]);
  const ownerChoices = owners.some((o) => o.value === filters.owner)
    ? owners
    : [...owners, { value: filters.owner, label: `${filters.owner} (no sessions)` }];

  // Escape clears a non-empty search instead of leaving the page (App listens on window for Escape).
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape' && filters.search !== '') {
      e.stopPropagation();
      onChange({ search: '' });
    }
  };

  return (
    <div className="sessions-filters">
      {profiles.length > 0 && (
        <RefSelect label="Profile" anyLabel="All profiles" value={filters.profile} options={profiles} onChange={(profile) => onChange({ profile })} />
      )}
      <label className="sessions-field">
        <span>Owner</span>
        <select value={filters.owner} onChange={(e) => onChange({ owner: e.target.value })}>
          {ownerChoices.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <RefSelect label="Initiative" anyLabel="Any initiative" value={filters.initiative} options={withSelected(initiatives, filters.initiative)} onChange={(initiative) => onChange({ initiative })} />
      <RefSelect label="Plan" anyLabel="Any plan" value={filters.plan} options={withSelected(plans, filters.plan)} onChange={(plan) => onChange({ plan })} />
      <label className="sessions-field sessions-search">
        <span>Search sessions</span>
        <input
          ref={searchRef}
          type="search"
          placeholder="Title contains…"
          value={filters.search}
          onChange={(e) => onChange({ search: e.target.value })}
          onKeyDown={onSearchKey}
          data-search
        />
      </label>
    </div>
  );
}

interface RefSelectProps {
  label: string;
  anyLabel: string;
  value: string;
  options: ReadonlyArray<{ id: string; name: string }>;
  onChange: (value: string) => void;
}

function RefSelect({ label, anyLabel, value, options, onChange }: RefSelectProps) {
  return (
    <label className="sessions-field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} disabled={options.length === 0 && value === 'all'}>
        <option value="all">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
