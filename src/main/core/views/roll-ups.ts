import type { ListRow } from '../../../shared/api';
import type { Session } from '../../../shared/protocol';
import { rollUp } from '../../../shared/sessions';
import type { Cache, ChildState } from '../cache/cache';

/**
 * Just enough of a session for categoryOf and hasPendingCheckpoint (checkpoint, chat.ended, kind
 * and status), so a child's tally, its `waiting` count included, follows the shared rule without
 * reading its JSON whole.
 */
const asSession = (c: ChildState): Session => ({ kind: c.kind, status: c.status, checkpoint: c.checkpoint ? {} : null, chat: { ended: c.ended } }) as unknown as Session;

/** Rows with their fan-out tally: every child on the page is looked up in one statement. */
export function withRollUps(cache: Cache, sessions: readonly Session[]): ListRow[] {
  const childIds = new Set<string>();
  for (const s of sessions) if (s.kind === 'background_task') for (const id of s.task.childIds) childIds.add(id);
  const states = new Map(cache.childStates([...childIds]).map((c) => [c.id, asSession(c)]));
  return sessions.map((session) => ({
    session,
    rollUp: session.kind === 'background_task' && session.task.childIds.length > 0 ? rollUp(session, (id) => states.get(id)) : null,
  }));
}
