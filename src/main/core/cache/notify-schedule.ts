import type { Database, Statement } from 'better-sqlite3';
import type { PendingFollowUp } from '../notify/follow-ups';
import type { ReminderKind, ScheduledReminder } from '../notify/reminders';

interface ReminderRow {
  checkpoint_id: string;
  session_id: string;
  kind: ReminderKind;
  at: number;
}

/** How many due reminders one wake reads; more wait for the next wake, which comes at once. */
export const DUE_PAGE = 500;

/**
 * Follow-ups and reminders still to come, and the fact that each one went out (or was dropped),
 * kept on disk so a restart never sends one twice (tables of migration v4). Rows go with their
 * session (a trigger on delete); `sweep` takes those of sessions the cache never held.
 */
export class NotifySchedule {
  private readonly pending: Statement<[], { session_id: string; checkpoint_id: string; approved_at: number }>;
  private readonly noteFollowUp: Statement<[string, string, number]>;
  private readonly settle: Statement<[number, number, string]>;
  private readonly followUpRow: Statement<[string], { settled_at: number | null; shown: number }>;
  private readonly addAuto: Statement<[string, string, number]>;
  private readonly putLater: Statement<[string, string, number]>;
  private readonly earliest: Statement<[ReminderKind], { at: number | null }>;
  private readonly dueAuto: Statement<[number, number], ReminderRow>;
  private readonly dueLater: Statement<[number, number], ReminderRow>;
  private readonly finish: Statement<[string, ReminderKind]>;
  private readonly drop: Statement<[string]>;
  private readonly reminderRow: Statement<[string, ReminderKind], { at: number; done: number }>;
  private readonly sweepReminders: Statement<[number]>;
  private readonly sweepFollowUps: Statement<[number]>;
  private readonly settleTx: (items: ReadonlyArray<{ sessionId: string; shown: boolean }>, at: number) => void;
  private readonly scheduleTx: (items: readonly ScheduledReminder[]) => void;
  private readonly finishTx: (items: ReadonlyArray<{ checkpointId: string; kind: ReminderKind }>) => void;
  private readonly dropTx: (checkpointIds: readonly string[]) => void;

  constructor(db: Database) {
    this.pending = db.prepare('SELECT session_id, checkpoint_id, approved_at FROM follow_ups WHERE settled_at IS NULL');
    // A settled follow-up is never re-armed: that is the promise of "never repeated".
    this.noteFollowUp = db.prepare(
      `INSERT INTO follow_ups (session_id, checkpoint_id, approved_at) VALUES (?, ?, ?)
       ON CONFLICT (session_id) DO UPDATE SET checkpoint_id = excluded.checkpoint_id, approved_at = excluded.approved_at
       WHERE follow_ups.settled_at IS NULL`,
    );
    this.settle = db.prepare('UPDATE follow_ups SET settled_at = ?, shown = ? WHERE session_id = ? AND settled_at IS NULL');
    this.followUpRow = db.prepare('SELECT settled_at, shown FROM follow_ups WHERE session_id = ?');
    // An automatic reminder is made once per checkpoint; a done one stays done.
    this.addAuto = db.prepare(`INSERT INTO reminders (checkpoint_id, kind, session_id, at) VALUES (?, 'auto', ?, ?) ON CONFLICT DO NOTHING`);
    // "Remind me in 1 h" asked again schedules one more, even after the last one went out.
    this.putLater = db.prepare(
      `INSERT INTO reminders (checkpoint_id, kind, session_id, at) VALUES (?, 'later', ?, ?)
       ON CONFLICT (checkpoint_id, kind) DO UPDATE SET session_id = excluded.session_id, at = excluded.at, done = 0`,
    );
    this.earliest = db.prepare('SELECT min(at) AS at FROM reminders WHERE kind = ? AND done = 0');
    const due = (kind: ReminderKind) =>
      db.prepare<[number, number], ReminderRow>(
        `SELECT checkpoint_id, session_id, kind, at FROM reminders WHERE kind = '${kind}' AND done = 0 AND at <= ? ORDER BY at LIMIT ?`,
      );
    this.dueAuto = due('auto');
    this.dueLater = due('later');
    this.finish = db.prepare('UPDATE reminders SET done = 1 WHERE checkpoint_id = ? AND kind = ?');
    this.drop = db.prepare('DELETE FROM reminders WHERE checkpoint_id = ?');
    this.reminderRow = db.prepare('SELECT at, done FROM reminders WHERE checkpoint_id = ? AND kind = ?');
    this.sweepReminders = db.prepare('DELETE FROM reminders WHERE at < ? AND session_id NOT IN (SELECT id FROM sessions)');
    this.sweepFollowUps = db.prepare('DELETE FROM follow_ups WHERE approved_at < ? AND session_id NOT IN (SELECT id FROM sessions)');
    // IMMEDIATE, as every write here: it must not start as a reader and fail to upgrade.
    const settle = db.transaction((items: ReadonlyArray<{ sessionId: string; shown: boolean }>, at: number) => {
      for (const i of items) this.settle.run(at, i.shown ? 1 : 0, i.sessionId);
    });
    const schedule = db.transaction((items: readonly ScheduledReminder[]) => {
      for (const r of items) (r.kind === 'auto' ? this.addAuto : this.putLater).run(r.checkpointId, r.sessionId, r.at);
    });
    const finish = db.transaction((items: ReadonlyArray<{ checkpointId: string; kind: ReminderKind }>) => {
      for (const i of items) this.finish.run(i.checkpointId, i.kind);
    });
    const drop = db.transaction((ids: readonly string[]) => {
      for (const id of ids) this.drop.run(id);
    });
    this.settleTx = (items, at) => settle.immediate(items, at);
    this.scheduleTx = (items) => schedule.immediate(items);
    this.finishTx = (items) => finish.immediate(items);
    this.dropTx = (ids) => drop.immediate(ids);
  }

  pendingFollowUps(): PendingFollowUp[] {
    return this.pending.all().map((r) => ({ sessionId: r.session_id, checkpointId: r.checkpoint_id, approvedAt: r.approved_at }));
  }

  /** False when this session's follow-up was already settled: it is never armed again. */
  noteApproval(f: PendingFollowUp): boolean {
    return this.noteFollowUp.run(f.sessionId, f.checkpointId, f.approvedAt).changes > 0;
  }

  settleFollowUps(items: ReadonlyArray<{ sessionId: string; shown: boolean }>, at: number): void {
    if (items.length > 0) this.settleTx(items, at);
  }

  /** null: never noted; else whether it is settled and whether a banner went out. */
  followUpState(sessionId: string): { settled: boolean; shown: boolean } | null {
    const row = this.followUpRow.get(sessionId);
    return row ? { settled: row.settled_at !== null, shown: row.shown === 1 } : null;
  }

  schedule(items: readonly ScheduledReminder[]): void {
    if (items.length > 0) this.scheduleTx(items);
  }

  /** The smallest `at` of each kind not yet done (what nextReminderAt needs). */
  earliestReminders(): { auto: number | null; later: number | null } {
    return { auto: this.earliest.get('auto')?.at ?? null, later: this.earliest.get('later')?.at ?? null };
  }

  /** Not-done reminders whose `at` is at or before the bound of their kind (null: none of that kind). */
  dueReminders(bounds: { auto: number | null; later: number }, limit = DUE_PAGE): ScheduledReminder[] {
    const rows = [...(bounds.auto === null ? [] : this.dueAuto.all(bounds.auto, limit)), ...this.dueLater.all(bounds.later, limit)];
    return rows.map((r) => ({ checkpointId: r.checkpoint_id, sessionId: r.session_id, kind: r.kind, at: r.at }));
  }

  finishReminders(items: ReadonlyArray<{ checkpointId: string; kind: ReminderKind }>): void {
    if (items.length > 0) this.finishTx(items);
  }

  /** The checkpoints were decided or are gone: their reminders, done or not, are of no use. */
  dropReminders(checkpointIds: readonly string[]): void {
    if (checkpointIds.length > 0) this.dropTx(checkpointIds);
  }

  reminderState(checkpointId: string, kind: ReminderKind): { at: number; done: boolean } | null {
    const row = this.reminderRow.get(checkpointId, kind);
    return row ? { at: row.at, done: row.done === 1 } : null;
  }

  /** Rows older than `before` whose session the cache does not hold (it never did, or it went). */
  sweep(before: number): number {
    return this.sweepReminders.run(before).changes + this.sweepFollowUps.run(before).changes;
  }
}
