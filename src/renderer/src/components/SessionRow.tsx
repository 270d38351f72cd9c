import { memo, useState } from 'react';
import type { RollUpView } from '../../../shared/api';
import type { Session } from '../../../shared/protocol';
import { categoryOf, progressLabel } from '../../../shared/sessions';
import { useApi } from '../api/api-context';
import { DecisionControls } from './DecisionControls';
import { KindIcon } from './KindIcon';
import { openDetail } from './openDetail';
import { ProfileChip } from './ProfileChip';
import { RelativeTime } from './RelativeTime';
import { RowMenu } from './RowMenu';
import { ActionNoteLine, CancelConfirm } from './SessionActions';
import { SessionRowNotes } from './SessionRowNotes';
import { StatusChip } from './StatusChip';
import { useSessionActions } from './useSessionActions';
import { useProfileLabel } from '../state/useProfileOf';
import '../styles/rows.css';

export interface SessionRowProps {
  session: Session;
  /** Its children's tally, when it is a fan-out parent (the core counts them: ListRow.rollUp). */
  rollUp?: RollUpView | null;
  /** The skew-corrected clock (useNow): relative times and "stalled" tick with it. */
  now: number;
  /** Tighter spacing and an icon-only link, for the popover. */
  compact?: boolean;
  /** Replaces the default, which opens the detail view and comes back to the current list. */
  onOpen?: (session: Session) => void;
  /** The roving tabindex from useListKeyboard; every button in the row follows it. */
  tabIndex?: 0 | -1;
  /** Leaves out Approve/Reject where the surrounding view shows its own. */
  hideDecisions?: boolean;
  /**
   * A fixed height (ROW_HEIGHT_PX in the Sessions list, which then never measures a row): the
   * notes and Approve/Reject share one line, cut with an ellipsis; the detail view shows them whole.
   */
  fixed?: boolean;
}

/**
 * One session as every list shows it. The caller wraps it in an <li>; the row carries
 * `data-row-id` and its main button `data-row-primary`, which is how useListKeyboard finds them.
 * Memoized: a new answer or a scrolled frame renders the rows whose session (or clock) changed, not
 * every row on screen; lists pass stable callbacks for that reason. Its "More actions" menu
 * renders its items only when opened; what an action answers is said on the row.
 */
export const SessionRow = memo(function SessionRow({ session, rollUp = null, now, compact = false, onOpen, tabIndex, hideDecisions = false, fixed = false }: SessionRowProps) {
  const api = useApi();
  const [linkError, setLinkError] = useState<string | null>(null);
  const actions = useSessionActions(session);
  const category = categoryOf(session);
  const profile = useProfileLabel(session.id);

  // webUrl is optional (PROTOCOL.md section 4): without one there is no way out to show.
  const openExternal = (url: string) => {
    setLinkError(null);
    api.call('openExternal', { url }).catch((error: unknown) => {
      setLinkError(`Couldn't open Disco Parrot: ${error instanceof Error ? error.message : String(error)}`);
    });
  };

  return (
    <div className={`row row-${category}${compact ? ' row-compact' : ''}${fixed ? ' row-fixed' : ''}`} data-row-id={session.id} data-category={category}>
      <div className="row-head">
        <KindIcon kind={session.kind} />
        <button
          type="button"
          className="row-title"
          data-row-primary=""
          tabIndex={tabIndex}
          title={session.title}
          onClick={() => (onOpen ? onOpen(session) : openDetail(session.id))}
        >
          <span className="visually-hidden">Open </span>
          {session.title}
        </button>
        <StatusChip session={session} />
        <RowMenu session={session} actions={actions} tabIndex={tabIndex} />
      </div>
      {/* The profile rides in the meta line, which every row has, so no row grows taller for it. */}
      <div className={profile ? 'row-meta row-meta-profiled' : 'row-meta'}>
        {profile && <ProfileChip profile={profile} />}
        <span className="row-progress">{progressLabel(session)}</span>
        <span className="row-owner">{session.owner.name}</span>
        <span className="row-moved">
          <span className="visually-hidden">last moved </span>
          <RelativeTime at={session.updatedAt} now={now} />
        </span>
        {session.webUrl && (
          <button type="button" className="row-external" tabIndex={tabIndex} title="Open in Disco Parrot" onClick={() => openExternal(session.webUrl!)}>
            <span className={compact ? 'visually-hidden' : undefined}>Open in Disco Parrot</span>
            <span aria-hidden="true"> ↗</span>
          </button>
        )}
      </div>
      {fixed ? (
        <div className="row-foot">
          {linkError ? (
            <p role="alert" className="row-note row-error" title={linkError}>
              <span className="row-note-text">{linkError}</span>
            </p>
          ) : actions.note ? (
            // One line for everything: the reply stands in for the notes until it goes.
            <ActionNoteLine note={actions.note} className="row-note" clamp />
          ) : (
            <SessionRowNotes session={session} rollUp={rollUp} now={now} clamped tabIndex={tabIndex} />
          )}
          {!hideDecisions && <DecisionControls session={session} tabIndex={tabIndex} inline />}
        </div>
      ) : (
        <>
          <SessionRowNotes session={session} rollUp={rollUp} now={now} tabIndex={tabIndex} />
          {!hideDecisions && <DecisionControls session={session} tabIndex={tabIndex} />}
          {actions.note && <ActionNoteLine note={actions.note} className="row-note row-action-note" />}
          {linkError && (
            <p role="alert" className="row-note row-error">
              {linkError}
            </p>
          )}
        </>
      )}
      {actions.confirming && <CancelConfirm session={session} actions={actions} />}
    </div>
  );
});
