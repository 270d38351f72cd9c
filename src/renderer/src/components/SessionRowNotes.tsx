import { duration } from '../../../shared/format';
import type { RollUpView } from '../../../shared/api';
import type { Session } from '../../../shared/protocol';
import { isStalled, rollUpLabel, waitingLabel } from '../../../shared/sessions';
import { openFanOut } from './openFanOut';
import '../styles/fan-out.css';

export interface SessionRowNotesProps {
  session: Session;
  rollUp: RollUpView | null;
  now: number;
  clamped?: boolean;
  /** The row's roving tabindex (useListKeyboard), for the "N subtasks waiting" button; unset elsewhere. */
  tabIndex?: 0 | -1;
}

/**
 * What a row says beyond its one-line summary: the error, the waiting decision, the children.
 * `clamped` (the Sessions list's fixed-height rows) sets them on one line, each cut with an
 * ellipsis (rows.css) and carrying its whole text as a tooltip; the detail view says it all.
 */
export function SessionRowNotes({ session, rollUp, now, clamped = false, tabIndex }: SessionRowNotesProps) {
  // The core counts the children (ListRow.rollUp): the window holds only its own rows.
  const children = rollUp && rollUp.total > 0 ? rollUpLabel(rollUp) : null;
  // Children asking for a decision are said first and apart: the way in to decide them together.
  const waiting = rollUp?.waiting ? waitingLabel(rollUp) : null;
  const stalled = isStalled(session, now);
  const { checkpoint, error } = session;
  if (!error && !checkpoint && !children && !waiting && !stalled) return null;
  const tip = (text: string) => (clamped ? text : undefined);
  const quiet = stalled ? duration(now - Date.parse(session.updatedAt)) : '';
  return (
    <div className={clamped ? 'row-notes row-notes-clamped' : 'row-notes'}>
      {error && (
        <p className="row-note row-error" title={tip(error.message)}>
          <span className="row-glyph" aria-hidden="true">
            ✕
          </span>
          <span className="row-note-text">
            <span className="visually-hidden">Error: </span>
            {error.message}
          </span>
        </p>
      )}
      {checkpoint && (
        <p className="row-note row-checkpoint" title={tip(checkpoint.step ? `${checkpoint.step}: ${checkpoint.prompt}` : checkpoint.prompt)}>
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
      {waiting && (
        <p className="row-note row-fanout" title={tip(`${waiting}: review them together`)}>
          <span className="row-glyph" aria-hidden="true">
            ?
          </span>
          <button type="button" className="row-fanout-link" tabIndex={tabIndex} onClick={() => openFanOut(session.id)}>
            {waiting}
            <span className="visually-hidden">: review them, in {session.title}</span>
          </button>
        </p>
      )}
      {stalled && (
        <p className="row-note row-stalled" title={tip(`Possibly stalled — no movement for ${quiet}`)}>
          <span className="row-glyph" aria-hidden="true">
            ⚠
          </span>
          <span className="row-note-text">
            Possibly stalled <span className="muted">— no movement for {quiet}</span>
          </span>
        </p>
      )}
      {children && (
        <p className="row-note row-rollup" title={tip(`Subtasks: ${children}`)}>
          <span className="row-glyph" aria-hidden="true">
            ≡
          </span>
          <span className="row-note-text">
            <span className="muted">Subtasks:</span> {children}
          </span>
        </p>
      )}
    </div>
  );
}
