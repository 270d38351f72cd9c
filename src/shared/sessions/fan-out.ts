import type { CommandReply, CommandRequest } from '../api/schemas';
import type { Checkpoint, Session, TaskSession } from '../protocol/session';
import { hasPendingCheckpoint } from './category';

/**
 * Fan-out approvals: one decision over many children of a task, sent as one command per child.
 * Pure: the view gathers the children and the replies; these rules say what to send and, after,
 * what happened, in words.
 */

export type FanOutDecision = 'approve' | 'reject';

/** A child as the person saw it: the checkpoint id sent is that one, never a newer one. */
export interface WaitingChild {
  session: Session;
  checkpoint: Checkpoint;
}

/** The parent's children at a checkpoint, in the parent's order (childIds), among those `related` holds. */
export function waitingChildren(parent: TaskSession, related: readonly Session[]): WaitingChild[] {
  const byId = new Map(related.map((s) => [s.id, s]));
  const out: WaitingChild[] = [];
  for (const id of new Set(parent.task.childIds)) {
    const child = byId.get(id);
    if (child && hasPendingCheckpoint(child)) out.push({ session: child, checkpoint: child.checkpoint! });
  }
  return out;
}

/**
 * The commands for one press. "Approve all" rejects the vetoed children (a veto is a no to that
 * question: leaving it out would leave its run blocked with nobody told); "Reject all" rejects
 * every child, vetoed or not. A veto names a checkpoint, not a child: a child that asks again
 * asks afresh. The comment goes with rejections only.
 */
export function fanOutCommands(
  children: readonly WaitingChild[],
  press: FanOutDecision,
  vetoed: ReadonlySet<string>,
  comment?: string,
): CommandRequest[] {
  const note = comment?.trim() ? comment.trim() : undefined;
  return children.map(({ session, checkpoint }) => {
    const action: FanOutDecision = press === 'reject' || vetoed.has(checkpoint.id) ? 'reject' : 'approve';
    return { action, sessionId: session.id, checkpointId: checkpoint.id, ...(action === 'reject' && note ? { comment: note } : {}) };
  });
}

/** One child's command and what came of it. A call that threw (the bridge went away) is a reply of code `error`. */
export interface FanOutOutcome {
  sessionId: string;
  checkpointId: string;
  action: FanOutDecision;
  reply: CommandReply;
}

/** What one outcome comes to; `by` names who decided first, when the server said. */
export type OutcomeKind =
  | { kind: 'approved' }
  | { kind: 'rejected' }
  | { kind: 'decided'; by: string; decision: string }
  | { kind: 'moved' }
  | { kind: 'gone' }
  | { kind: 'offline' }
  | { kind: 'unanswered' }
  | { kind: 'forbidden' }
  | { kind: 'throttled' }
  | { kind: 'failed' };

/** PROTOCOL.md 3.6's example and the demo's wording: "checkpoint cp_3 was already rejected by Grace". */
const DECIDED_BY = /\balready (approved|rejected|decided) by (.+?)\.?$/i;

export function classifyOutcome(o: FanOutOutcome): OutcomeKind {
  const { reply } = o;
  if (reply.ok) return { kind: o.action === 'approve' ? 'approved' : 'rejected' };
  switch (reply.code) {
    case 'conflict': {
      const m = DECIDED_BY.exec(reply.message);
      return m ? { kind: 'decided', decision: m[1]!.toLowerCase(), by: m[2]!.trim() } : { kind: 'moved' };
    }
    case 'not_found':
      return { kind: 'gone' };
    case 'offline':
      return { kind: 'offline' };
    case 'timeout':
      return { kind: 'unanswered' };
    case 'forbidden':
      return { kind: 'forbidden' };
    case 'rate_limited':
      return { kind: 'throttled' };
    default:
      return { kind: 'failed' };
  }
}

/** One child's line in the view: what happened to it, with the server's words where they help. */
export function outcomeLine(o: FanOutOutcome): string {
  const c = classifyOutcome(o);
  const why = o.reply.ok ? '' : o.reply.message;
  switch (c.kind) {
    case 'approved':
      return 'Approved';
    case 'rejected':
      return 'Rejected';
    case 'decided':
      return `Already ${c.decision} by ${c.by}`;
    case 'moved':
      return `No longer waiting: ${why}`;
    case 'gone':
      return 'No longer exists';
    case 'offline':
      return 'Not sent: offline';
    case 'unanswered':
      return `No answer: ${why}`;
    case 'forbidden':
      return `Not allowed: ${why}`;
    case 'throttled':
      return 'Refused: too many requests, try again shortly';
    case 'failed':
      return `Failed: ${why}`;
  }
}

export interface FanOutSummary {
  /** "7 approved, 1 already decided by Grace". */
  text: string;
  /** Every command did what the person asked. */
  allDone: boolean;
  /** How many the person may still need to look at again (anything not done nor decided by someone). */
  unsettled: number;
}

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/**
 * The outcome of one press, in words, in a fixed order: what was done, what someone else had
 * decided (grouped by who, in the order they first appear), then what did not get through.
 */
export function summarizeFanOut(outcomes: readonly FanOutOutcome[]): FanOutSummary {
  if (outcomes.length === 0) return { text: 'Nothing was sent', allDone: false, unsettled: 0 };
  const counts = new Map<string, number>();
  const deciders = new Map<string, number>();
  for (const o of outcomes) {
    const c = classifyOutcome(o);
    if (c.kind === 'decided') deciders.set(c.by, (deciders.get(c.by) ?? 0) + 1);
    else counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  }
  const n = (kind: OutcomeKind['kind']): number => counts.get(kind) ?? 0;
  const parts: string[] = [];
  const add = (count: number, words: string) => {
    if (count > 0) parts.push(`${count} ${words}`);
  };
  add(n('approved'), 'approved');
  add(n('rejected'), 'rejected');
  for (const [by, count] of deciders) add(count, `already decided by ${by}`);
  add(n('moved'), 'no longer waiting');
  add(n('gone'), plural(n('gone'), 'no longer exists', 'no longer exist'));
  add(n('offline'), 'not sent (offline)');
  add(n('unanswered'), 'not answered in time');
  add(n('forbidden'), 'not allowed');
  add(n('throttled'), 'refused (too many requests)');
  add(n('failed'), 'failed');
  const done = n('approved') + n('rejected');
  const decidedElsewhere = [...deciders.values()].reduce((a, b) => a + b, 0);
  return { text: parts.join(', '), allDone: done === outcomes.length, unsettled: outcomes.length - done - decidedElsewhere };
}
