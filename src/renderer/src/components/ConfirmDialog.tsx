import { useId } from 'react';
import { ModalDialog } from './ModalDialog';
import '../styles/actions.css';

export interface ConfirmDialogProps {
  heading: string;
  body: string;
  confirmLabel: string;
  keepLabel: string;
  /** Why it cannot be sent right now (the connection dropped while the dialog was open). */
  blockedReason?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before something no one can undo (a cancel). Modal, like the rejection dialog; the safe
 * answer has focus, so a stray Enter keeps the session running.
 */
export function ConfirmDialog({ heading, body, confirmLabel, keepLabel, blockedReason, onConfirm, onCancel }: ConfirmDialogProps) {
  const headingId = useId();
  const bodyId = useId();
  return (
    <ModalDialog className="confirm-dialog" labelledBy={headingId} describedBy={bodyId} onCancel={onCancel}>
      <h2 id={headingId} className="confirm-title">
        {heading}
      </h2>
      <p id={bodyId} className="confirm-body">
        {body}
      </p>
      {blockedReason && <p className="decision-note decision-blocked">{blockedReason}</p>}
      <div className="confirm-actions">
        <button type="button" className="btn" autoFocus onClick={onCancel}>
          {keepLabel}
        </button>
        <button type="button" className="btn btn-danger" aria-disabled={Boolean(blockedReason)} onClick={() => !blockedReason && onConfirm()}>
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
