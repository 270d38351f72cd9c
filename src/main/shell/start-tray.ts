import { join } from 'node:path';
import type { App, Rectangle } from 'electron';
import { snoozeFor, snoozeUntilTomorrow, ONE_HOUR_MS } from '../core/notify';
import type { CoreSummary } from '../core/runtime/core-link';
import type { UpdateStatus } from '../../shared/update/update-status';
import type { CoreSupervisor } from './core/core-supervisor';
import { Notifier, type NotificationConstructor } from './notifications/notifier';
import type { SettingsStore } from './settings/settings-store';
import { iconDirectory } from './tray/icon-files';
import type { TrayMenuAction } from './tray/menu-template';
import { TrayController, type TrayElectron } from './tray/tray-controller';
import type { Popover } from './windows/popover-window';
import { POPOVER_SIZE } from './windows/popover-window';

const localMinute = (now: number) => new Date(now).getHours() * 60 + new Date(now).getMinutes();

/**
 * The tray and the notifications, fed by the core's summary and notification messages (the core
 * coalesces the counts); the snooze is main's, kept in the settings and told to the core.
 */
export function startTray(deps: {
  electron: TrayElectron & { Notification: NotificationConstructor };
  app: Pick<App, 'quit' | 'isPackaged' | 'getAppPath'>;
  core: CoreSupervisor;
  settings: SettingsStore;
  popover: Popover;
  /** "Report a problem…" (shell/diagnostics/report-problem.ts). */
  reportProblem: () => void;
  /** The tray's "Restart to update" and "Check for updates". */
  appUpdate: (action: 'install' | 'check') => void;
}): { popoverBounds: () => Rectangle; setSnoozedUntil: (until: number | null) => void; setUpdate: (update: UpdateStatus | null) => void } {
  const { electron, app, core, settings, popover } = deps;
  const setSnooze = (until: number | null) => {
    settings.setNotify({ snoozedUntil: until });
    core.send({ t: 'notifySettings', patch: { snoozedUntil: until } });
    tray.setSnoozedUntil(until);
  };
  const onMenuAction = (action: TrayMenuAction) => {
    const now = Date.now();
    const actions: Record<TrayMenuAction, () => void> = {
      'open-command-center': () => popover.navigate({ name: 'popover' }, tray.popoverBounds()),
      'open-sessions': () => popover.navigate({ name: 'sessions' }, tray.popoverBounds()),
      'open-settings': () => popover.navigate({ name: 'settings' }, tray.popoverBounds()),
      'snooze-1h': () => setSnooze(snoozeFor(now, ONE_HOUR_MS)),
      'snooze-tomorrow': () => setSnooze(snoozeUntilTomorrow(now, localMinute(now))),
      'resume-notifications': () => setSnooze(null),
      'report-problem': () => deps.reportProblem(),
      'install-update': () => deps.appUpdate('install'),
      'check-for-updates': () => deps.appUpdate('check'),
      quit: () => app.quit(),
    };
    actions[action]();
  };
  const iconDir = iconDirectory({ isPackaged: app.isPackaged, resourcesPath: (process as { resourcesPath?: string }).resourcesPath ?? '', appPath: app.getAppPath() });
  const tray = new TrayController({
    electron,
    platform: process.platform,
    iconDir,
    popoverSize: POPOVER_SIZE,
    togglePopover: (bounds) => popover.toggle(bounds),
    onMenuAction,
    snoozedUntil: settings.notify.snoozedUntil,
  });

  let summary: CoreSummary = core.summary ?? { phase: 'connecting', active: 0, needsYou: 0, demo: false, offlineSince: null, troubled: [] };
  let problem: string | null = null;
  const render = () => tray.update({ ...summary, problem });
  core.on('summary', (next) => {
    summary = next;
    render();
  });
  core.on('trouble', (words) => {
    problem = words;
    render();
  });

  const notifier = new Notifier({
    Notification: electron.Notification,
    platform: process.platform,
    // The app's own picture on the banner, not Electron's.
    icon: join(iconDir, 'approvals-light@2x.png'),
    openSession: (id) => (id ? popover.openSession(id, tray.popoverBounds()) : popover.show(tray.popoverBounds())),
    approve: (sessionId, checkpointId) => core.command({ action: 'approve', sessionId, checkpointId }),
    remindLater: (sessionId, minutes) => core.send({ t: 'remindLater', params: { sessionId, minutes } }),
    log: (message) => console.warn(message),
  });
  core.on('notify', (event) => notifier.handle(event));
  return { popoverBounds: () => tray.popoverBounds(), setSnoozedUntil: (until) => tray.setSnoozedUntil(until), setUpdate: (update) => tray.setUpdate(update) };
}
