import type { App } from 'electron';
import { DEEP_LINK_SCHEME, findDeepLink, parseDeepLink, type DeepLink } from './deep-link';

type DeepLinkApp = Pick<App, 'setAsDefaultProtocolClient' | 'on'>;

export interface LaunchInfo {
  /** process.defaultApp: true when run as `electron .` (development) rather than packaged. */
  defaultApp: boolean;
  execPath: string;
  argv: readonly string[];
}

/**
 * The arguments for app.setAsDefaultProtocolClient. Packaged, the executable is the app. In
 * development the executable is Electron itself, which must be told which app to load, or a
 * clicked link would open Electron's default window instead of this app.
 */
export function protocolClientArgs(launch: LaunchInfo): [string] | [string, string, string[]] {
  const appPath = launch.argv[1];
  if (launch.defaultApp && appPath !== undefined) return [DEEP_LINK_SCHEME, launch.execPath, [appPath]];
  return [DEEP_LINK_SCHEME];
}

/**
 * Registers the scheme and routes every way a link arrives to `open`: macOS's `open-url` (also
 * before ready, which is why this runs early), a second instance's argv on Windows and Linux
 * (call it after requestSingleInstanceLock succeeded), and this process's own argv on a cold start,
 * returned for the caller to open once the popover exists. A malformed link is dropped quietly.
 *
 * On macOS the scheme must also be in Info.plist (CFBundleURLTypes), and on Linux the .desktop
 * file must list `x-scheme-handler/discoparrot`; both are packaging, not runtime.
 */
export function registerDeepLinks(app: DeepLinkApp, launch: LaunchInfo, open: (link: DeepLink) => void): DeepLink | null {
  const args = protocolClientArgs(launch);
  // Packaged, the optional path and args are left out rather than passed as undefined.
  if (args.length === 1) app.setAsDefaultProtocolClient(args[0]);
  else app.setAsDefaultProtocolClient(...args);
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const link = parseDeepLink(url);
    if (link) open(link);
  });
  app.on('second-instance', (_event, argv) => {
    const link = findDeepLink(argv);
    if (link) open(link);
  });
  return findDeepLink(launch.argv);
}
