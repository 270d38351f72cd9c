import { REMIND_LATER_MINUTES } from '../../../shared/notify-settings';
import type { App, NotificationConstructorOptions } from 'electron';
import type { CommandReply } from '../../core/commands/command-client';
import type { NotifyEvent } from '../../core/notify/policy';
import {
  ACTION_APPROVE,
  ACTION_OPEN,
  ACTION_REMIND,
  planApprovalResult,
  planNotification,
  type ShowNotification,
} from './notification-map';

/** The part of Electron's Notification the notifier uses; tests pass a fake class. */
export interface NotificationHandle {
  show(): void;
  close(): void;
  on(event: 'click', listener: () => void): unknown;
  on(event: 'action', listener: (details: { actionIndex?: number } | undefined, actionIndex?: number) => void): unknown;
  on(event: 'close', listener: (details: { reason?: string } | undefined) => void): unknown;
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown;
}
export type NotificationConstructor = new (options: NotificationConstructorOptions) => NotificationHandle;

export interface NotifierDeps {
  /** Electron's `Notification` class. */
  Notification: NotificationConstructor;
  /** process.platform: actions are offered only where Electron shows them. */
  platform: string;
  icon?: string;
  /** Shows the popover, at this session when one is given. */
  openSession: (sessionId: string | null) => void;
  /** companion.commands.run({ action: 'approve', sessionId, checkpointId }). */
  approve: (sessionId: string, checkpointId: string) => Promise<CommandReply>;
  /** companion.remindLater(sessionId, minutes), through the core; a refusal is logged. */
  remindLater?: (sessionId: string, minutes: number) => void | Promise<unknown>;
  /** Gets notification texts and keys only, never a token. */
  log?: (message: string) => void;
  /** How many shown notifications are kept referenced; see `kept`. */
  maxKept?: number;
}

const DEFAULT_MAX_KEPT = 50;

/**
 * Windows shows a toast only for an app whose AppUserModelId matches its Start-menu shortcut, so
 * this runs once before the first notification with the installer's appId (in development,
 * process.execPath). Other platforms take the app's identity from the bundle or desktop entry.
 */
export function setNotificationIdentity(app: Pick<App, 'setAppUserModelId'>, platform: string, appId: string): void {
  if (platform === 'win32') app.setAppUserModelId(appId);
}

/**
 * Displays what the core's notification policy decided; it decides nothing itself. Snooze and
 * quiet hours are applied by the policy before an event gets here, and so is the promise that a
 * resync after sleep, unlock or a reconnect does not alert again: the policy alerts a checkpoint
 * only when the notification memory (`recall`, persisted in the cache by Companion.notify through
 * cache.remember) has never seen it. Nothing here needs to de-duplicate.
 */
export class Notifier {
  /**
   * Oldest first. Electron closes a Notification the garbage collector takes, and a withdraw needs
   * the object to close it, so every shown one stays referenced until it is clicked, acted on,
   * withdrawn or dismissed by the person. 'close' is not reliable (and on Windows and macOS a
   * timed-out banner still sits in the Action/Notification Center, where close() removes it), so
   * the list is capped and the oldest is let go first: by then it is long off screen.
   */
  private readonly kept: Array<{ key: string; notification: NotificationHandle }> = [];

  constructor(private readonly deps: NotifierDeps) {}

  /** Feed it every `notification` event of the Companion. */
  handle(event: NotifyEvent): void {
    const plan = planNotification(event, { platform: this.deps.platform, ...(this.deps.icon ? { icon: this.deps.icon } : {}) });
    if ('withdraw' in plan) this.withdraw(plan.withdraw);
    else this.show(plan);
  }

  show(plan: ShowNotification): void {
    // A reminder stands in for its checkpoint's earlier banner: one banner per decision on screen.
    if (plan.replaces) this.withdraw(plan.key);
    const notification = new this.deps.Notification(toOptions(plan));
    let acted = false;
    notification.on('click', () => {
      this.forget(notification);
      this.deps.openSession(plan.openSessionId);
    });
    notification.on('action', (details, legacyIndex) => {
      // Windows can deliver one press twice (banner, then Action Center); approve once only.
      if (acted) return;
      acted = true;
      this.forget(notification);
      const index = details?.actionIndex ?? legacyIndex;
      if (index === ACTION_APPROVE && plan.approve) void this.approve(plan);
      else if (index === ACTION_REMIND && plan.approve) void this.remindLater(plan.approve.sessionId);
      else if (index === ACTION_OPEN || index === ACTION_APPROVE || index === ACTION_REMIND) this.deps.openSession(plan.openSessionId);
    });
    notification.on('close', (details) => {
      if (details?.reason !== 'timedOut') this.forget(notification);
    });
    notification.on('failed', (_event, error) => this.deps.log?.(`notification "${plan.key}" could not be shown: ${error}`));
    this.kept.push({ key: plan.key, notification });
    while (this.kept.length > (this.deps.maxKept ?? DEFAULT_MAX_KEPT)) this.kept.shift();
    notification.show();
  }

  /** Closes every kept notification under `key` (a checkpoint decided elsewhere, or gone). */
  withdraw(key: string): void {
    for (const entry of this.kept.filter((e) => e.key === key)) {
      this.forget(entry.notification);
      entry.notification.close();
    }
  }

  /** At quit or sign-out: nothing stale stays on screen. */
  closeAll(): void {
    for (const { notification } of this.kept.splice(0)) notification.close();
  }

  /** The keys of the notifications still kept, oldest first (for tests and diagnostics). */
  get keys(): string[] {
    return this.kept.map((e) => e.key);
  }

  private async approve(plan: ShowNotification): Promise<void> {
    const target = plan.approve!;
    let reply: CommandReply;
    try {
      reply = await this.deps.approve(target.sessionId, target.checkpointId);
    } catch (error) {
      reply = { ok: false, code: 'internal', message: error instanceof Error ? error.message : String(error) };
    }
    this.show(planApprovalResult(plan, reply));
  }

  private async remindLater(sessionId: string): Promise<void> {
    // Without a way to the core (an older caller), the session is opened: its row menu reminds.
    if (!this.deps.remindLater) return this.deps.openSession(sessionId);
    try {
      await this.deps.remindLater(sessionId, REMIND_LATER_MINUTES);
    } catch (error) {
      this.deps.log?.(`"Remind me in 1 h" for ${sessionId} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private forget(notification: NotificationHandle): void {
    const index = this.kept.findIndex((e) => e.notification === notification);
    if (index >= 0) this.kept.splice(index, 1);
  }
}

function toOptions(plan: ShowNotification): NotificationConstructorOptions {
  return {
    title: plan.title,
    body: plan.body,
    silent: plan.silent,
    urgency: plan.urgency,
    actions: plan.actions,
    ...(plan.icon ? { icon: plan.icon } : {}),
  };
}
