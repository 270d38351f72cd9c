import { useEffect, useId, useRef } from 'react';
import '../styles/rows.css';

export interface RejectDialogProps {
  title: string;
  prompt: string;
  comment: string;
  /** Why the rejection cannot be sent right now (the connection dropped while the dialog was open). */
  blockedReason?: string | null;
  onComment: (comment: string) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a rejection, which the run cannot undo, and takes an optional comment for the log. */
export function RejectDialog({ title, prompt, comment, blockedReason, onComment, onConfirm, onCancel }: RejectDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const commentId = useId();

  useEffect(() => {
    // Modal so the rest of the window is inert; StrictMode runs this twice, hence the check.
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      className="reject-dialog"
      aria-labelledby={headingId}
      onCancel={(e) => {
        // The dialog closes when this component unmounts, not behind React's back.
        e.preventDefault();
        onCancel();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!blockedReason) onConfirm();
        }}
      >
        <h2 id={headingId} className="reject-title">
          Reject checkpoint?
        </h2>
        <p className="reject-session">{title}</p>
        <blockquote className="reject-prompt">{prompt}</blockquote>
        <label htmlFor={commentId} className="reject-label">
          Comment <span className="muted">(optional)</span>
        </label>
        <textarea id={commentId} rows={3} value={comment} autoFocus onChange={(e) => onComment(e.target.value)} />
        {blockedReason && <p className="decision-note decision-blocked">{blockedReason}</p>}
        <div className="reject-actions">
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="btn btn-danger" aria-disabled={Boolean(blockedReason)}>
            Reject checkpoint
          </button>
        </div>
      </form>
    </dialog>
  );
}
