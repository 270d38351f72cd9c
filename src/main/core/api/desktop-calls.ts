import type { ApiParams, AppSettings } from '../../../shared/api';
import { ApiRequestError } from './client-host';
import type { AppSettingsPort, ProfileMethod } from './api-host';

/** The calls main answers. */
const DESKTOP_METHODS = ['getAppSettings', 'updateAppSettings', 'addProfile', 'updateProfile', 'removeProfile', 'moveProfile', 'openExternal', 'appUpdate'] as const;
export type DesktopMethod = (typeof DESKTOP_METHODS)[number];

export interface DesktopPorts {
  /** The desktop app's settings, profiles and updater (main's); absent in the web preview. */
  appSettings?: AppSettingsPort;
  openExternal?: (url: string) => Promise<void>;
  /** False where one backend is all there is (a single ApiHost): profile changes are refused in words. */
  profiles: boolean;
}

/**
 * The calls that belong to the desktop app rather than to a backend: answered by main through the
 * core, the same way by one ApiHost and by the ProfileHub. The web preview has no main: it says so.
 */
export async function desktopCall(method: DesktopMethod, params: unknown, ports: DesktopPorts): Promise<unknown> {
  const settings = (): AppSettingsPort => {
    if (!ports.appSettings) throw new ApiRequestError('these settings belong to the desktop app');
    return ports.appSettings;
  };
  switch (method) {
    case 'getAppSettings':
      return ports.appSettings ? ports.appSettings.get() : null;
    case 'updateAppSettings':
      return settings().update(params as ApiParams<'updateAppSettings'>);
    case 'addProfile':
    case 'updateProfile':
    case 'removeProfile':
    case 'moveProfile':
      if (!ports.profiles) throw new ApiRequestError('profiles are kept by the desktop app, one backend here');
      return settings().profile(method as ProfileMethod, params as ApiParams<ProfileMethod>) satisfies Promise<AppSettings>;
    case 'appUpdate':
      if (!ports.appSettings) throw new ApiRequestError('updates belong to the desktop app');
      return ports.appSettings.appUpdate((params as ApiParams<'appUpdate'>).action);
    case 'openExternal':
      if (!ports.openExternal) throw new ApiRequestError('this host cannot open links');
      await ports.openExternal((params as ApiParams<'openExternal'>).url);
      return null;
  }
}
