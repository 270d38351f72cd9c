import { useEffect, useId, useRef, useState } from 'react';
import type { Checkpoint, Session } from '../../../shared/protocol';
import { useApi } from '../api/api-context';
import { useRowConnection } from '../state/useProfileOf';
import { decisionBlockedReason, DOING, FAILED, SENT, type Decision } from './decisionWords';
import { RejectDialog } from './RejectDialog';
import '../styles/rows.css';

export interface DecisionControlsProps {
  session: Session;
  /** The roving tabindex of the row these sit in (useListKeyboard); unset elsewhere. */
  tabIndex?: 0 | -1;
  /** On the line of a fixed-height row: buttons and what they say side by side, words cut to fit (whole in a tooltip). */
  inline?: boolean;
}

type Outcome = { kind: 'sent'; action: Decision } | { kind: 'error'; text: string } | null;

/**
 * Approve and Reject for a pending checkpoint. Nothing here changes the session: the row moves
 * only when the core answers its list's query again, so what the person sees is always what the server holds.
 */
export function DecisionControls({ session, tabIndex, inline = false }: DecisionControlsProps) {
  if (!session.checkpoint) return null;
  // Keyed by checkpoint: a new checkpoint starts with no stale "sent" or error from the last one.
  return <Controls key={session.checkpoint.id} session={session} checkpoint={session.checkpoint} tabIndex={tabIndex} inline={inline} />;
}

function Controls({ session, checkpoint, tabIndex, inline }: { session: Session; checkpoint: Checkpoint; tabIndex: 0 | -1 | undefined; inline: boolean }) {
  const api = useApi();
  // The row's own profile's connection: another profile signed out does not block this decision.
  const phase = useRowConnection(session.id).phase;
  const blocked = decisionBlockedReason(phase);
  const [busy, setBusy] = useState<Decision | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [rejecting, setRejecting] = useState(false);
  const [comment, setComment] = useState('');
  const inFlight = useRef(false);
  const rejectButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const reasonId = useId();
  const disabled = blocked !== null || busy !== null;

  useEffect(() => {
    // Focus can only return once the modal dialog is gone; until then the row is inert.
    if (!rejecting && returnFocus.current) {
      returnFocus.current = false;
      rejectButton.current?.focus();
    }
  }, [rejecting]);

  const send = async (action: Decision, note?: string) => {
    if (inFlight.current || blocked) return;
    inFlight.current = true;
    setBusy(action);
    setOutcome(null);
    try {
      const reply = await api.call('command', { action, sessionId: session.id, checkpointId: checkpoint.id, ...(note ? { comment: note } : {}) });
      setOutcome(reply.ok ? { kind: 'sent', action } : { kind: 'error', text: `${FAILED[action]}: ${reply.message}` });
      if (reply.ok) setComment('');
    } catch (error) {
      setOutcome({ kind: 'error', text: `${FAILED[action]}: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  };

  const closeDialog = () => {
    returnFocus.current = true;
    setRejecting(false);
  };

  // aria-disabled rather than disabled: the buttons stay focusable, so focus is not lost mid-call
  // and a keyboard user can still reach the reason they are unavailable.
  const common = { type: 'button' as const, tabIndex, 'aria-disabled': disabled, 'aria-describedby': blocked ? reasonId : undefined };

  return (
    <div className={inline ? 'decision decision-inline' : 'decision'} role="group" aria-label={`Decision on ${session.title}`}>
      <div className="decision-buttons">
        <button {...common} className="btn btn-primary" data-decision="approve" onClick={() => !disabled && void send('approve')}>
          {busy === 'approve' ? DOING.approve : 'Approve'}
          <span className="visually-hidden"> {session.title}</span>
        </button>
        <button {...common} ref={rejectButton} className="btn btn-danger-quiet" data-decision="reject" onClick={() => !disabled && setRejecting(true)}>
          {busy === 'reject' ? DOING.reject : 'Reject'}
          <span className="visually-hidden"> {session.title}</span>
        </button>
      </div>
      {blocked && (
        <p id={reasonId} className="decision-note decision-blocked" title={inline ? blocked : undefined}>
          {blocked}
        </p>
      )}
      {outcome?.kind === 'sent' && (
        <p role="status" className="decision-note" title={inline ? SENT[outcome.action] : undefined}>
          {SENT[outcome.action]}
        </p>
      )}
      {outcome?.kind === 'error' && (
        <p role="alert" className="decision-note decision-error" title={inline ? outcome.text : undefined}>
          {outcome.text}
        </p>
      )}
      {rejecting && (
        <RejectDialog
          title={session.title}
          prompt={checkpoint.prompt}
          comment={comment}
          blockedReason={blocked}
          onComment={setComment}
          onCancel={closeDialog}
          onConfirm={() => {
            closeDialog();
            void send('reject', comment.trim() || undefined);
          }}
        />
      )}
    </div>
  );
}
