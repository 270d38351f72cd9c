import { AppSettingsPatch, ExternalUrl } from '../../../shared/api';
import { NotifySettings } from '../../../shared/notify-settings';
import type { AppSettingsPort } from '../../core/api/api-host';
import type { CoreRequestMethod } from '../../core/runtime/core-link';

export interface CoreRequestDeps {
  appSettings: AppSettingsPort;
  openExternal(url: string): Promise<void>;
  /** Keeps the notification settings a window changed (electron-store), and shows the snooze in the tray menu. */
  saveNotify(settings: NotifySettings): void;
}

/**
 * What main does when the core asks: the desktop settings (electron-store and safeStorage live in
 * main), the system browser, keeping notification settings. The core validated the window's
 * request already; main checks again, since it is main's store and main's browser.
 */
export function answerCoreRequests(deps: CoreRequestDeps): (method: CoreRequestMethod, params: unknown) => Promise<unknown> {
  return async (method, params) => {
    switch (method) {
      case 'getAppSettings':
        return deps.appSettings.get();
      case 'updateAppSettings':
        return deps.appSettings.update(AppSettingsPatch.parse(params));
      case 'openExternal':
        await deps.openExternal(ExternalUrl.parse((params as { url?: unknown } | null)?.url));
        return null;
      case 'saveNotify':
        deps.saveNotify(NotifySettings.parse(params));
        return null;
    }
  };
}
