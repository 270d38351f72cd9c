import type { Session } from '../protocol/session';
import { isChatEnded } from './category';

export const CHAT_QUIET_AFTER_MS = 30 * 60_000;
export const RECENT_WINDOW_MS = 24 * 60 * 60_000;

const LIVE_FLOW_RUN = new Set(['running', 'paused', 'pending']);
const LIVE_TASK = new Set(['running', 'queued', 'provisioning', 'waiting']);

/**
 * Whether a session is live at `now` (ms since the epoch, already corrected for server skew).
 * A chat goes quiet exactly at the 30-minute mark, on the clock alone.
 */
export function isActive(session: Session, now: number): boolean {
  switch (session.kind) {
    case 'flow_run':
      return LIVE_FLOW_RUN.has(session.status);
    case 'background_task':
      return LIVE_TASK.has(session.status);
    case 'chat':
      return !isChatEnded(session) && now - Date.parse(session.chat.lastMessageAt) < CHAT_QUIET_AFTER_MS;
  }
}

/** Moved within the past 24 hours, the boundary included. */
export function isRecent(session: Session, now: number): boolean {
  return now - Date.parse(session.updatedAt) <= RECENT_WINDOW_MS;
}

/**
 * When `isActive` will next change by the clock alone, or null if only a server change can move it.
 * Lets a view schedule one timer instead of polling.
 */
export function activeUntil(session: Session, now: number): number | null {
  if (session.kind !== 'chat' || !isActive(session, now)) return null;
  return Date.parse(session.chat.lastMessageAt) + CHAT_QUIET_AFTER_MS;
}
