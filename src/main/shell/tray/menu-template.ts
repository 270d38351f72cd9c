import { clockTime } from '../../../shared/format';
import { updateLine, type UpdateStatus } from '../../../shared/update/update-status';

/** What a menu item asks the app to do; the shell maps each to its handler. */
export type TrayMenuAction =
  | 'open-command-center'
  | 'open-sessions'
  | 'snooze-1h'
  | 'snooze-tomorrow'
  | 'resume-notifications'
  | 'open-settings'
  | 'report-problem'
  | 'install-update'
  | 'check-for-updates'
  | 'quit';

export type TrayMenuItem =
  | { kind: 'separator' }
  | { kind: 'action'; id: TrayMenuAction; label: string; enabled: boolean; accelerator?: string }
  | { kind: 'submenu'; id: string; label: string; enabled: boolean; items: TrayMenuItem[] };

export interface TrayMenuInput {
  /** NotifySettings.snoozedUntil. */
  snoozedUntil: number | null;
  now: number;
  /** The app's self-update; null where this build has no updater (run from source). */
  update?: UpdateStatus | null;
}

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function localDayNumber(at: number): number {
  const d = new Date(at);
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000;
}

/** "14:00", "tomorrow 08:00", "Fri 08:00": a bare clock time that is really tomorrow's would mislead. */
export function untilWords(until: number, now: number): string {
  const days = localDayNumber(until) - localDayNumber(now);
  if (days <= 0) return clockTime(until);
  if (days === 1) return `tomorrow ${clockTime(until)}`;
  return `${DAY_NAMES[new Date(until).getDay()] ?? ''} ${clockTime(until)}`.trim();
}

const action = (id: TrayMenuAction, label: string): TrayMenuItem => ({ kind: 'action', id, label, enabled: true });

/** "Restart to update to v1.2.3" when one is ready, then "Check for updates" (or what it is doing). */
function updateItems(update: UpdateStatus | null | undefined): TrayMenuItem[] {
  if (!update) return [{ kind: 'action', id: 'check-for-updates', label: 'Check for updates (installed builds only)', enabled: false }];
  if (update.phase === 'ready') return [action('install-update', updateLine(update)!), action('check-for-updates', 'Check for updates')];
  const busy = update.phase === 'checking' || update.phase === 'downloading';
  return [{ kind: 'action', id: 'check-for-updates', label: busy ? updateLine(update)! : 'Check for updates', enabled: !busy }];
}

/**
 * The tray's context menu as data. It is always set, not only on right-click: some Linux
 * desktops never deliver a click to the app, and there the menu is the only way in.
 * No accelerators: in a tray menu they are hints only and nothing registers them globally, so
 * showing one would promise a shortcut that does nothing.
 */
export function trayMenuTemplate(input: TrayMenuInput): TrayMenuItem[] {
  // Same rule as core/notify isSnoozed: the snooze is over at the instant it ends.
  const snoozed = input.snoozedUntil != null && input.now < input.snoozedUntil;
  const snoozeItems: TrayMenuItem[] = [action('snooze-1h', 'For 1 hour'), action('snooze-tomorrow', 'Until tomorrow')];
  if (snoozed) {
    snoozeItems.push(
      { kind: 'separator' },
      action('resume-notifications', `Resume notifications (snoozed until ${untilWords(input.snoozedUntil!, input.now)})`),
    );
  }
  return [
    action('open-command-center', 'Open Command Center'),
    action('open-sessions', 'Sessions'),
    { kind: 'separator' },
    { kind: 'submenu', id: 'snooze', label: snoozed ? 'Notifications snoozed' : 'Snooze notifications', enabled: true, items: snoozeItems },
    action('open-settings', 'Settings…'),
    action('report-problem', 'Report a problem…'),
    ...updateItems(input.update),
    { kind: 'separator' },
    action('quit', 'Quit Parrot Tray'),
  ];
}

/**
 * When the menu's words go stale: the snooze ends (the resume item must go), or local midnight
 * turns "tomorrow 08:00" into "08:00". Null when nothing in the menu depends on the time.
 */
export function menuRefreshAt(input: TrayMenuInput): number | null {
  if (input.snoozedUntil == null || input.now >= input.snoozedUntil) return null;
  const d = new Date(input.now);
  const midnight = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
  return Math.min(input.snoozedUntil, midnight);
}
