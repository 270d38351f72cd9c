import type { NotifySettings } from '../../../shared/notify-settings';
import type { Checkpoint, Session } from '../../../shared/protocol';
import { isMuted } from './muting';
import { BURST_LIMIT, type NotifyEvent } from './policy';
import { isQuiet } from './snooze';
import { playsSound } from './sound';
import * as text from './text';

export const MINUTE_MS = 60_000;

/**
 * `auto`: the reminder every alerted checkpoint gets, `reminderMinutes` after its wait began.
 * `later`: "Remind me in 1 h", asked for one session's checkpoint.
 */
export type ReminderKind = 'auto' | 'later';

export interface ScheduledReminder {
  checkpointId: string;
  sessionId: string;
  kind: ReminderKind;
  /**
   * Epoch ms (server-corrected clock). `auto`: when the wait counts from, so a change of
   * `reminderMinutes` moves every reminder still to come. `later`: when it is due.
   */
  at: number;
}

/** When this reminder is due under these settings; null: never (auto while reminders are off). */
export function reminderDueAt(r: Pick<ScheduledReminder, 'kind' | 'at'>, settings: Pick<NotifySettings, 'reminderMinutes'>): number | null {
  if (r.kind === 'later') return r.at;
  return settings.reminderMinutes === null ? null : r.at + settings.reminderMinutes * MINUTE_MS;
}

/** The `at` at or before which an auto reminder is due now (null: none ever is): the cache's query bound. */
export function autoDueThrough(settings: Pick<NotifySettings, 'reminderMinutes'>, now: number): number | null {
  return settings.reminderMinutes === null ? null : now - settings.reminderMinutes * MINUTE_MS;
}

/** When the one timer should wake: the soonest of the earliest auto and the earliest later reminder. */
export function nextReminderAt(earliest: { auto: number | null; later: number | null }, settings: Pick<NotifySettings, 'reminderMinutes'>): number | null {
  const auto = earliest.auto === null ? null : reminderDueAt({ kind: 'auto', at: earliest.auto }, settings);
  const times = [auto, earliest.later].filter((t): t is number => t !== null);
  return times.length ? Math.min(...times) : null;
}

/**
 * "Remind me in `minutes`" for a session: its checkpoint waiting now, due `minutes` from `now`.
 * Throws, in words, when there is nothing to remind of.
 */
export function planRemindLater(session: Session | null, sessionId: string, minutes: number, now: number): ScheduledReminder {
  if (!session) throw new Error(`session ${sessionId} is not known here; nothing was scheduled`);
  if (!session.checkpoint) throw new Error(`"${session.title}" is not waiting for a decision; nothing was scheduled`);
  if (!Number.isInteger(minutes) || minutes < 1) throw new Error('a reminder needs a whole number of minutes, 1 or more');
  return { checkpointId: session.checkpoint.id, sessionId: session.id, kind: 'later', at: now + minutes * MINUTE_MS };
}

export interface ReminderInput {
  /** Reminders not yet done, with their session as the cache holds it now (null: gone). */
  candidates: ReadonlyArray<{ reminder: ScheduledReminder; session: Session | null }>;
  userId: string | null;
  settings: NotifySettings;
  /** Epoch ms (server-corrected). */
  now: number;
  localMinuteOfDay: number;
}

export interface ReminderDecision {
  events: NotifyEvent[];
  /** Fired or dropped: never again. The caller persists this. */
  done: Array<Pick<ScheduledReminder, 'checkpointId' | 'kind'>>;
  /**
   * The checkpoints a banner now stands for: the caller remembers them as shown, so the banner is
   * withdrawn when the checkpoint is decided even if its first alert was suppressed (quiet, muted).
   */
  shown: Array<{ checkpointId: string; sessionId: string }>;
}

/**
 * Which reminders go out now. Pure; the caller keeps the schedule in the cache and wakes one
 * timer at the soonest due (nextReminderAt).
 *
 * Choices where the issue is silent:
 * - A reminder due while quiet (snooze or quiet hours) is dropped and never repeated, like every
 *   alert then: the checkpoint stays in "Needs you". Held back to the end of the quiet, a night's
 *   reminders would all ring at 07:00, which is what quiet hours are there to prevent.
 * - A muted flow's reminder is dropped the same way; an unmute does not bring it back.
 * - A reminder whose checkpoint was decided or has gone (or whose session has) is dropped silently.
 * - The automatic one respects the scope as it is when it falls due; "Remind me in 1 h" was asked
 *   for that session, so it ignores the scope.
 * - Both kinds due at once for one checkpoint make one reminder. More than BURST_LIMIT checkpoints
 *   at once collapse into one summary, longest wait first.
 */
export function decideReminders(input: ReminderInput): ReminderDecision {
  const { settings, now } = input;
  const quiet = isQuiet(settings, now, input.localMinuteOfDay);
  const done: ReminderDecision['done'] = [];
  const firing = new Map<string, { session: Session; checkpoint: Checkpoint }>();
  for (const { reminder, session } of input.candidates) {
    const due = reminderDueAt(reminder, settings);
    if (due === null || due > now) continue;
    done.push({ checkpointId: reminder.checkpointId, kind: reminder.kind });
    const checkpoint = session?.checkpoint;
    if (!session || !checkpoint || checkpoint.id !== reminder.checkpointId || quiet) continue;
    // "Remind me in 1 h" was asked for this one checkpoint: neither the scope nor a mute stops it.
    const inScope = settings.scope === 'all' || session.owner.id === input.userId;
    if (reminder.kind === 'auto' && (!inScope || isMuted(session, settings))) continue;
    firing.set(checkpoint.id, { session, checkpoint });
  }
  const items = [...firing.values()].sort(byLongestWait);
  const shown = items.map((i) => ({ checkpointId: i.checkpoint.id, sessionId: i.session.id }));
  const at = new Date(now).toISOString();
  const sound = playsSound('reminder', settings);
  if (items.length > BURST_LIMIT) {
    const sessions = items.map((i) => i.session);
    const summary: NotifyEvent = {
      event: 'summary',
      kind: 'reminder',
      sound,
      sessionId: null,
      checkpointId: null,
      title: text.reminderSummaryTitle(items.length),
      body: text.summaryBody(sessions),
      at,
      sessionIds: sessions.map((s) => s.id),
    };
    return { events: [summary], done, shown };
  }
  const events = items.map(({ session, checkpoint }): NotifyEvent => ({
    event: 'notify',
    kind: 'reminder',
    sound,
    sessionId: session.id,
    checkpointId: checkpoint.id,
    title: text.reminderTitle(session),
    body: text.reminderBody(checkpoint, now - Date.parse(checkpoint.requestedAt)),
    at,
  }));
  return { events, done, shown };
}

function byLongestWait(a: { session: Session; checkpoint: Checkpoint }, b: { session: Session; checkpoint: Checkpoint }): number {
  const byTime = Date.parse(a.checkpoint.requestedAt) - Date.parse(b.checkpoint.requestedAt);
  if (byTime !== 0) return byTime;
  return a.session.id < b.session.id ? -1 : a.session.id > b.session.id ? 1 : 0;
}
