import { useId, type ReactNode } from 'react';
import { ModalDialog } from './ModalDialog';
import '../styles/rows.css';

export interface RejectFormProps {
  /** What is being rejected, shown between the heading and the comment. */
  children: ReactNode;
  heading: string;
  confirmLabel: string;
  /** Words after "Comment", in grey. */
  commentHint?: string;
  comment: string;
  /** Why the rejection cannot be sent right now (the connection dropped while the dialog was open). */
  blockedReason?: string | null;
  onComment: (comment: string) => void;
  onConfirm: () => void;
  onCancel: () => void;
  className?: string;
}

/** A modal that asks before a rejection, which a run cannot undo, with an optional comment for the log. */
export function RejectForm({ children, heading, confirmLabel, commentHint = '(optional)', comment, blockedReason, onComment, onConfirm, onCancel, className = '' }: RejectFormProps) {
  const headingId = useId();
  const commentId = useId();
  return (
    <ModalDialog className={`reject-dialog ${className}`.trim()} labelledBy={headingId} onCancel={onCancel}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!blockedReason) onConfirm();
        }}
      >
        <h2 id={headingId} className="reject-title">
          {heading}
        </h2>
        {children}
        <label htmlFor={commentId} className="reject-label">
          Comment <span className="muted">{commentHint}</span>
        </label>
        <textarea id={commentId} rows={3} value={comment} autoFocus onChange={(e) => onComment(e.target.value)} />
        {blockedReason && <p className="decision-note decision-blocked">{blockedReason}</p>}
        <div className="reject-actions">
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="btn btn-danger" aria-disabled={Boolean(blockedReason)}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

export interface RejectDialogProps {
  title: string;
  prompt: string;
  comment: string;
  blockedReason?: string | null;
  onComment: (comment: string) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

/** One checkpoint: its session's title and the question it asked. */
export function RejectDialog({ title, prompt, ...form }: RejectDialogProps) {
  return (
    <RejectForm heading="Reject checkpoint?" confirmLabel="Reject checkpoint" {...form}>
      <p className="reject-session">{title}</p>
      <blockquote className="reject-prompt">{prompt}</blockquote>
    </RejectForm>
  );
}
