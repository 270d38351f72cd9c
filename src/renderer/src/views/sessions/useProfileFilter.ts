import { useMemo } from 'react';
import type { ProfileStatus } from '../../../../shared/api';
import { scopeId } from '../../../../shared/api/scoped-id';
import { useStatusStore } from '../../state/useStatusStore';
import type { SessionFilters } from '../../state/useUiStore';

export interface ProfileFilter {
  /** The profiles to offer: empty with fewer than two, when the filter is not shown at all. */
  offered: readonly ProfileStatus[];
  /** The filters as they apply: a profile no longer running (removed, or the last but one) filters nothing. */
  filters: SessionFilters;
  /** The person's ids in the profiles listed: "Mine" in each tenant's own terms. */
  me: string[];
}

/**
 * The Sessions page's profile choice, checked against the profiles running now, so a filter the
 * page no longer shows (its profile removed) never narrows the list unseen.
 */
export function useProfileFilter(filters: SessionFilters): ProfileFilter {
  const profiles = useStatusStore((s) => s.profiles);
  const user = useStatusStore((s) => s.user);
  return useMemo(() => {
    const offered = profiles.length >= 2 ? profiles : [];
    const known = offered.some((p) => p.id === filters.profile);
    const applied = known || filters.profile === 'all' ? filters : { ...filters, profile: 'all' };
    // No profiles listed (the web preview's single backend): the app-wide user is the one person.
    const listed = applied.profile === 'all' ? profiles : profiles.filter((p) => p.id === applied.profile);
    // The owner menu's ids are scoped by profile (one tenant's u_1 is not another's), so are these.
    const me = profiles.length === 0 ? (user ? [user.id] : []) : listed.flatMap((p) => (p.user ? [scopeId(p.id, p.user.id)] : []));
    return { offered, filters: applied, me };
  }, [profiles, user, filters]);
}
