import type { AppStatus, CoreRestart } from '../../../shared/api';
import { mostUrgentConnection, troubledProfiles } from '../../../shared/profiles/most-urgent';
import type { CoreSummary } from '../runtime/core-link';
import type { ProfileMember } from './profile-member';
import { scopeUnreadable } from './scope-results';

/** The app's status across profiles: each one's own, and the most urgent connection for the app. */
export function hubStatus(members: readonly ProfileMember[], coreRestart: CoreRestart | null): AppStatus {
  const profiles = members.map((m) => m.status());
  const first = profiles[0];
  const unreadable = members.map((m) => scopeUnreadable(m.id, m.core.companion.cache.unreadable()));
  return {
    profiles,
    connection: mostUrgentConnection(profiles.map((p) => p.connection)),
    user: first?.user ?? null,
    skewMs: first?.skewMs ?? 0,
    demo: profiles.length > 0 && profiles.every((p) => p.demo),
    unreadable: { count: unreadable.reduce((n, u) => n + u.count, 0), ids: unreadable.flatMap((u) => u.ids).sort() },
    coreRestart,
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
    troubled: members.length > 1 ? troubledProfiles(status.profiles) : [],
  };
}
