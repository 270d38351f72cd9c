import { duration } from '../../../shared/format';
import type { RollUpView } from '../../../shared/api';
import type { Session } from '../../../shared/protocol';
import { isStalled, rollUpLabel } from '../../../shared/sessions';

/** What a row says beyond its one-line summary: the error, the waiting decision, the children. */
export function SessionRowNotes({ session, rollUp, now }: { session: Session; rollUp: RollUpView | null; now: number }) {
  // The core counts the children (ListRow.rollUp): the window holds only its own rows.
  const children = rollUp && rollUp.total > 0 ? rollUpLabel(rollUp) : null;
  const stalled = isStalled(session, now);
  const { checkpoint, error } = session;
  if (!error && !checkpoint && !children && !stalled) return null;
  return (
    <div className="row-notes">
      {error && (
        <p className="row-note row-error">
          <span className="row-glyph" aria-hidden="true">
            ✕
          </span>
          <span className="visually-hidden">Error: </span>
          {error.message}
        </p>
      )}
      {checkpoint && (
        <p className="row-note row-checkpoint">
          <span className="row-glyph" aria-hidden="true">
            ?
          </span>
          <span className="checkpoint-prompt">
            {checkpoint.step ? <span className="checkpoint-step">{checkpoint.step}: </span> : null}
            {checkpoint.prompt}
          </span>
          <span className="checkpoint-wait">waiting {duration(now - Date.parse(checkpoint.requestedAt))}</span>
        </p>
      )}
      {stalled && (
        <p className="row-note row-stalled">
          <span className="row-glyph" aria-hidden="true">
            ⚠
          </span>
          Possibly stalled <span className="muted">— no movement for {duration(now - Date.parse(session.updatedAt))}</span>
        </p>
      )}
      {children && (
        <p className="row-note row-rollup">
          <span className="row-glyph" aria-hidden="true">
            ≡
          </span>
          <span className="muted">Subtasks:</span> {children}
        </p>
      )}
    </div>
  );
}
