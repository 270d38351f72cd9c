import type { WaitingChild } from '../../../../shared/sessions/fan-out';
import { RejectForm } from '../../components/RejectDialog';
import '../../styles/fan-out.css';

export interface FanOutRejectDialogProps {
  /** "Reject 3 subtasks?" */
  heading: string;
  /** The children to be rejected: each title with the question it asked. */
  rejecting: readonly WaitingChild[];
  /** What the confirm button says: "Reject 3", "Approve 2, reject 1". */
  confirmLabel: string;
  comment: string;
  /** Why nothing can be sent right now (the connection dropped while the dialog was open). */
  blockedReason: string | null;
  onComment: (comment: string) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before rejecting several subtasks at once, which their runs cannot undo, and takes one
 * optional comment for all of them: the rejection form, for a list of checkpoints.
 */
export function FanOutRejectDialog({ heading, rejecting, confirmLabel, ...form }: FanOutRejectDialogProps) {
  return (
    <RejectForm className="fanout-dialog" heading={heading} confirmLabel={confirmLabel} commentHint="(optional, sent with each rejection)" {...form}>
      <ul className="fanout-dialog-list" aria-label="Subtasks to reject">
        {rejecting.map(({ session, checkpoint }) => (
          <li key={checkpoint.id}>
            <span className="fanout-dialog-title">{session.title}</span>
            <blockquote className="reject-prompt">{checkpoint.prompt}</blockquote>
          </li>
        ))}
      </ul>
    </RejectForm>
  );
}
