import type { ConnectionPhase } from '../../../shared/connection-state';
import { blockedReason } from './decisionWords';

/**
 * Why resume, cancel and end cannot be sent right now, in words; null when the connection is live.
 * Commands are sent only while connected (PROTOCOL.md 3.6), never queued for later, because they
 * act on the state the person saw.
 */
export const actionBlockedReason = (phase: ConnectionPhase): string | null => blockedReason(phase, 'actions');

/** What to say when a server gives a code but no message of its own. */
const BY_CODE: Record<string, string> = {
  conflict: 'it changed since this view last heard; wait for the update and try again',
  not_found: 'Disco Parrot no longer has this session',
  forbidden: "you aren't allowed to do that on this session",
  offline: 'not connected to Disco Parrot, so nothing was sent',
  rate_limited: 'too many requests just now; try again in a moment',
  timeout: 'no answer from Disco Parrot; check the session before trying again',
};

/**
 * A refused command in words: what failed, then the server's own reason ("Couldn't cancel:
 * fr_7 is cancelled and cannot be cancelled"), or, without one, what its code means.
 */
export function refusalWords(failed: string, reply: { code: string; message: string }): string {
  const reason = reply.message.trim() || BY_CODE[reply.code] || `Disco Parrot said ${reply.code}`;
  return `${failed}: ${reason}`;
}

/** The same for a call that threw (the core went away, a bad parameter). */
export function errorWords(failed: string, error: unknown): string {
  return `${failed}: ${error instanceof Error ? error.message : String(error)}`;
}
