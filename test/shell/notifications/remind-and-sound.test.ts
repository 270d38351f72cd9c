import { EventEmitter } from 'node:events';
import type { NotificationConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { NotifyEvent } from '../../../src/main/core/notify';
import { ACTION_REMIND, notificationKey, planNotification, type ShowNotification } from '../../../src/main/shell/notifications/notification-map';
import { REMIND_LATER_MINUTES } from '../../../src/shared/notify-settings';
import { Notifier, type NotifierDeps } from '../../../src/main/shell/notifications/notifier';
import { approval, failure, followUp, reminder, summary, withdraw } from './events';

const show = (event: NotifyEvent, platform = 'darwin'): ShowNotification => {
  const plan = planNotification(event, { platform });
  if ('withdraw' in plan) throw new Error('expected a notification to show');
  return plan;
};

class FakeNotification extends EventEmitter {
  static made: FakeNotification[] = [];
  closed = 0;
  constructor(readonly options: NotificationConstructorOptions) {
    super();
    FakeNotification.made.push(this);
  }
  show() {}
  close() {
    this.closed++;
  }
  press(actionIndex: number) {
    this.emit('action', { actionIndex, selectionIndex: -1 }, actionIndex, -1);
  }
}

function setup(overrides: Partial<NotifierDeps> = {}) {
  FakeNotification.made = [];
  const opened: Array<string | null> = [];
  const remindLater = vi.fn((_sessionId: string, _minutes: number) => undefined as void);
  const notifier = new Notifier({
    Notification: FakeNotification,
    platform: 'darwin',
    openSession: (id) => opened.push(id),
    approve: async () => ({ ok: true }),
    remindLater,
    ...overrides,
  });
  return { notifier, opened, remindLater, made: FakeNotification.made };
}

describe('sound: the core decides, the banner obeys', () => {
  it('passes silent: !event.sound for every kind', () => {
    for (const event of [approval, reminder, summary, failure, followUp]) {
      expect(show(event).silent).toBe(!event.sound);
      expect(show({ ...event, sound: !event.sound }).silent).toBe(event.sound);
    }
  });

  it('a follow-up is keyed by its session, at normal urgency, without buttons', () => {
    expect(show(followUp, 'win32')).toMatchObject({ key: 'follow-up:fr_1', actions: [], urgency: 'normal', openSessionId: 'fr_1', silent: true });
    expect(notificationKey(followUp)).not.toBe(notificationKey(failure));
  });
});

describe('Remind me in 1 h', () => {
  it('a reminder offers the same buttons as its approval, under the same key, and replaces it', () => {
    const plan = show(reminder, 'win32');
    expect(plan.key).toBe(show(approval, 'win32').key);
    expect(plan.actions.map((a) => a.text)).toEqual(['Approve', 'Open', 'Remind me in 1 h']);
    expect(plan.replaces).toBe(true);
    expect(show(approval).replaces).toBeUndefined();
    expect(show(reminder, 'linux').actions).toEqual([]);
  });

  it('pressing it asks the core for a reminder in 60 minutes, once, and neither approves nor opens', () => {
    const approve = vi.fn(async () => ({ ok: true as const }));
    const { notifier, remindLater, opened, made } = setup({ approve });
    notifier.handle(reminder);
    made[0]!.press(ACTION_REMIND);
    made[0]!.press(ACTION_REMIND);
    expect(remindLater.mock.calls).toEqual([['fr_1', REMIND_LATER_MINUTES]]);
    expect(REMIND_LATER_MINUTES).toBe(60);
    expect(approve).not.toHaveBeenCalled();
    expect(opened).toEqual([]);
    expect(notifier.keys).toEqual([]);
  });

  it('a refusal from the core is logged, not thrown', async () => {
    const log = vi.fn();
    const { notifier, made } = setup({ log, remindLater: () => Promise.reject(new Error('"Nightly build" is not waiting for a decision')) });
    notifier.handle(approval);
    made[0]!.press(ACTION_REMIND);
    await new Promise((r) => setImmediate(r));
    expect(log).toHaveBeenCalledWith('"Remind me in 1 h" for fr_1 failed: "Nightly build" is not waiting for a decision');
  });

  it('without a way to the core the session is opened instead (its row menu reminds)', () => {
    const { notifier, opened, made } = setup({ remindLater: undefined });
    notifier.handle(approval);
    made[0]!.press(ACTION_REMIND);
    expect(opened).toEqual(['fr_1']);
  });

  it('a reminder closes the approval banner still kept for its checkpoint; a withdraw closes the reminder', () => {
    const { notifier, made } = setup();
    notifier.handle(approval);
    notifier.handle(failure);
    notifier.handle(reminder);
    expect(made.map((n) => n.closed)).toEqual([1, 0, 0]);
    expect(notifier.keys).toEqual(['failed:fr_2', 'cp_1']);
    notifier.handle(withdraw);
    expect(made.map((n) => n.closed)).toEqual([1, 0, 1]);
  });
});
