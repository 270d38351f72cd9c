import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { duration } from '../../../../shared/format';
import type { Session, TaskSession } from '../../../../shared/protocol';
import { outcomeLine, summarizeFanOut, waitingChildren, type FanOutDecision, type WaitingChild } from '../../../../shared/sessions/fan-out';
import { decisionBlockedReason } from '../../components/decisionWords';
import { useRowConnection } from '../../state/useProfileOf';
import { FanOutRejectDialog } from './FanOutRejectDialog';
import { SessionLink } from './SessionLink';
import { useFanOutSend, type FanOutResult } from './useFanOutSend';
import '../../styles/rows.css';
import '../../styles/fan-out.css';

export interface FanOutApprovalsProps {
  parent: TaskSession;
  /** The parent's linked sessions from the detail view's live `session` query: its children among them. */
  related: readonly Session[];
  now: number;
  /** Opened from a row's "N subtasks waiting": brought into view with focus on its heading. */
  focusOnMount?: boolean;
}

/**
 * A fan-out parent's waiting children, decided together: each child's title, step, question and
 * wait; "Approve all" and "Reject all"; and a veto per child. A vetoed child is REJECTED when
 * "Approve all" is pressed (not left out: a veto is a no to that question, and leaving it out
 * would leave its run blocked with nobody told), so the press then asks for the rejection's
 * optional comment first. One command goes per child; the outcome is said in one line, then per child.
 */
export function FanOutApprovals({ parent, related, now, focusOnMount = false }: FanOutApprovalsProps) {
  // Children live in their parent's profile: its connection is the one their commands go over.
  const phase = useRowConnection(parent.id).phase;
  const blocked = decisionBlockedReason(phase);
  const waiting = useMemo(() => waitingChildren(parent, related), [parent, related]);
  const [vetoes, setVetoes] = useState<ReadonlySet<string>>(() => new Set());
  const [asking, setAsking] = useState<FanOutDecision | null>(null);
  const [comment, setComment] = useState('');
  const { sending, result, send } = useFanOutSend();
  const sectionRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const approveRef = useRef<HTMLButtonElement>(null);
  const rejectRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<HTMLButtonElement | null>(null);
  const headingId = useId();
  const reasonId = useId();

  // A veto names a checkpoint: once that question is gone (decided, here or elsewhere) so is the veto.
  const vetoed = useMemo(() => new Set(waiting.filter((w) => vetoes.has(w.checkpoint.id)).map((w) => w.checkpoint.id)), [waiting, vetoes]);
  const rejectedOnApprove = waiting.filter((w) => vetoed.has(w.checkpoint.id));
  const approvedOnApprove = waiting.length - rejectedOnApprove.length;
  const disabled = blocked !== null || sending > 0 || waiting.length === 0;

  useEffect(() => {
    if (!focusOnMount) return;
    headingRef.current?.scrollIntoView?.({ block: 'start' });
    headingRef.current?.focus();
  }, [focusOnMount]);

  useEffect(() => {
    // Focus returns to the button that opened the dialog once the modal is gone.
    if (asking === null && returnFocus.current) {
      returnFocus.current.focus();
      returnFocus.current = null;
    }
  }, [asking]);

  useEffect(() => {
    // The outcome takes focus from the press that led to it: the buttons go away with the
    // children they decided (when the stream says so), which would drop focus on the page.
    const at = document.activeElement;
    const ours = at === null || at === document.body || !at.isConnected || (sectionRef.current?.contains(at) ?? false);
    if (result && ours) resultRef.current?.focus();
  }, [result]);

  if (waiting.length === 0 && !result && sending === 0) return null;

  const press = (decision: FanOutDecision, from: HTMLButtonElement | null) => {
    if (disabled) return;
    if (decision === 'approve' && rejectedOnApprove.length === 0) return void send(waiting, 'approve', vetoed);
    returnFocus.current = from;
    setAsking(decision);
  };

  const confirm = () => {
    if (asking === null || blocked) return;
    const decision = asking;
    // The children as the person saw them in the dialog: their checkpoint ids are the ones sent.
    void send(waiting, decision, vetoed, comment).then(() => setComment(''));
    returnFocus.current = decision === 'approve' ? approveRef.current : rejectRef.current;
    setAsking(null);
  };

  const toggleVeto = (checkpointId: string) => {
    const next = new Set(vetoes);
    if (next.has(checkpointId)) next.delete(checkpointId);
    else next.add(checkpointId);
    setVetoes(next);
  };

  const approveLabel =
    rejectedOnApprove.length === 0 ? `Approve all ${waiting.length}` : approvedOnApprove === 0 ? `Reject ${rejectedOnApprove.length} vetoed` : `Approve ${approvedOnApprove}, reject ${rejectedOnApprove.length}`;
  const rejectingCount = asking === 'reject' ? waiting.length : rejectedOnApprove.length;
  const common = { type: 'button' as const, 'aria-disabled': disabled, 'aria-describedby': blocked ? reasonId : undefined };

  return (
    <section ref={sectionRef} className="fanout" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="fanout-heading">
        Subtasks waiting for a decision <span className="muted">· {waiting.length}</span>
      </h3>
      {waiting.length > 0 && (
        <ul className="fanout-children" aria-label="Waiting subtasks">
          {waiting.map((child) => (
            <WaitingRow key={child.checkpoint.id} child={child} now={now} vetoed={vetoed.has(child.checkpoint.id)} disabled={sending > 0} onVeto={() => toggleVeto(child.checkpoint.id)} />
          ))}
        </ul>
      )}
      {waiting.length > 0 && (
        <div className="fanout-actions" role="group" aria-label={`Decide the waiting subtasks of ${parent.title}`}>
          <button {...common} ref={approveRef} className="btn btn-primary" onClick={(e) => press('approve', e.currentTarget)}>
            {approveLabel}
          </button>
          <button {...common} ref={rejectRef} className="btn btn-danger-quiet" onClick={(e) => press('reject', e.currentTarget)}>
            Reject all {waiting.length}
          </button>
          {vetoed.size > 0 && <span className="fanout-veto-note">Vetoed subtasks are rejected when you approve the rest.</span>}
        </div>
      )}
      {blocked && (
        <p id={reasonId} className="decision-note decision-blocked">
          {blocked}
        </p>
      )}
      {sending > 0 && (
        <p role="status" className="decision-note">
          Sending {count(sending, 'decision')}…
        </p>
      )}
      {result && <Outcome result={result} focusRef={resultRef} />}
      {asking && (
        <FanOutRejectDialog
          heading={asking === 'reject' || approvedOnApprove === 0 ? `Reject ${count(rejectingCount, 'subtask')}?` : `Reject ${rejectedOnApprove.length} vetoed, approve ${approvedOnApprove}?`}
          rejecting={asking === 'reject' ? waiting : rejectedOnApprove}
          confirmLabel={asking === 'reject' ? `Reject ${waiting.length}` : approveLabel}
          comment={comment}
          blockedReason={blocked}
          onComment={setComment}
          onCancel={() => setAsking(null)}
          onConfirm={confirm}
        />
      )}
    </section>
  );
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

function WaitingRow({ child, now, vetoed, disabled, onVeto }: { child: WaitingChild; now: number; vetoed: boolean; disabled: boolean; onVeto: () => void }) {
  const { session, checkpoint } = child;
  return (
    <li className={vetoed ? 'fanout-child fanout-child-vetoed' : 'fanout-child'} data-child-id={session.id}>
      <div className="fanout-child-head">
        <SessionLink id={session.id} target={session} />
        <span className="fanout-wait">waiting {duration(now - Date.parse(checkpoint.requestedAt))}</span>
      </div>
      <p className="fanout-prompt">
        {checkpoint.step ? <span className="fanout-step">{checkpoint.step}: </span> : null}
        {checkpoint.prompt}
      </p>
      <label className="fanout-veto">
        <input type="checkbox" checked={vetoed} disabled={disabled} onChange={onVeto} />
        Veto<span className="visually-hidden"> {session.title}</span>
        {vetoed && <span className="fanout-veto-state"> — rejected with the rest approved</span>}
      </label>
    </li>
  );
}

/** The outcome of the last press: one line, then what happened to each child. */
function Outcome({ result, focusRef }: { result: FanOutResult; focusRef: RefObject<HTMLDivElement | null> }) {
  const summary = summarizeFanOut(result.outcomes);
  return (
    <div ref={focusRef} tabIndex={-1} className={summary.allDone ? 'fanout-result' : 'fanout-result fanout-result-mixed'} role={summary.allDone ? 'status' : 'alert'}>
      <p className="fanout-summary">{summary.text}</p>
      <ul className="fanout-outcomes" aria-label="What happened to each subtask">
        {result.outcomes.map((o) => (
          <li key={o.checkpointId} className={o.reply.ok ? 'fanout-outcome' : 'fanout-outcome fanout-outcome-failed'}>
            <span className="fanout-outcome-title">{result.titles.get(o.sessionId) ?? o.sessionId}</span>: {outcomeLine(o)}
          </li>
        ))}
      </ul>
      {summary.allDone && <p className="decision-note">Each subtask moves on when Disco Parrot confirms it.</p>}
    </div>
  );
}
