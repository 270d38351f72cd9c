import type { ProfileStatus } from '../../../shared/api';
import { profileOf } from '../../../shared/api/scoped-id';
import type { ConnectionState } from '../../../shared/connection-state';
import { useStatusStore, type StatusState } from './useStatusStore';

type Status = Pick<StatusState, 'profiles' | 'connection'>;

/**
 * Which profile a session (or a muted flow) belongs to, read from its scoped id. Null when the id
 * carries no scope or names a profile the status does not list (the web preview's single
 * unnamed backend, a profile just removed): callers then fall back to the app-wide fields.
 */
export function profileStatusOf(status: Pick<StatusState, 'profiles'>, scopedId: string): ProfileStatus | null {
  const id = profileOf(scopedId);
  return id === null ? null : (status.profiles.find((p) => p.id === id) ?? null);
}

/**
 * The connection a row's commands go over: its own profile's, not the most urgent one, so a
 * profile that needs sign-in never blocks Approve on another profile's live rows.
 */
export const rowConnection = (status: Status, sessionId: string): ConnectionState => profileStatusOf(status, sessionId)?.connection ?? status.connection;

export function useProfileOf(sessionId: string): ProfileStatus | null {
  return useStatusStore((s) => profileStatusOf(s, sessionId));
}

/**
 * The profile to label a row with, only when the app runs two or more: with one, every row would
 * carry the same name, which is noise, so nothing is shown.
 */
export function useProfileLabel(sessionId: string): ProfileStatus | null {
  return useStatusStore((s) => (s.profiles.length >= 2 ? profileStatusOf(s, sessionId) : null));
}

export function useRowConnection(sessionId: string): ConnectionState {
  return useStatusStore((s) => rowConnection(s, sessionId));
}
