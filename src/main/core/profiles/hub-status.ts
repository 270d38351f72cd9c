import type { AppStatus, ProfileStatus } from '../../../shared/api';
import type { ShellStatus } from '../api/shell-status';
import { profileColor } from '../../../shared/profiles/profile-fields';
import { mostUrgentConnection, troubledProfiles } from '../../../shared/profiles/most-urgent';
import type { CoreSummary } from '../runtime/core-link';
import type { ProfileMember, ProfileSpec } from './profile-member';
import { scopeUnreadable } from './scope-results';

/** A profile that could not start (its cache held by another process, say), and why. */
export interface Unstarted {
  spec: Pick<ProfileSpec, 'id' | 'name' | 'color'>;
  reason: string;
}

/** A profile that could not start, as every window and the tray show it: offline, with the reason. */
function unstartedStatus({ spec, reason }: Unstarted): ProfileStatus {
  const connection = { phase: 'stopped' as const, nextTryAt: null, offlineSince: null, reason: `could not start: ${reason}` };
  return { id: spec.id, name: spec.name ?? spec.id, color: profileColor(spec.id, spec.color), connection, user: null, skewMs: 0, demo: false };
}

/** The app's status across profiles: each one's own, and the most urgent connection for the app. */
export function hubStatus(members: readonly ProfileMember[], unstarted: readonly Unstarted[], shell: ShellStatus, order: ReadonlyMap<string, number> = new Map()): AppStatus {
  // In the person's order, whether a profile runs or could not start.
  const at = (id: string) => order.get(id) ?? Number.POSITIVE_INFINITY;
  const profiles = [...members.map((m) => m.status()), ...unstarted.map(unstartedStatus)].sort((a, b) => at(a.id) - at(b.id));
  const first = profiles[0];
  const unreadable = members.map((m) => scopeUnreadable(m.id, m.core.companion.cache.unreadable()));
  return {
    profiles,
    connection: mostUrgentConnection(profiles.map((p) => p.connection)),
    user: first?.user ?? null,
    skewMs: first?.skewMs ?? 0,
    demo: profiles.length > 0 && profiles.every((p) => p.demo),
    unreadable: { count: unreadable.reduce((n, u) => n + u.count, 0), ids: unreadable.flatMap((u) => u.ids).sort() },
    ...shell,
  };
}

/** What the tray shows: counts summed, the most urgent connection, and the profiles that are not live. */
export function hubTraySummary(members: readonly ProfileMember[], status: AppStatus): CoreSummary {
  const counts = members.map((m) => m.core.host.summary());
  return {
    active: counts.reduce((n, c) => n + c.active, 0),
    needsYou: counts.reduce((n, c) => n + c.needsYou, 0),
    phase: status.connection.phase,
    offlineSince: status.connection.offlineSince,
    demo: status.demo,
    troubled: status.profiles.length > 1 ? troubledProfiles(status.profiles) : [],
  };
}
