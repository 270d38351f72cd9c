import type { SessionResult, ViewQuery } from '../../../shared/api';
import type { Session } from '../../../shared/protocol';
import type { ViewSource } from './view-source';

type Query = Extract<ViewQuery, { view: 'session' }>;

/** The ids a detail view links to: the parent, where it was backgrounded from, its children, in that order. */
function linkedIds(session: Session): string[] {
  if (session.kind !== 'background_task') return [];
  const { parentId, backgroundedFrom, childIds } = session.task;
  const ids = [parentId, backgroundedFrom?.id, ...childIds].filter((id): id is string => typeof id === 'string' && id !== session.id);
  return [...new Set(ids)];
}

/** One session and the linked sessions the cache holds, all looked up in one statement. */
export function sessionDetail(source: ViewSource, q: Query): SessionResult {
  const session = source.cache.getSession(q.id);
  if (!session) return { view: 'session', session: null, related: [] };
  const ids = linkedIds(session);
  const found = new Map(source.cache.sessionsByIds(ids).map((s) => [s.id, s]));
  return { view: 'session', session, related: ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : [])) };
}
