// The data the driver hands tests (see driver.ts).
import type { Page } from 'playwright-core';

export interface Rectangle { x: number; y: number; width: number; height: number }
export interface DisplaySpec { bounds: Rectangle; workArea?: Rectangle; scaleFactor?: number; id?: number; label?: string }
export interface LaunchOptions {
  /** The app's directory (its package.json gives getName/getVersion); default: this repo. */
  root?: string;
  /** The main script; default `<root>/out/main/index.js` (the built app). */
  main?: string;
  /** app.getPath('userData'); default: a fresh temp dir removed on close. */
  userData?: string;
  argv?: string[];
  /** Extra environment for the main process (added to this process's env). */
  env?: Record<string, string>;
  cwd?: string;
  displays?: DisplaySpec[];
  /**
   * What process.platform says in main (default: this machine's, linux). 'win32' models what the
   * app sees of Windows: notification actions and close reasons, setAppUserModelId. Only the
   * behaviours named in the stand-in's README change; paths and the file system stay Linux's.
   */
  platform?: 'linux' | 'win32';
  /** With platform 'win32': where the tray icon sits (Tray.getBounds and a click's bounds). */
  trayBounds?: Rectangle;
  safeStorageBackend?: 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6';
  /** With a keyring backend: whether the secret service answers (default true). */
  keyringAvailable?: boolean;
  online?: boolean;
  systemDark?: boolean;
  notificationsSupported?: boolean;
  chromium?: string;
}
export interface StandinEvent { type: string; data: Record<string, unknown> }
export interface WindowInfo { id: number; visible: boolean; focused: boolean; bounds: Rectangle; url: string; targetId: string | null; page: Page }
export interface MenuItemInfo { label: string; type: string; enabled: boolean; visible: boolean; checked: boolean; id: string | null; submenu: MenuItemInfo[] | null }
export interface TrayInfo { id: number; image: { path: string | null; empty: boolean; size: { width: number; height: number } }; toolTip: string; title: string; menu: MenuItemInfo[] | null; bounds: Rectangle }
export interface NotificationInfo { id: number; title: string; body: string; [option: string]: unknown }
export interface ExitResult { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }
/** One utilityProcess.fork (electron/utility-process.mjs). `pid` stays set after exit, for logs. */
export interface UtilityProcessInfo {
  id: number; pid: number | null; alive: boolean; exitCode: number | null; signal: NodeJS.Signals | null; killed: boolean;
  modulePath: string; args: string[]; serviceName: string; stdio: string[]; cwd: string | null; execArgv: string[];
  allowLoadingUnsignedLibraries: boolean; messages: { toChild: number; fromChild: number };
}
export interface MessagePortsInfo { open: Record<string, number>; posted: number; closed: number }
