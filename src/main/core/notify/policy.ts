import type { NotifySettings } from '../../../shared/notify-settings';
import type { SessionChange } from '../../../shared/sessions';
import type { Checkpoint, Session } from '../../../shared/protocol';
import { compareByRecency } from '../../../shared/sessions';
import { isMuted } from './muting';
import { isQuiet } from './snooze';
import { playsSound, type NotifyKind } from './sound';
import * as text from './text';

/** More alerts than this in one call (a first sync, a reconnect) collapse into a summary. */
export const BURST_LIMIT = 3;

export type { SessionChange };
export type { NotifyKind };
export type NotifyEventKind = 'notify' | 'withdraw' | 'summary';
export interface NotifyEvent {
  event: NotifyEventKind;
  /** What it is about (a summary: what it stands for); the shell picks buttons and urgency by it. */
  kind: NotifyKind;
  /** Play the system sound: approvals and reminders only, and only while settings.sound is on. */
  sound: boolean;
  /** null for a summary. */
  sessionId: string | null;
  /** null for a failure notice and a summary. */
  checkpointId: string | null;
  title: string;
  body: string;
  /** ISO time of the decision. */
  at: string;
  /** Summary only: the sessions it stands for, newest first. */
  sessionIds?: string[];
}
export type Remembered = 'shown' | 'suppressed';
export interface NotifyInput {
  changes: SessionChange[];
  userId: string;
  settings: NotifySettings;
  /** Epoch ms. */
  now: number;
  /** 0..1439: the caller converts `now` to local time, so the policy knows no time zones. */
  localMinuteOfDay: number;
  recall: (checkpointId: string) => Remembered | null;
}
export interface NotifyDecision {
  events: NotifyEvent[];
  remember: Array<{ checkpointId: string; sessionId: string; as: Remembered }>;
  /** Checkpoint ids decided or gone; the caller may drop them after a retention period. */
  forget: string[];
}

/**
 * Decides what to show for one batch of session changes. Pure: the caller supplies the clock and
 * the memory of what was already alerted, and persists `remember`/`forget` afterwards.
 *
 * Choices where the issue is silent:
 * - Withdraws come first, then approvals, then failures; each group newest first (compareByRecency).
 * - Scope filters alerts only: a shown checkpoint is withdrawn when it goes even if its session has
 *   since changed owner or the scope was narrowed, so nothing stale stays on screen.
 * - Out-of-scope checkpoints are not remembered, so widening the scope to 'all' alerts the ones
 *   still waiting (as a summary if there are many).
 * - Failures are never folded into the approvals summary ("4 approvals waiting" must mean four
 *   decisions). But the burst limit counts both: past 3 alerts in one call, each kind collapses to
 *   one event, so a call never pops more than 3 banners.
 * - Failure notices are not remembered: they fire on the transition into `failed`, which happens
 *   once; one that happens while quiet is dropped, like every alert then.
 * - Several changes to one session in a call are merged (first `before`, last `after`), so a
 *   checkpoint that came and went inside one batch is never shown.
 * - A checkpoint of a muted flow (./muting) is remembered as suppressed, as in quiet hours: an
 *   unmute does not bring back a burst of old ones, but a reminder still due after the unmute
 *   goes out. A muted flow's failure is dropped.
 */
export function decideNotifications(input: NotifyInput): NotifyDecision {
  const { settings, recall } = input;
  const at = new Date(input.now).toISOString();
  const inScope = (s: Session): boolean => settings.scope === 'all' || s.owner.id === input.userId;

  const withdrawn: Waiting[] = [];
  const approvals: Waiting[] = [];
  const muted: Waiting[] = [];
  const failures: Waiting<null>[] = [];
  const forget = new Set<string>();
  const taken = new Set<string>();

  for (const { before, after } of coalesce(input.changes)) {
    const gone = before?.checkpoint;
    if (before && gone && gone.id !== after?.checkpoint?.id) {
      const memory = recall(gone.id);
      // A suppressed checkpoint was never on screen: there is nothing to take back.
      if (memory === 'shown') withdrawn.push({ session: before, checkpoint: gone });
      if (memory !== null) forget.add(gone.id);
    }
    if (!after || !inScope(after)) continue;
    const pending = after.checkpoint;
    // Only the memory decides, not `before`: after a restart the cache says "new" but memory knows.
    if (pending && recall(pending.id) === null && !taken.has(pending.id)) {
      taken.add(pending.id);
      (isMuted(after, settings) ? muted : approvals).push({ session: after, checkpoint: pending });
    }
    // A session first seen already failed (before null: a first sync) is old news, not an event.
    if (settings.failures && after.status === 'failed' && before && before.status !== 'failed' && !isMuted(after, settings)) {
      failures.push({ session: after, checkpoint: null });
    }
  }
  withdrawn.sort(byRecency);
  approvals.sort(byRecency);
  failures.sort(byRecency);

  const events: NotifyEvent[] = withdrawn.map(({ session, checkpoint }) => ({
    event: 'withdraw',
    kind: 'withdraw',
    sound: false,
    sessionId: session.id,
    checkpointId: checkpoint.id,
    title: text.withdrawTitle(session),
    body: text.checkpointBody(checkpoint),
    at,
  }));
  const quiet = isQuiet(settings, input.now, input.localMinuteOfDay);
  const as: Remembered = quiet ? 'suppressed' : 'shown';
  const remember = [
    ...approvals.map((w) => ({ checkpointId: w.checkpoint.id, sessionId: w.session.id, as })),
    ...muted.map((w) => ({ checkpointId: w.checkpoint.id, sessionId: w.session.id, as: 'suppressed' as const })),
  ];

  if (!quiet) {
    const burst = approvals.length + failures.length > BURST_LIMIT;
    events.push(...alerts('approvals', approvals, burst, at, playsSound('approval', settings)));
    events.push(...alerts('failures', failures, burst, at, playsSound('failure', settings)));
  }
  return { events, remember, forget: [...forget].sort() };
}

/** A session with the checkpoint an event is about; null for a failure. */
interface Waiting<C extends Checkpoint | null = Checkpoint> {
  session: Session;
  checkpoint: C;
}
const byRecency = (a: Waiting<Checkpoint | null>, b: Waiting<Checkpoint | null>): number =>
  compareByRecency(a.session, b.session);

function alerts(
  group: 'approvals' | 'failures',
  items: Waiting<Checkpoint | null>[],
  burst: boolean,
  at: string,
  sound: boolean,
): NotifyEvent[] {
  const sessions = items.map((w) => w.session);
  const kind: NotifyKind = group === 'approvals' ? 'approval' : 'failure';
  if (burst && items.length > 1) {
    return [
      {
        event: 'summary',
        kind,
        sound,
        sessionId: null,
        checkpointId: null,
        title: text.summaryTitle(group, sessions.length),
        body: text.summaryBody(sessions),
        at,
        sessionIds: sessions.map((s) => s.id),
      },
    ];
  }
  return items.map(({ session: s, checkpoint }) =>
    checkpoint
      ? {
          event: 'notify',
          kind,
          sound,
          sessionId: s.id,
          checkpointId: checkpoint.id,
          title: text.approvalTitle(s),
          body: text.checkpointBody(checkpoint),
          at,
        }
      : {
          event: 'notify',
          kind,
          sound,
          sessionId: s.id,
          checkpointId: null,
          title: text.failureTitle(s),
          body: text.failureBody(s),
          at,
        },
  );
}

function coalesce(changes: readonly SessionChange[]): SessionChange[] {
  const bySession = new Map<string, SessionChange>();
  for (const change of changes) {
    const id = change.after?.id ?? change.before?.id;
    if (id === undefined) continue;
    const first = bySession.get(id);
    bySession.set(id, { before: first ? first.before : change.before, after: change.after });
  }
  return [...bySession.values()];
}
