import { describe, expect, it } from 'vitest';
import {
  autoDueThrough,
  decideReminders,
  MINUTE_MS,
  nextReminderAt,
  planRemindLater,
  reminderDueAt,
  type ScheduledReminder,
} from '../../src/main/core/notify';
import { NotifySettings } from '../../src/shared/notify-settings';
import type { Session } from '../../src/shared/protocol';
import { ago, checkpoint, flowRun, HOUR, iso, MINUTE, NOW, task } from '../shared/fixtures';
import { GRACE, waiting } from './helpers';

const TEN_AM = 10 * 60;
const settingsOf = (over: Partial<NotifySettings> = {}) => NotifySettings.parse(over);
const auto = (cp: string, sessionId: string, at: number): ScheduledReminder => ({ checkpointId: cp, sessionId, kind: 'auto', at });
const later = (cp: string, sessionId: string, at: number): ScheduledReminder => ({ checkpointId: cp, sessionId, kind: 'later', at });

function decide(candidates: Array<[ScheduledReminder, Session | null]>, opts: { settings?: Partial<NotifySettings>; minute?: number; now?: number } = {}) {
  return decideReminders({
    candidates: candidates.map(([reminder, session]) => ({ reminder, session })),
    userId: 'u_ada',
    settings: settingsOf(opts.settings),
    now: opts.now ?? NOW,
    localMinuteOfDay: opts.minute ?? TEN_AM,
  });
}

describe('when reminders are due', () => {
  it('auto: reminderMinutes after its start; later: at its own time; auto never while reminders are off', () => {
    expect(reminderDueAt(auto('cp', 's', NOW), settingsOf())).toBe(NOW + 30 * MINUTE);
    expect(reminderDueAt(auto('cp', 's', NOW), settingsOf({ reminderMinutes: 120 }))).toBe(NOW + 2 * HOUR);
    expect(reminderDueAt(auto('cp', 's', NOW), settingsOf({ reminderMinutes: null }))).toBeNull();
    expect(reminderDueAt(later('cp', 's', NOW + 5), settingsOf({ reminderMinutes: null }))).toBe(NOW + 5);
  });

  it("the cache's bound and the rule agree to the millisecond", () => {
    const s = settingsOf({ reminderMinutes: 15 });
    const bound = autoDueThrough(s, NOW)!;
    expect(reminderDueAt(auto('cp', 's', bound), s)).toBe(NOW);
    expect(reminderDueAt(auto('cp', 's', bound + 1), s)).toBe(NOW + 1);
    expect(autoDueThrough(settingsOf({ reminderMinutes: null }), NOW)).toBeNull();
  });

  it('the timer wakes at the soonest of the two kinds', () => {
    const s = settingsOf({ reminderMinutes: 30 });
    expect(nextReminderAt({ auto: NOW, later: NOW + HOUR }, s)).toBe(NOW + 30 * MINUTE);
    expect(nextReminderAt({ auto: NOW, later: NOW + 10 * MINUTE }, s)).toBe(NOW + 10 * MINUTE);
    expect(nextReminderAt({ auto: NOW, later: null }, settingsOf({ reminderMinutes: null }))).toBeNull();
    expect(nextReminderAt({ auto: null, later: null }, s)).toBeNull();
  });
});

describe('planRemindLater', () => {
  it("schedules the session's current checkpoint, minutes from now", () => {
    expect(planRemindLater(waiting('fr_1', 'cp_9'), 'fr_1', 60, NOW)).toEqual({ checkpointId: 'cp_9', sessionId: 'fr_1', kind: 'later', at: NOW + 60 * MINUTE_MS });
  });

  it('says why not, in words, for an unknown session, one waiting on nothing, or a bad duration', () => {
    expect(() => planRemindLater(null, 'fr_x', 60, NOW)).toThrow('session fr_x is not known here; nothing was scheduled');
    expect(() => planRemindLater(flowRun({ title: 'Build' }), 'fr_1', 60, NOW)).toThrow('"Build" is not waiting for a decision; nothing was scheduled');
    expect(() => planRemindLater(waiting('fr_1', 'cp_1'), 'fr_1', 0, NOW)).toThrow(/whole number of minutes/);
  });
});

describe('decideReminders', () => {
  const s1 = waiting('fr_1', 'cp_1', { title: 'Release train', checkpoint: { ...checkpoint('cp_1'), step: 'Deploy', prompt: 'Ship it?', requestedAt: ago(35 * MINUTE) } });

  it('a due reminder notifies once more, marked as a reminder, with the sound', () => {
    const d = decide([[auto('cp_1', 'fr_1', NOW - 31 * MINUTE), s1]]);
    expect(d.events).toEqual([
      {
        event: 'notify',
        kind: 'reminder',
        sound: true,
        sessionId: 'fr_1',
        checkpointId: 'cp_1',
        title: 'Reminder: Release train',
        body: 'Waiting 35 min: Deploy — Ship it?',
        at: iso(NOW),
      },
    ]);
    expect(d.done).toEqual([{ checkpointId: 'cp_1', kind: 'auto' }]);
    // On screen now, whatever its first alert was: a decision elsewhere must take it back.
    expect(d.shown).toEqual([{ checkpointId: 'cp_1', sessionId: 'fr_1' }]);
  });

  it('leaves reminders not yet due alone (not done), and plays no sound when the person turned it off', () => {
    const nothing = { events: [], done: [], shown: [] };
    expect(decide([[auto('cp_1', 'fr_1', NOW - 29 * MINUTE), s1]])).toEqual(nothing);
    expect(decide([[later('cp_1', 'fr_1', NOW + 1), s1]])).toEqual(nothing);
    expect(decide([[auto('cp_1', 'fr_1', NOW - HOUR), s1]], { settings: { reminderMinutes: null } })).toEqual(nothing);
    expect(decide([[later('cp_1', 'fr_1', NOW), s1]], { settings: { sound: false } }).events[0]?.sound).toBe(false);
  });

  it('drops (done, no banner) one whose checkpoint was decided or replaced, or whose session is gone', () => {
    const decided = flowRun({ id: 'fr_1', status: 'running' });
    const next = waiting('fr_1', 'cp_2');
    for (const session of [decided, next, null]) {
      expect(decide([[auto('cp_1', 'fr_1', NOW - HOUR), session]])).toEqual({ events: [], done: [{ checkpointId: 'cp_1', kind: 'auto' }], shown: [] });
    }
  });

  it('drops, never defers, one due while snoozed or in quiet hours, and an automatic one of a muted flow', () => {
    const due: Array<[ScheduledReminder, Session]> = [[auto('cp_1', 'fr_1', NOW - HOUR), s1], [later('cp_1', 'fr_1', NOW), s1]];
    const cases: Array<Parameters<typeof decide>[1]> = [
      { settings: { snoozedUntil: NOW + 1 } },
      { settings: { quietHours: { start: '22:00', end: '07:00' } }, minute: 23 * 60 },
    ];
    for (const opts of cases) {
      const d = decide(due, opts);
      expect(d.events).toEqual([]);
      expect(d.shown).toEqual([]);
      expect(d.done).toEqual([{ checkpointId: 'cp_1', kind: 'auto' }, { checkpointId: 'cp_1', kind: 'later' }]);
    }
  });

  it('mutes the automatic reminder of a muted flow, not the one the person asked for', () => {
    const muted = { settings: { mutedFlows: [{ id: 'fl_1', name: 'Dependency upgrade' }] } };
    const auto1 = decide([[auto('cp_1', 'fr_1', NOW - HOUR), s1]], muted);
    expect([auto1.events, auto1.done]).toEqual([[], [{ checkpointId: 'cp_1', kind: 'auto' }]]);
    expect(decide([[later('cp_1', 'fr_1', NOW), s1]], muted).events.map((e) => e.checkpointId)).toEqual(['cp_1']);
  });

  it("auto follows the scope as it is now; 'Remind me later' was asked for, so it does not", () => {
    const theirs = waiting('fr_2', 'cp_2', { owner: GRACE });
    expect(decide([[auto('cp_2', 'fr_2', NOW - HOUR), theirs]]).events).toEqual([]);
    expect(decide([[auto('cp_2', 'fr_2', NOW - HOUR), theirs]], { settings: { scope: 'all' } }).events).toHaveLength(1);
    expect(decide([[later('cp_2', 'fr_2', NOW), theirs]]).events).toHaveLength(1);
  });

  it('both kinds due for one checkpoint make one banner; both are done', () => {
    const d = decide([[auto('cp_1', 'fr_1', NOW - HOUR), s1], [later('cp_1', 'fr_1', NOW - 1), s1]]);
    expect(d.events.map((e) => e.checkpointId)).toEqual(['cp_1']);
    expect(d.done).toHaveLength(2);
  });

  it('a task waiting at a checkpoint is reminded too (no flow, so never muted)', () => {
    const t = task({ id: 'bt_1', status: 'waiting', checkpoint: checkpoint('cp_t') });
    expect(decide([[auto('cp_t', 'bt_1', NOW - HOUR), t]], { settings: { mutedFlows: [{ id: 'fl_1', name: 'x' }] } }).events).toHaveLength(1);
  });

  it('past the burst limit, one summary, longest wait first', () => {
    const sessions = [1, 2, 3, 4].map((i) => waiting(`fr_${i}`, `cp_${i}`, { checkpoint: { ...checkpoint(`cp_${i}`), requestedAt: ago(i * HOUR) } }));
    const d = decide(sessions.map((s) => [auto(s.checkpoint!.id, s.id, NOW - HOUR), s]));
    expect(d.events).toEqual([
      {
        event: 'summary',
        kind: 'reminder',
        sound: true,
        sessionId: null,
        checkpointId: null,
        title: 'Reminder: 4 approvals still waiting',
        body: 'Session fr_4, Session fr_3, Session fr_2, Session fr_1',
        at: iso(NOW),
        sessionIds: ['fr_4', 'fr_3', 'fr_2', 'fr_1'],
      },
    ]);
    expect(d.done).toHaveLength(4);
    expect(d.shown.map((c) => c.checkpointId)).toEqual(['cp_4', 'cp_3', 'cp_2', 'cp_1']);
  });
});
