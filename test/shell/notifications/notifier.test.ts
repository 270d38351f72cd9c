import { EventEmitter } from 'node:events';
import type { Notification as ElectronNotification, NotificationConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { CommandReply } from '../../../src/main/core/commands/command-client';
import { Notifier, setNotificationIdentity, type NotificationConstructor, type NotifierDeps } from '../../../src/main/shell/notifications/notifier';
import { approval, failure, summary, withdraw } from './events';

// Compile-time only: Electron's own class fits where the fake goes.
const electronFits: NotificationConstructor | undefined = undefined as unknown as typeof ElectronNotification | undefined;
void electronFits;

/** Electron's Notification as far as the notifier can tell: options in, show/close, events out. */
class FakeNotification extends EventEmitter {
  static made: FakeNotification[] = [];
  shown = 0;
  closed = 0;
  constructor(readonly options: NotificationConstructorOptions) {
    super();
    FakeNotification.made.push(this);
  }
  show() {
    this.shown++;
  }
  close() {
    this.closed++;
  }
  /** What Electron 45 passes: the details event, then the deprecated index. */
  press(actionIndex: number) {
    this.emit('action', { actionIndex, selectionIndex: -1, preventDefault() {} }, actionIndex, -1);
  }
}

function setup(overrides: Partial<NotifierDeps> = {}) {
  FakeNotification.made = [];
  const opened: Array<string | null> = [];
  let settle: (reply: CommandReply) => void = () => {};
  const approve = vi.fn((_sessionId: string, _checkpointId: string) => new Promise<CommandReply>((resolve) => (settle = resolve)));
  const notifier = new Notifier({
    Notification: FakeNotification,
    platform: 'darwin',
    icon: '/app/icon.png',
    openSession: (id) => opened.push(id),
    approve,
    ...overrides,
  });
  const last = (): FakeNotification => FakeNotification.made.at(-1)!;
  return { notifier, opened, approve, settle: (reply: CommandReply) => settle(reply), last, made: FakeNotification.made };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Notifier', () => {
  it('shows an approval with its buttons and icon and keeps it by checkpoint id', () => {
    const { notifier, last } = setup();
    notifier.handle(approval);
    expect(last().options).toEqual({
      title: 'Approval needed: Nightly build',
      body: 'Deploy — Ship it?',
      silent: false,
      urgency: 'normal',
      icon: '/app/icon.png',
      actions: [
        { type: 'button', text: 'Approve' },
        { type: 'button', text: 'Open' },
        { type: 'button', text: 'Remind me in 1 h' },
      ],
    });
    expect(last().shown).toBe(1);
    expect(notifier.keys).toEqual(['cp_1']);
  });

  it('closes the right notification on a withdraw and lets go of it', () => {
    const { notifier, made } = setup();
    notifier.handle(approval);
    notifier.handle(failure);
    notifier.handle(withdraw);
    expect(made.map((n) => n.closed)).toEqual([1, 0]);
    expect(notifier.keys).toEqual(['failed:fr_2']);
    notifier.handle(withdraw);
    expect(made[0]?.closed).toBe(1);
    expect(made).toHaveLength(2);
  });

  it("withdraws only its own tenant's banner when two tenants use the same checkpoint id", () => {
    const { notifier, made, approve } = setup();
    notifier.handle({ ...approval, sessionId: 'acme/fr_1', title: 'Acme · Approval needed: Nightly build' });
    notifier.handle({ ...approval, sessionId: 'globex/fr_1', title: 'Globex · Approval needed: Nightly build' });
    notifier.handle({ ...withdraw, sessionId: 'acme/fr_1' });
    expect(made.map((n) => n.closed)).toEqual([1, 0]);
    expect(notifier.keys).toEqual(['globex/cp_1']);
    made[1]?.press(0);
    expect(approve.mock.calls).toEqual([['globex/fr_1', 'cp_1']]);
  });

  it('opens the session on a click, and the popover alone for a summary', () => {
    const { notifier, opened, made } = setup();
    notifier.handle(approval);
    notifier.handle(summary);
    made[0]?.emit('click', {});
    made[1]?.emit('click', {});
    expect(opened).toEqual(['fr_1', null]);
    expect(notifier.keys).toEqual([]);
  });

  it('Approve approves that checkpoint once, then shows the result', async () => {
    const { notifier, approve, settle, made, opened } = setup();
    notifier.handle(approval);
    made[0]?.press(0);
    made[0]?.press(0);
    expect(approve.mock.calls).toEqual([['fr_1', 'cp_1']]);
    expect(notifier.keys).toEqual([]);
    settle({ ok: true });
    await tick();
    expect(made).toHaveLength(2);
    expect(made[1]?.options).toMatchObject({ title: 'Approved: Nightly build', actions: [], silent: true });
    expect(notifier.keys).toEqual(['result:cp_1']);
    made[1]?.emit('click', {});
    expect(opened).toEqual(['fr_1']);
  });

  it('shows why an approval failed, also when the command itself throws', async () => {
    const { notifier, settle, made } = setup();
    notifier.handle(approval);
    made[0]?.press(0);
    settle({ ok: false, code: 'offline', message: 'offline: not connected to Disco Parrot, so nothing was sent' });
    await tick();
    expect(made[1]?.options).toMatchObject({ title: 'Not approved: Nightly build', body: 'offline: not connected to Disco Parrot, so nothing was sent (offline)' });

    const throwing = setup({ approve: () => Promise.reject(new Error('boom')) });
    throwing.notifier.handle(approval);
    throwing.made[0]?.press(0);
    await tick();
    expect(throwing.made[1]?.options).toMatchObject({ title: 'Not approved: Nightly build', body: 'boom (internal)' });
  });

  it('Open opens the session without approving; the legacy index argument is understood too', () => {
    const { notifier, approve, opened, made } = setup();
    notifier.handle(approval);
    made[0]?.press(1);
    notifier.handle({ ...approval, checkpointId: 'cp_2' });
    made[1]?.emit('action', undefined, 1);
    expect(opened).toEqual(['fr_1', 'fr_1']);
    expect(approve).not.toHaveBeenCalled();
  });

  it('on Linux shows no buttons: a click is the way in', () => {
    const { notifier, last, opened } = setup({ platform: 'linux' });
    notifier.handle(approval);
    expect(last().options.actions).toEqual([]);
    last().emit('click', {});
    expect(opened).toEqual(['fr_1']);
  });

  it('keeps a timed-out banner (it may sit in the Action Center) but lets go of a dismissed one', () => {
    const { notifier, made } = setup({ platform: 'win32' });
    notifier.handle(approval);
    notifier.handle(failure);
    made[0]?.emit('close', { reason: 'timedOut' });
    made[1]?.emit('close', { reason: 'userCanceled' });
    expect(notifier.keys).toEqual(['cp_1']);
    notifier.handle(withdraw);
    expect(made[0]?.closed).toBe(1);
  });

  it('keeps at most maxKept, letting the oldest go first', () => {
    const { notifier } = setup({ maxKept: 2 });
    for (const id of ['cp_a', 'cp_b', 'cp_c']) notifier.handle({ ...approval, checkpointId: id });
    expect(notifier.keys).toEqual(['cp_b', 'cp_c']);
  });

  it('logs a failed show and closes everything on closeAll', () => {
    const log = vi.fn();
    const { notifier, made } = setup({ log });
    notifier.handle(approval);
    notifier.handle(summary);
    made[0]?.emit('failed', {}, 'not permitted');
    expect(log).toHaveBeenCalledWith('notification "cp_1" could not be shown: not permitted');
    notifier.closeAll();
    expect(made.map((n) => n.closed)).toEqual([1, 1]);
    expect(notifier.keys).toEqual([]);
  });
});

describe('setNotificationIdentity', () => {
  it('sets the AppUserModelId on Windows only', () => {
    const calls: string[] = [];
    const app = { setAppUserModelId: (id: string) => void calls.push(id) };
    for (const platform of ['darwin', 'linux', 'win32']) setNotificationIdentity(app, platform, 'com.discoparrot.tray');
    expect(calls).toEqual(['com.discoparrot.tray']);
  });
});
