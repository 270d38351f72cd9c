import { scopeId } from '../../../shared/api/scoped-id';
import type { ListRow, NeedsYouRow, UnreadableSessions, ViewResult } from '../../../shared/api';
import type { Ref, Session } from '../../../shared/protocol';

/**
 * A profile's answers as the windows see them: every id that names a session (or a flow, which
 * "Mute this flow" keys by) carries the profile, so two tenants' `ft_1` stay two rows, two routes
 * and two mutes; the filter menus' owners, initiatives and plans likewise. Inside a session its
 * owner, initiative, plan and checkpoint stay as the backend sent them: they are read there, never
 * looked up across tenants.
 */
export function scopeSession(profile: string, session: Session): Session {
  const id = scopeId(profile, session.id);
  switch (session.kind) {
    case 'flow_run':
      return { ...session, id, flow: { ...session.flow, ...(session.flow.flowId === undefined ? {} : { flowId: scopeId(profile, session.flow.flowId) }) } };
    case 'background_task': {
      const { task } = session;
      return {
        ...session,
        id,
        task: {
          ...task,
          parentId: task.parentId === null ? null : scopeId(profile, task.parentId),
          childIds: task.childIds.map((child) => scopeId(profile, child)),
          ...(task.backgroundedFrom ? { backgroundedFrom: { ...task.backgroundedFrom, id: scopeId(profile, task.backgroundedFrom.id) } } : {}),
        },
      };
    }
    case 'chat':
      return { ...session, id };
  }
}

const scopeRow = <R extends ListRow | NeedsYouRow>(profile: string, row: R): R => ({ ...row, session: scopeSession(profile, row.session) });

export function scopeResult(profile: string, result: ViewResult): ViewResult {
  switch (result.view) {
    case 'commandCenter':
      return {
        ...result,
        needsYou: { ...result.needsYou, rows: result.needsYou.rows.map((r) => scopeRow(profile, r)) },
        activeNow: { ...result.activeNow, rows: result.activeNow.rows.map((r) => scopeRow(profile, r)) },
        recent: { ...result.recent, rows: result.recent.rows.map((r) => scopeRow(profile, r)) },
      };
    case 'sessions': {
      // The menus' ids are scoped too: two tenants' `u_1` are two people, and the filter picks one.
      const refs = (list: Ref[]) => list.map((r) => ({ ...r, id: scopeId(profile, r.id) }));
      const { owners, initiatives, plans } = result.facets;
      return { ...result, rows: result.rows.map((r) => scopeRow(profile, r)), facets: { owners: refs(owners), initiatives: refs(initiatives), plans: refs(plans) } };
    }
    case 'session':
      return { ...result, session: result.session && scopeSession(profile, result.session), related: result.related.map((s) => scopeSession(profile, s)) };
  }
}

export function scopeUnreadable(profile: string, unreadable: UnreadableSessions): UnreadableSessions {
  return { count: unreadable.count, ids: unreadable.ids.map((id) => scopeId(profile, id)) };
}
