import { join } from 'node:path';
import { MessageChannelMain, utilityProcess } from 'electron';
import type { AppSettingsPort } from '../../core/api/api-host';
import type { NotifySettings } from '../../../shared/notify-settings';
import { nativeBindingPath } from '../native-binding-path';
import type { SettingsStore } from '../settings/settings-store';
import { answerCoreRequests } from './core-requests';
import { CoreSupervisor } from './core-supervisor';
import { legacyCacheOwner, profileStarts } from './profile-starts';

/** Chromium's task manager and app.getAppMetrics name the process by this. */
export const CORE_SERVICE_NAME = 'Parrot Tray core';

/**
 * The app's core as a utilityProcess (Electron's home for a Node service such as a SQLite
 * server): out/main/core.js, next to this bundle, started with the stored profiles and their tokens.
 */
export function forkCore(deps: {
  /** Main's log: the console, and the recent lines a problem report carries. */
  log: (line: string) => void;
  settings: SettingsStore;
  dataDir: string;
  appSettings: AppSettingsPort;
  openExternal(url: string): Promise<void>;
  onNotifySaved(settings: NotifySettings): void;
}): CoreSupervisor {
  const { settings } = deps;
  return new CoreSupervisor({
    // stdio piped: whatever the core prints (a native crash's last words) lands in main's log, prefixed.
    fork: () => utilityProcess.fork(join(import.meta.dirname, 'core.js'), [], { serviceName: CORE_SERVICE_NAME, stdio: 'pipe' }),
    newChannel: () => new MessageChannelMain(),
    startMessage: async () => {
      const profiles = await profileStarts(settings);
      return {
        profiles,
        dataDir: deps.dataDir,
        adoptLegacyCacheAs: legacyCacheOwner(profiles),
        nativeBinding: nativeBindingPath(),
        notify: settings.notify,
      };
    },
    answer: answerCoreRequests({
      appSettings: deps.appSettings,
      openExternal: deps.openExternal,
      saveNotify: (notify) => {
        settings.setNotify(notify);
        deps.onNotifySaved(notify);
      },
    }),
    log: deps.log,
  });
}
