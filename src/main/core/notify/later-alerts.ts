import type { NotifySettings } from '../../../shared/notify-settings';
import type { SessionChange } from '../../../shared/sessions';
import type { Cache } from '../cache/cache';
import type { Logger } from '../log';
import { decideFollowUps, runEnd, type PendingFollowUp } from './follow-ups';
import type { NotifyEvent } from './policy';
import { ReminderTimer, type Timers } from './reminder-timer';
import { autoDueThrough, decideReminders, nextReminderAt, planRemindLater } from './reminders';

/** A wake whose write failed (a full disk, a lock) tries again this much later, not at once. */
export const RETRY_AFTER_FAILURE_MS = 60_000;

export interface LaterAlertsDeps {
  cache: Cache;
  /** Epoch ms, server-corrected (sync.now()): checkpoints and runs carry the server's times. */
  now: () => number;
  settings: () => NotifySettings;
  userId: () => string | null;
  localMinuteOfDay: (now: number) => number;
  emit: (event: NotifyEvent) => void;
  /** Runs a small write between the sync's sliced writes (sync.queue.pushTask), never inside one. */
  runTask: (task: () => void) => void;
  timers?: Timers;
  logger: Logger;
}

/** Rows of sessions the cache never held are swept this long after they were made. */
const SWEEP_AFTER_MS = 7 * 24 * 60 * 60_000;

/**
 * The side-effect edge of the alerts that come after the first one: follow-ups (./follow-ups) and
 * reminders (./reminders). It reads and writes their schedule in the cache, keeps the one reminder
 * timer, and emits what the pure rules decide. Every decision is persisted before it is emitted:
 * after a crash in between, a follow-up or reminder is missed rather than sent twice.
 */
export class LaterAlerts {
  /** The cache's unsettled follow-ups, by session: every applied batch is checked against it. */
  private readonly pending = new Map<string, PendingFollowUp>();
  private readonly timer: ReminderTimer;

  constructor(private readonly deps: LaterAlertsDeps) {
    for (const f of deps.cache.schedule((s) => s.pendingFollowUps())) this.pending.set(f.sessionId, f);
    this.timer = new ReminderTimer({
      now: deps.now,
      nextDueAt: () => this.nextDueAt(),
      wake: () => deps.runTask(() => this.remind()),
      timers: deps.timers,
    });
  }

  start(): void {
    this.timer.arm();
  }

  stop(): void {
    this.timer.stop();
  }

  /** Whether the reminder timer waits for a due reminder. */
  get armed(): boolean {
    return this.timer.armed;
  }

  /**
   * The signed-in person's approval was accepted: follow the run up when it ends. The answer comes
   * at any moment, so the write waits its turn between the sync's sliced writes, never inside one
   * that a cut-short snapshot would roll back.
   */
  noteApproval(sessionId: string, checkpointId: string): void {
    const approvedAt = this.deps.now();
    this.deps.runTask(() => this.guard('a follow-up could not be noted', () => {
      const follow: PendingFollowUp = { sessionId, checkpointId, approvedAt };
      if (!this.deps.cache.schedule((s) => s.noteApproval(follow))) return;
      this.pending.set(sessionId, follow);
      // The run may have ended before the answer came back; then no later change will say so.
      const session = this.deps.cache.getSession(sessionId);
      if (session && runEnd(session)) this.followUp([{ sessionId, after: session }]);
    }));
  }

  /** A committed batch: runs the person approved may have ended. */
  applied(changes: readonly SessionChange[]): void {
    if (this.pending.size === 0) return;
    const moved: Array<{ sessionId: string; after: SessionChange['after'] }> = [];
    for (const change of changes) {
      // `before` is parsed only for a removal (see cache/lazy-change), which is rare.
      const id = change.after ? change.after.id : change.before?.id;
      if (id !== undefined && this.pending.has(id)) moved.push({ sessionId: id, after: change.after });
    }
    if (moved.length > 0) this.guard('follow-ups could not be sent', () => this.followUp(moved));
  }

  /** The policy remembered these checkpoints (alerted or deliberately not): each gets its reminder. */
  alerted(items: ReadonlyArray<{ checkpointId: string; sessionId: string }>): void {
    if (items.length === 0) return;
    // The wait counts from the first alert: within seconds of requestedAt for a live checkpoint,
    // later for one first seen old (a first sync), whose reminder must not land on its first alert.
    const at = this.deps.now();
    this.guard('reminders could not be scheduled', () =>
      this.deps.cache.schedule((s) => s.schedule(items.map((i) => ({ ...i, kind: 'auto' as const, at })))),
    );
    this.timer.arm();
  }

  /** These checkpoints were decided or are gone: no reminder of them. */
  forgotten(checkpointIds: readonly string[]): void {
    if (checkpointIds.length === 0) return;
    this.guard('reminders could not be dropped', () => this.deps.cache.schedule((s) => s.dropReminders(checkpointIds)));
    this.timer.arm();
  }

  /**
   * "Remind me in `minutes`": throws, in words, when the session waits on nothing. The write then
   * waits its turn between the sync's sliced writes, as noteApproval's does.
   */
  remindLater(sessionId: string, minutes: number): void {
    const reminder = planRemindLater(this.deps.cache.getSession(sessionId), sessionId, minutes, this.deps.now());
    this.deps.runTask(() => {
      this.guard('"Remind me" could not be saved', () => this.deps.cache.schedule((s) => s.schedule([reminder])));
      this.timer.arm();
    });
  }

  /** reminderMinutes (or anything else) changed: the next due time may have moved. */
  settingsChanged(): void {
    this.timer.arm();
  }

  prune(now: number): void {
    this.guard('the notification schedule could not be pruned', () => this.deps.cache.schedule((s) => s.sweep(now - SWEEP_AFTER_MS)));
  }

  private followUp(moved: Array<{ sessionId: string; after: SessionChange['after'] }>): void {
    const now = this.deps.now();
    const decision = decideFollowUps({
      moved,
      pending: (id) => this.pending.get(id) ?? null,
      settings: this.deps.settings(),
      now,
      localMinuteOfDay: this.deps.localMinuteOfDay(now),
    });
    if (decision.settled.length === 0) return;
    this.deps.cache.schedule((s) => s.settleFollowUps(decision.settled, now));
    for (const { sessionId } of decision.settled) this.pending.delete(sessionId);
    for (const event of decision.events) this.deps.emit(event);
  }

  private nextDueAt(): number | null {
    try {
      return nextReminderAt(this.deps.cache.schedule((s) => s.earliestReminders()), this.deps.settings());
    } catch (err) {
      this.deps.logger.warn(`reminders could not be read: ${(err as Error).message}`);
      return null;
    }
  }

  /** The timer's wake: every reminder due now, decided together. */
  private remind(): void {
    const sent = this.guard('reminders could not be sent', () => {
      const { cache } = this.deps;
      const now = this.deps.now();
      const settings = this.deps.settings();
      const due = cache.schedule((s) => s.dueReminders({ auto: autoDueThrough(settings, now), later: now }));
      if (due.length === 0) return;
      const sessions = new Map(cache.sessionsByIds([...new Set(due.map((r) => r.sessionId))]).map((s) => [s.id, s]));
      const decision = decideReminders({
        candidates: due.map((reminder) => ({ reminder, session: sessions.get(reminder.sessionId) ?? null })),
        userId: this.deps.userId(),
        settings,
        now,
        localMinuteOfDay: this.deps.localMinuteOfDay(now),
      });
      cache.schedule((s) => s.finishReminders(decision.done));
      if (decision.shown.length) cache.remember(decision.shown.map((c) => ({ ...c, as: 'shown' as const })));
      for (const event of decision.events) this.deps.emit(event);
    });
    this.timer.arm(sent ? 0 : RETRY_AFTER_FAILURE_MS);
  }

  /** Runs from timers, the write queue and command replies: a failure is told, never thrown. */
  private guard(what: string, run: () => void): boolean {
    try {
      run();
      return true;
    } catch (err) {
      this.deps.logger.warn(`${what}: ${(err as Error).message}`);
      return false;
    }
  }
}
