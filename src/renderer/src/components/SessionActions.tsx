import { useId, useRef } from 'react';
import type { Session } from '../../../shared/protocol';
import { ACTION_DOING, actionLabel, applicableActions, cancelConfirmation } from '../../../shared/sessions';
import { useRowConnection } from '../state/useProfileOf';
import { actionBlockedReason } from './actionWords';
import { ConfirmDialog } from './ConfirmDialog';
import { useSessionActions, type ActionNote, type SessionActions as Actions } from './useSessionActions';
import '../styles/rows.css';
import '../styles/actions.css';

/**
 * Resume, cancel and end as buttons, for the detail view: those that apply to the session as the
 * core last answered, each reply in words beside them. Nothing shows for a session with none.
 */
export function SessionActions({ session }: { session: Session }) {
  const actions = useSessionActions(session);
  const phase = useRowConnection(session.id).phase;
  const blocked = actionBlockedReason(phase);
  const reasonId = useId();
  const cancelButton = useRef<HTMLButtonElement>(null);
  const applicable = applicableActions(session);
  if (applicable.length === 0 && !actions.note && !actions.confirming) return null;
  const disabled = blocked !== null || actions.busy !== null;

  return (
    <div className="session-actions" role="group" aria-label={`Actions on ${session.title}`}>
      {applicable.length > 0 && (
        <div className="session-actions-buttons">
          {applicable.map((action) => (
            <button
              key={action}
              ref={action === 'cancel' ? cancelButton : undefined}
              type="button"
              className={action === 'resume' ? 'btn' : 'btn btn-danger-quiet'}
              data-session-action={action}
              // aria-disabled, not disabled: focus stays put mid-call and the reason can be reached.
              aria-disabled={disabled}
              aria-describedby={blocked ? reasonId : undefined}
              onClick={() => !disabled && actions.request(action, cancelButton.current)}
            >
              {actions.busy === action ? ACTION_DOING[action] : actionLabel(action, session.kind)}
            </button>
          ))}
        </div>
      )}
      {blocked && applicable.length > 0 && (
        <p id={reasonId} className="decision-note decision-blocked">
          {blocked}
        </p>
      )}
      {actions.note && <ActionNoteLine note={actions.note} className="decision-note" />}
      {actions.confirming && <CancelConfirm session={session} actions={actions} />}
    </div>
  );
}

/** A reply in words: a status goes by itself, a refusal is an alert and stays. `clamp`: one line, whole in a tooltip. */
export function ActionNoteLine({ note, className, clamp = false }: { note: ActionNote; className: string; clamp?: boolean }) {
  return (
    <p role={note.tone === 'alert' ? 'alert' : 'status'} className={`${className} action-note action-note-${note.tone}`} title={clamp ? note.text : undefined}>
      {clamp ? <span className="row-note-text">{note.text}</span> : note.text}
    </p>
  );
}

/** The question before a cancel, with the connection's state said inside it. */
export function CancelConfirm({ session, actions }: { session: Session; actions: Actions }) {
  const phase = useRowConnection(session.id).phase;
  const words = cancelConfirmation(session);
  return (
    <ConfirmDialog
      heading={words.heading}
      body={words.body}
      confirmLabel={words.confirm}
      keepLabel={words.keep}
      blockedReason={actionBlockedReason(phase)}
      onConfirm={actions.confirmCancel}
      onCancel={actions.dismissCancel}
    />
  );
}
