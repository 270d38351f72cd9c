import type { ListRow, SessionFilters, ViewQuery, ViewResult } from '../../src/shared/api';
import { profileOf, scopeId } from '../../src/shared/api/scoped-id';
import type { Ref, Session } from '../../src/shared/protocol';
import { commandCenterView, compareByRecency, failuresSince, needsYou, orderSessions, rollUp } from '../../src/shared/sessions';

/**
 * The core's answers to live queries, from an in-memory list, by the same shared rules the core
 * uses (src/shared/sessions: isActive, the order, the 24-hour window, roll-ups), so a view test
 * that passes here means the view shows what the core would send. Written as plainly as possible:
 * the point is the rules, not the speed.
 */
export function answer(query: ViewQuery, sessions: readonly Session[], now: number, userOf: (sessionId: string) => string | null): ViewResult {
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const row = (s: Session): ListRow => ({
    session: s,
    rollUp: s.kind === 'background_task' && s.task.childIds.length > 0 ? rollUp(s, (id) => byId.get(id)) : null,
  });
  switch (query.view) {
    case 'commandCenter': {
      // The fake never saw the popover opened: failures of the past 24 hours need the person.
      const since = failuresSince(null, now);
      // The core asks each profile with its own user: a failure needs the person signed in to its profile.
      const checkpoints = needsYou({ waiting: sessions, failed: [], userId: null, since, now });
      const users = new Set(sessions.map((s) => userOf(s.id)));
      const failures = [...users]
        .flatMap((userId) => needsYou({ waiting: [], failed: sessions.filter((s) => userOf(s.id) === userId), userId, since, now }))
        .sort((a, b) => compareByRecency(a.session, b.session));
      const needs = [...checkpoints, ...failures];
      const listed = new Set(needs.map((n) => n.session.id));
      const { activeNow, recent } = commandCenterView(sessions.filter((s) => !listed.has(s.id)), now);
      return {
        view: 'commandCenter',
        needsYou: { rows: needs.slice(0, query.needsYouLimit).map((n) => ({ ...row(n.session), reason: n.reason })), total: needs.length },
        activeNow: { rows: activeNow.slice(0, query.activeLimit).map(row), total: activeNow.length },
        recent: { rows: recent.slice(0, query.recentLimit).map(row), total: recent.length },
      };
    }
    case 'sessions': {
      const { kind: _kind, ...withoutKind } = query.filters;
      const matching = orderSessions(sessions.filter((s) => matches(s, query.filters, userOf(s.id))), now);
      const tab = (kind: Session['kind'] | undefined) => sessions.filter((s) => matches(s, { ...withoutKind, ...(kind ? { kind } : {}) }, userOf(s.id))).length;
      return {
        view: 'sessions',
        offset: query.offset,
        rows: matching.slice(query.offset, query.offset + query.limit).map(row),
        total: matching.length,
        tabs: { all: tab(undefined), flow_run: tab('flow_run'), background_task: tab('background_task'), chat: tab('chat') },
        facets: { owners: refs(sessions, 'owner'), initiatives: refs(sessions, 'initiative'), plans: refs(sessions, 'plan') },
      };
    }
    case 'session': {
      const session = byId.get(query.id) ?? null;
      const links = session?.kind === 'background_task' ? [session.task.parentId, session.task.backgroundedFrom?.id, ...session.task.childIds] : [];
      const related = [...new Set(links)].flatMap((id) => (id ? (byId.get(id) ?? []) : []));
      return { view: 'session', session, related };
    }
  }
}

function matches(s: Session, f: SessionFilters, userId: string | null): boolean {
  const search = f.search?.toLocaleLowerCase();
  return (
    (f.profile === undefined || profileOf(s.id) === f.profile) &&
    (f.kind === undefined || s.kind === f.kind) &&
    // "Mine" while the user is unknown matches nothing, never everything.
    (!f.mine || (userId !== null && s.owner.id === userId)) &&
    (f.ownerId === undefined || facetId(s, s.owner) === f.ownerId) &&
    (f.initiativeId === undefined || facetId(s, s.initiative) === f.initiativeId) &&
    (f.planId === undefined || facetId(s, s.plan) === f.planId) &&
    (search === undefined || s.title.toLocaleLowerCase().includes(search))
  );
}

/** A menu's id for a session's owner, initiative or plan: scoped by its profile, as the core's hub scopes it. */
function facetId(s: Session, ref: Ref | null | undefined): string | undefined {
  if (!ref) return undefined;
  const profile = profileOf(s.id);
  return profile === null ? ref.id : scopeId(profile, ref.id);
}

/** Every distinct owner, initiative or plan, by name (ties by id). */
function refs(sessions: readonly Session[], field: 'owner' | 'initiative' | 'plan'): Ref[] {
  const byId = new Map<string, Ref>();
  for (const s of sessions) {
    const ref = s[field];
    const id = facetId(s, ref);
    if (ref && id && !byId.has(id)) byId.set(id, { ...ref, id });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
