import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface OpenAtLoginDeps {
  platform: string;
  /** app.setLoginItemSettings: macOS and Windows only (docs/api/app.md); a no-op on Linux. */
  setLoginItemSettings(settings: { openAtLogin: boolean }): void;
  env: NodeJS.ProcessEnv;
  home: string;
  /** What starts this app: the AppImage file, the installed binary, or Electron with the app's folder. */
  command: string[];
}

/** Where freedesktop.org's Desktop Application Autostart spec looks at login. */
export function autostartFile(env: NodeJS.ProcessEnv, home: string): string {
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'autostart', 'parrot-tray.desktop');
}

// The Desktop Entry spec's Exec quoting: an argument with a reserved character goes in double
// quotes, inside which ", `, $ and \ are escaped.
const quote = (arg: string) => (/[\s"'\\><~|&;$*?#()`]/.test(arg) ? `"${arg.replace(/["`$\\]/g, '\\$&')}"` : arg);

export function autostartEntry(command: string[]): string {
  return ['[Desktop Entry]', 'Type=Application', 'Name=Parrot Tray', 'Comment=What your agents are doing right now', `Exec=${command.map(quote).join(' ')}`, 'X-GNOME-Autostart-enabled=true', 'Terminal=false', ''].join('\n');
}

/**
 * "Open at login". Electron does this on macOS and Windows; on Linux it does nothing, so the app
 * writes (or removes) an XDG autostart entry itself, and the setting means what it says.
 */
export function applyOpenAtLogin(open: boolean, deps: OpenAtLoginDeps): void {
  if (deps.platform !== 'linux') return deps.setLoginItemSettings({ openAtLogin: open });
  const file = autostartFile(deps.env, deps.home);
  if (!open) return rmSync(file, { force: true });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, autostartEntry(deps.command));
}

/** The command that starts this app again, for the autostart entry. */
export function launchCommand(env: NodeJS.ProcessEnv, launch: { defaultApp: boolean; execPath: string; appPath: string }): string[] {
  if (env.APPIMAGE) return [env.APPIMAGE];
  return launch.defaultApp ? [launch.execPath, launch.appPath] : [launch.execPath];
}
