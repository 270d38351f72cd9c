import type { TranscriptEntry } from '../../../../../shared/protocol';
import { statusWords } from '../../../../../shared/format';
import { EntryTime } from './EntryTime';
import { Redactable } from './Redacted';

type Of<K extends TranscriptEntry['kind']> = Extract<TranscriptEntry, { kind: K }>;

/** A flow step moving: "Step 3 · Open pull request · Running". */
export function StepEntry({ entry }: { entry: Of<'step'> }) {
  const { index, name, status } = entry.step;
  return (
    <div className="entry-event entry-step">
      <span className="entry-event-label">Step {index}</span>
      <span className="entry-event-text">{name}</span>
      <span className={`step-status step-${status}`}>{statusWords(status, false)}</span>
      <EntryTime at={entry.at} />
    </div>
  );
}

/** A checkpoint asked, or decided: who decided, how, and what they said. */
export function CheckpointEntry({ entry }: { entry: Of<'checkpoint'> }) {
  const { prompt, decision, decidedBy, comment } = entry.checkpoint;
  return (
    <div className={`entry-event entry-checkpoint ${decision ? `entry-checkpoint-${decision}` : ''}`}>
      <span className="entry-event-label">{decision ? 'Decision' : 'Checkpoint'}</span>
      <span className="entry-event-text">
        <Redactable text={prompt} />
        {decision ? (
          <>
            {' '}
            <strong>{decision === 'approved' ? 'Approved' : 'Rejected'}</strong>
            {decidedBy ? ` by ${decidedBy}` : ''}
            {comment ? (
              <>
                {': “'}
                <Redactable text={comment} />
                {'”'}
              </>
            ) : null}
          </>
        ) : (
          <span className="muted"> — waiting for a decision</span>
        )}
      </span>
      <EntryTime at={entry.at} />
    </div>
  );
}

/** "Running → Paused (waiting for approval)". */
export function StatusEntry({ entry }: { entry: Of<'status'> }) {
  const { from, to, reason } = entry.status;
  return (
    <div className="entry-event entry-status">
      <span className="entry-event-label">Status</span>
      <span className="entry-event-text">
        {statusWords(from, false)} <span aria-hidden="true">→</span>
        <span className="visually-hidden">to</span> {statusWords(to, false)}
        {reason ? (
          <span className="muted">
            {' ('}
            <Redactable text={reason} />
            {')'}
          </span>
        ) : null}
      </span>
      <EntryTime at={entry.at} />
    </div>
  );
}
