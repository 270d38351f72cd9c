import type { NotifySettings } from '../../../shared/notify-settings';
import type { Session } from '../../../shared/protocol';
import { compareByRecency } from '../../../shared/sessions';
import { isMuted } from './muting';
import { BURST_LIMIT, type NotifyEvent } from './policy';
import { isQuiet } from './snooze';
import { playsSound } from './sound';
import * as text from './text';
import type { RunEnd } from './text';

/** The person approved a checkpoint of this session and waits to hear how the run ends. */
export interface PendingFollowUp {
  sessionId: string;
  /** The checkpoint approved last (a run may stop at several; one follow-up covers them all). */
  checkpointId: string;
  /** Epoch ms, on the server-corrected clock, when the approval was answered ok. */
  approvedAt: number;
}

export interface FollowUpInput {
  /** Each moved session's state after the batch; `after` null: the session was removed. */
  moved: ReadonlyArray<{ sessionId: string; after: Session | null }>;
  pending: (sessionId: string) => PendingFollowUp | null;
  settings: NotifySettings;
  /** Epoch ms. */
  now: number;
  localMinuteOfDay: number;
}

export interface FollowUpDecision {
  events: NotifyEvent[];
  /** Follow-ups done with, shown or not: the caller persists this, so none is ever sent twice. */
  settled: Array<{ sessionId: string; shown: boolean }>;
}

const ENDS: Readonly<Record<string, RunEnd>> = {
  succeeded: 'finished',
  completed: 'finished',
  failed: 'failed',
  rejected: 'rejected',
  cancelled: 'cancelled',
};

/** How a flow run or task ended, or null while it goes on (or waits at another checkpoint). */
export function runEnd(session: Session): RunEnd | null {
  if (session.kind === 'chat') return null;
  // Own keys only: a status such as "constructor" must not reach Object.prototype.
  return Object.hasOwn(ENDS, session.status) ? ENDS[session.status]! : null;
}

/**
 * One notification when a run the person approved ends. Pure: the caller keeps the pending
 * follow-ups (and the fact one was settled) in the cache, and supplies the clock.
 *
 * Choices where the issue is silent:
 * - The run "ends" at any final status: succeeded/completed ("finished"), failed, rejected (a later
 *   checkpoint, decided by someone) or cancelled. Until then it waits, through further checkpoints.
 * - The follow-up is judged on the state after the change, not on the move into it, so a run that
 *   ended while the app was closed is followed up on the first sync after the restart.
 * - Settled without a banner when the setting is off, the flow is muted, it is quiet (snooze, quiet
 *   hours: dropped like every alert then, not held back) or the session was removed.
 * - "N min after your approval" counts from the approval to the session's `updatedAt` at the end
 *   (both server time); a failure names its step (flow.stepIndex is 1-based, as "Step 5 of 5") and error.
 * - More than BURST_LIMIT in one call collapse into one summary, as approvals do (an approve-all of
 *   a fan-out may end together).
 */
export function decideFollowUps(input: FollowUpInput): FollowUpDecision {
  const { settings } = input;
  const settled: FollowUpDecision['settled'] = [];
  const ended: Array<{ session: Session; end: RunEnd; follow: PendingFollowUp }> = [];
  const quiet = isQuiet(settings, input.now, input.localMinuteOfDay);
  const seen = new Set<string>();
  for (const { sessionId, after } of input.moved) {
    if (seen.has(sessionId)) continue;
    const follow = input.pending(sessionId);
    if (!follow) continue;
    if (!after) {
      seen.add(sessionId);
      settled.push({ sessionId, shown: false });
      continue;
    }
    const end = runEnd(after);
    if (!end) continue;
    seen.add(sessionId);
    const show = settings.followUps && !quiet && !isMuted(after, settings);
    settled.push({ sessionId, shown: show });
    if (show) ended.push({ session: after, end, follow });
  }
  ended.sort((a, b) => compareByRecency(a.session, b.session));

  const at = new Date(input.now).toISOString();
  const sound = playsSound('follow-up', settings);
  if (ended.length > BURST_LIMIT) {
    const events: NotifyEvent[] = [
      {
        event: 'summary',
        kind: 'follow-up',
        sound,
        sessionId: null,
        checkpointId: null,
        title: text.followUpSummaryTitle(ended.length),
        body: text.followUpSummaryBody(ended.map((e) => e.end)),
        at,
        sessionIds: ended.map((e) => e.session.id),
      },
    ];
    return { events, settled };
  }
  const events = ended.map(({ session, end, follow }): NotifyEvent => ({
    event: 'notify',
    kind: 'follow-up',
    sound,
    sessionId: session.id,
    checkpointId: null,
    title: text.followUpTitle(session, end, Math.max(0, Date.parse(session.updatedAt) - follow.approvedAt)),
    body: text.followUpBody(session),
    at,
  }));
  return { events, settled };
}
