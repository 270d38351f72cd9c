import { join } from 'node:path';
import type { App, Rectangle } from 'electron';
import { snoozeFor, snoozeUntilTomorrow, ONE_HOUR_MS } from '../core/notify';
import { Notifier, type NotificationConstructor } from './notifications/notifier';
import type { SettingsStore } from './settings/settings-store';
import type { RunningCompanion } from './start-companion';
import { iconDirectory } from './tray/icon-files';
import type { TrayMenuAction } from './tray/menu-template';
import { TrayController, type TrayElectron } from './tray/tray-controller';
import { trayCounts } from './tray/tray-state';
import type { Popover } from './windows/popover-window';
import { POPOVER_SIZE } from './windows/popover-window';

const localMinute = (now: number) => new Date(now).getHours() * 60 + new Date(now).getMinutes();

/** The tray and the notifications, fed by the companion; counts refresh at most once a second. */
export function startTray(deps: {
  electron: TrayElectron & { Notification: NotificationConstructor };
  app: Pick<App, 'quit' | 'isPackaged' | 'getAppPath'>;
  running: RunningCompanion;
  settings: SettingsStore;
  popover: Popover;
}): { popoverBounds: () => Rectangle } {
  const { electron, app, running, settings, popover } = deps;
  const { companion } = running;
  const setSnooze = (until: number | null) => {
    companion.notifySettings = { ...companion.notifySettings, snoozedUntil: until };
    settings.setNotify({ snoozedUntil: until });
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
    snoozedUntil: companion.notifySettings.snoozedUntil,
  });

  let pending: NodeJS.Timeout | null = null;
  const refresh = () => {
    pending ??= setTimeout(() => {
      pending = null;
      const now = companion.sync.now();
      const state = companion.connection.state;
      tray.update({ ...trayCounts(companion.cache.query({ view: 'active' }, now), now), phase: state.phase, demo: running.demo, offlineSince: state.offlineSince });
    }, 1000);
  };
  companion.on('applied', refresh);
  companion.on('state', refresh);
  refresh();

  const notifier = new Notifier({
    Notification: electron.Notification,
    platform: process.platform,
    // The app's own picture on the banner, not Electron's.
    icon: join(iconDir, 'approvals-light@2x.png'),
    openSession: (id) => (id ? popover.openSession(id, tray.popoverBounds()) : popover.show(tray.popoverBounds())),
    approve: (sessionId, checkpointId) => companion.commands.run({ action: 'approve', sessionId, checkpointId }),
  });
  companion.on('notification', (event) => notifier.handle(event));
  return { popoverBounds: () => tray.popoverBounds() };
}
