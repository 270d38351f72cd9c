import { useMemo } from 'react';
import type { FlowRunSession, TranscriptEntry } from '../../../../shared/protocol';
import { EntryTime } from './entries/EntryTime';
import { Redactable } from './entries/Redacted';
import { pastDecisions, timelineSteps } from './timeline';

/** The flow run's timeline: every step and its state, the checkpoint waiting now, and past decisions. */
export function FlowTimeline({ session, entries }: { session: FlowRunSession; entries: readonly TranscriptEntry[] }) {
  const steps = useMemo(() => timelineSteps(session, entries), [session, entries]);
  const decisions = useMemo(() => pastDecisions(entries), [entries]);
  const pending = session.checkpoint;

  return (
    <section className="detail-section" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">
        Run timeline <span className="muted">· {session.flow.flowName}</span>
      </h2>
      {steps.length === 0 ? (
        <p className="muted">This flow has no steps yet.</p>
      ) : (
        <ol className="timeline" aria-label="Steps">
          {steps.map((step) => (
            <li key={step.index} className={`timeline-step timeline-${step.state}`} aria-current={step.current ? 'step' : undefined}>
              <span className="timeline-marker" aria-hidden="true" />
              <span className="timeline-index">Step {step.index}</span>
              <span className="timeline-name">{step.name ?? <span className="muted">Name not known yet</span>}</span>
              <span className="timeline-state">{step.label}</span>
              {pending && step.current && step.state === 'paused' && (
                <p className="timeline-prompt">
                  <Redactable text={pending.prompt} />
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {decisions.length > 0 && (
        <>
          <h3>Decisions</h3>
          <ul className="detail-decisions">
            {decisions.map((d) => (
              <li key={d.seq} className={`detail-decision detail-decision-${d.checkpoint.decision}`}>
                <strong>{d.checkpoint.decision === 'approved' ? 'Approved' : 'Rejected'}</strong>
                {d.checkpoint.decidedBy ? ` by ${d.checkpoint.decidedBy}` : ''} · <EntryTime at={d.at} />
                <p className="detail-decision-prompt">
                  <Redactable text={d.checkpoint.prompt} />
                </p>
                {d.checkpoint.comment && (
                  <p className="detail-decision-comment">
                    “<Redactable text={d.checkpoint.comment} />”
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
