import type { ProfileStatus } from '../../../src/shared/api';
import type { ConnectionState } from '../../../src/shared/connection-state';
import { NOW } from '../../shared/fixtures';
import { LIVE } from '../fake-api';

/** A profile as the core reports it; live, with Ada signed in, unless told otherwise. */
export function profile(id: string, name: string, over: Partial<ProfileStatus> = {}): ProfileStatus {
  return { id, name, color: '#3b82f6', connection: LIVE, user: { id: 'u_ada', name: 'Ada Lovelace' }, skewMs: 0, demo: false, ...over };
}

export const ACME = profile('acme', 'Acme', { color: '#3b82f6' });
/** Globex knows the same person by another id: "Mine" there is u_ada_g. */
export const GLOBEX = profile('globex', 'Globex', { color: '#10b981', user: { id: 'u_ada_g', name: 'Ada Lovelace' } });

export const SIGNIN_NEEDED: ConnectionState = { phase: 'signin-needed', nextTryAt: null, offlineSince: NOW - 10 * 60_000, reason: 'token revoked' };
export const RECONNECTING: ConnectionState = { phase: 'reconnecting', nextTryAt: NOW + 4_000, offlineSince: NOW - 60_000, reason: null };
