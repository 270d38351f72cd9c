import { splitScopedId } from '../../../shared/api/scoped-id';
import { REMIND_LATER_LABEL } from '../../../shared/notify-settings';
import type { Session } from '../../../shared/protocol';
import { actionLabel, applicableActions, type SessionAction } from '../../../shared/sessions';


export type RowMenuItemId = SessionAction | 'remind' | 'mute';

export interface RowMenuItem {
  id: RowMenuItemId;
  label: string;
  /** Said after the label in smaller type, and part of its name ("Mute this flow Dependency upgrade"). */
  detail?: string;
  /** For aria-keyshortcuts, in its syntax ("Shift+R"). */
  shortcut?: string;
  /** Shown beside the item; hidden from screen readers, which read aria-keyshortcuts. */
  keys?: string;
  /** Sends a command, so it needs a live connection; the others are this computer's own. */
  command: boolean;
}

/** The row shortcuts of useListKeyboard, by action. */
export const ACTION_KEYS: Record<SessionAction, { shortcut: string; keys: string }> = {
  resume: { shortcut: 'Shift+R', keys: '⇧R' },
  cancel: { shortcut: 'Shift+C', keys: '⇧C' },
  end: { shortcut: 'Shift+E', keys: '⇧E' },
};

/**
 * What a row's "More actions" menu lists: the protocol's actions that apply to the session now,
 * then a reminder (only while a checkpoint waits) and muting its flow (flow runs with a flow id).
 * Empty: the row shows no menu button at all.
 */
export function rowMenuItems(session: Session): RowMenuItem[] {
  const items: RowMenuItem[] = applicableActions(session).map((action) => ({ id: action, label: actionLabel(action, session.kind), ...ACTION_KEYS[action], command: true }));
  if (session.checkpoint) items.push({ id: 'remind', label: REMIND_LATER_LABEL, command: false });
  if (session.kind === 'flow_run' && session.flow.flowId) {
    // The flow's own id, not the profile-scoped one the app keys it by.
    const flowId = splitScopedId(session.flow.flowId)?.id ?? session.flow.flowId;
    items.push({ id: 'mute', label: 'Mute this flow', detail: session.flow.flowName ?? flowId, command: false });
  }
  return items;
}

/** How useListKeyboard asks a row's menu button to act: an event on the button, so a key does exactly what the menu does. */
export const ROW_ACTION_EVENT = 'parrot:row-action';
export type RowActionRequest = SessionAction | 'menu';

/**
 * Asks the row's menu to open, or to run one of its actions (cancel asks first, as from the
 * menu). False when the row has no menu, or the action does not apply to its session: the key
 * is then left alone.
 */
export function requestRowAction(row: HTMLElement, request: RowActionRequest): boolean {
  const button = row.querySelector<HTMLElement>('[data-row-menu]');
  if (!button) return false;
  if (request !== 'menu' && !(button.dataset.actions ?? '').split(' ').includes(request)) return false;
  button.dispatchEvent(new CustomEvent<RowActionRequest>(ROW_ACTION_EVENT, { detail: request }));
  return true;
}
