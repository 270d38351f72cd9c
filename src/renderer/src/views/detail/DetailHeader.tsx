import { useState } from 'react';
import type { Session } from '../../../../shared/protocol';
import { progressLabel } from '../../../../shared/sessions';
import { useApi } from '../../api/api-context';
import { DecisionControls } from '../../components/DecisionControls';
import { KindIcon, kindLabel } from '../../components/KindIcon';
import { ProfileChip } from '../../components/ProfileChip';
import { RelativeTime } from '../../components/RelativeTime';
import { SessionActions } from '../../components/SessionActions';
import { StatusChip } from '../../components/StatusChip';
import { useProfileLabel } from '../../state/useProfileOf';
import { Redactable } from './entries/Redacted';

/** Who, what state, how far, when; what can be done to it; the error and any decision waiting; the way back and out. */
export function DetailHeader({ session, now, onBack }: { session: Session; now: number; onBack: () => void }) {
  const api = useApi();
  const [linkError, setLinkError] = useState<string | null>(null);
  const { checkpoint, error } = session;
  const profile = useProfileLabel(session.id);

  // webUrl is optional (PROTOCOL.md section 4): without one there is no way out to show.
  const openExternal = (url: string) => {
    setLinkError(null);
    api.call('openExternal', { url }).catch((e: unknown) => {
      setLinkError(`Couldn't open Disco Parrot: ${e instanceof Error ? e.message : String(e)}`);
    });
  };

  return (
    <header className="detail-header">
      <div className="detail-toolbar">
        <button type="button" className="detail-back" onClick={onBack}>
          <span aria-hidden="true">← </span>Back
        </button>
        {session.webUrl && (
          <button type="button" className="detail-external" onClick={() => openExternal(session.webUrl!)}>
            Open in Disco Parrot<span aria-hidden="true"> ↗</span>
          </button>
        )}
      </div>
      <h1 className="detail-title">
        <KindIcon kind={session.kind} /> <span>{session.title}</span>
      </h1>
      <p className="detail-summary">
        <StatusChip session={session} />
        {/* Wrapped: the summary's separator goes before the span, outside the chip's own background. */}
        {profile && (
          <span>
            <ProfileChip profile={profile} />
          </span>
        )}
        <span>{kindLabel(session.kind)}</span>
        <span>{progressLabel(session)}</span>
        <span>{session.owner.name}</span>
        <span>
          Started <RelativeTime at={session.createdAt} now={now} />
        </span>
        <span>
          Last moved <RelativeTime at={session.updatedAt} now={now} />
        </span>
      </p>
      <SessionActions session={session} />
      {linkError && (
        <p role="alert" className="detail-error">
          {linkError}
        </p>
      )}
      {error && (
        <div className="detail-error">
          <strong>
            <span aria-hidden="true">✕ </span>Error
          </strong>{' '}
          <Redactable text={error.message} /> <code className="muted">{error.code}</code>
        </div>
      )}
      {checkpoint && (
        <div className="detail-checkpoint" role="group" aria-labelledby="checkpoint-heading">
          <h2 id="checkpoint-heading">Waiting for your decision{checkpoint.step ? `: ${checkpoint.step}` : ''}</h2>
          <p className="detail-checkpoint-prompt">
            <Redactable text={checkpoint.prompt} />
          </p>
          <p className="muted">
            Asked <RelativeTime at={checkpoint.requestedAt} now={now} />
          </p>
          <DecisionControls session={session} />
        </div>
      )}
    </header>
  );
}
