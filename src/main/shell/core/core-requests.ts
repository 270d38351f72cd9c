import { API_METHODS, AppSettingsPatch, ExternalUrl, type ApiParams } from '../../../shared/api';
import { NotifySettings } from '../../../shared/notify-settings';
import type { AppSettingsPort, ProfileMethod } from '../../core/api/api-host';
import type { CoreRequestMethod } from '../../core/runtime/core-link';

export interface CoreRequestDeps {
  appSettings: AppSettingsPort;
  openExternal(url: string): Promise<void>;
  /** Keeps the notification settings a window changed (electron-store), and shows the snooze in the tray menu. */
  saveNotify(settings: NotifySettings): void;
}

/** Checked with the method's own schema; what is wrong is said by the schema's messages only, never with the values (a token among them). */
function profileRequest<M extends ProfileMethod>(port: AppSettingsPort, method: M, raw: unknown) {
  const parsed = API_METHODS[method].params.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid ${method} request: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return port.profile(method, parsed.data as ApiParams<M>);
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
      case 'addProfile':
      case 'updateProfile':
      case 'removeProfile':
      case 'moveProfile':
        return profileRequest(deps.appSettings, method, params);
      case 'openExternal':
        await deps.openExternal(ExternalUrl.parse((params as { url?: unknown } | null)?.url));
        return null;
      case 'appUpdate':
        return deps.appSettings.appUpdate(API_METHODS.appUpdate.params.parse(params).action);
      case 'saveNotify':
        deps.saveNotify(NotifySettings.parse(params));
        return null;
    }
  };
}
