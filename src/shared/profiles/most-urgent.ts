import type { ConnectionPhase, ConnectionState } from '../connection-state';

/** Most urgent first: the person must act, then no data, then not yet, then all is well. */
const URGENCY: readonly ConnectionPhase[] = ['signin-needed', 'update-needed', 'stopped', 'reconnecting', 'connecting', 'live'];

const rank = (phase: ConnectionPhase): number => URGENCY.indexOf(phase);

/**
 * One connection for "the app" across profiles: the most urgent one, so a profile that needs
 * sign-in is never hidden behind another that is live. Ties keep the earlier profile (the person's
 * order). No profile at all reads as connecting: the app has nothing yet.
 */
export function mostUrgentConnection(states: readonly ConnectionState[]): ConnectionState {
  let worst: ConnectionState | null = null;
  for (const state of states) if (!worst || rank(state.phase) < rank(worst.phase)) worst = state;
  return worst ?? { phase: 'connecting', nextTryAt: null, offlineSince: null, reason: null };
}

export interface NamedConnection {
  name: string;
  connection: ConnectionState;
}

/** A profile that is not live, in the words the tray and the banner use ("Globex: sign-in needed"). */
export function phaseWords(phase: ConnectionPhase): string {
  switch (phase) {
    case 'signin-needed':
      return 'sign-in needed';
    case 'update-needed':
      return 'update needed';
    case 'connecting':
      return 'connecting';
    case 'live':
      return 'live';
    default:
      return 'offline';
  }
}

/** The profiles that are not live, most urgent first, each as "Name: words"; empty when all are live. */
export function troubledProfiles(profiles: readonly NamedConnection[]): string[] {
  return profiles
    .map((p, order) => ({ p, order }))
    .filter(({ p }) => p.connection.phase !== 'live')
    .sort((a, b) => rank(a.p.connection.phase) - rank(b.p.connection.phase) || a.order - b.order)
    .map(({ p }) => `${p.name}: ${phaseWords(p.connection.phase)}`);
}
