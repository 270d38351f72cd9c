import type { RelaunchOptions } from 'electron';
import { isDeepLinkArgument } from './deep-link/deep-link';

/**
 * How to start this app again after a change of backend. Usually Electron's defaults (the same
 * executable and arguments). An AppImage runs from a mount that goes away when the app exits, so
 * relaunching process.execPath (inside the mount) starts nothing: the AppImage file itself,
 * $APPIMAGE, is what to run (electron-builder issues 1727 and 4650). A link that started this
 * run is not opened a second time.
 */
export function relaunchOptions(env: NodeJS.ProcessEnv, argv: readonly string[]): RelaunchOptions | undefined {
  const args = argv.slice(1).filter((arg) => !isDeepLinkArgument(arg));
  if (env.APPIMAGE) return { execPath: env.APPIMAGE, args };
  return args.length === argv.length - 1 ? undefined : { args };
}
