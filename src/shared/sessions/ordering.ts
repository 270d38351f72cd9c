import type { Session } from '../protocol/session';
import { isActive, isRecent } from './activity';

/** Newest `updatedAt` first, ties by `id` ascending, so the order is total and stable. */
export function compareByRecency(a: Session, b: Session): number {
  const byTime = Date.parse(b.updatedAt) - Date.parse(a.updatedAt);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Active sessions first, then the rest; within each, newest first. */
export function orderSessions(sessions: readonly Session[], now: number): Session[] {
  const active: Session[] = [];
  const rest: Session[] = [];
  for (const s of sessions) (isActive(s, now) ? active : rest).push(s);
  return [...active.sort(compareByRecency), ...rest.sort(compareByRecency)];
}

export interface CommandCenterView {
  activeNow: Session[];
  recent: Session[];
}

/** Active Now is the active set; Recent is every other session that moved in the past 24 hours. */
export function commandCenterView(sessions: readonly Session[], now: number): CommandCenterView {
  const activeNow: Session[] = [];
  const recent: Session[] = [];
  for (const s of sessions) {
    if (isActive(s, now)) activeNow.push(s);
    else if (isRecent(s, now)) recent.push(s);
  }
  return { activeNow: activeNow.sort(compareByRecency), recent: recent.sort(compareByRecency) };
}
