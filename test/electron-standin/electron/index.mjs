// The `electron` module of the main process. Every named export Electron 45 has on Linux that the
// stand-in models is here; importing one it lacks fails at link time ("does not provide an
// export named ..."), and touching an unmodelled member of a modelled object throws with its name.
import { app, bootApp } from './app.mjs';
import { autoUpdater } from './auto-updater.mjs';
import { BrowserWindow, describeWindows, windowById } from './browser-window.mjs';
import { globalShortcut } from './global-shortcut.mjs';
import { ipcMain } from './ipc-main.mjs';
import { MenuGuarded as Menu, MenuItemGuarded as MenuItem } from './menu.mjs';
import { MessageChannelMain } from './message-channel.mjs';
import { nativeImage, NativeImage } from './native-image.mjs';
import { nativeTheme } from './native-theme.mjs';
import { NotificationGuarded as Notification } from './notification.mjs';
import { guard, onCommand, report } from './runtime.mjs';
import { protocol, setReadyCheck } from './protocol.mjs';
import { safeStorage } from './safe-storage.mjs';
import { screen } from './screen.mjs';
import { crashReporter, net, powerMonitor, session, shell } from './system.mjs';
import { dialog } from './dialog.mjs';
import { TrayGuarded as Tray } from './tray.mjs';
import { utilityProcess } from './utility-process.mjs';
import { ELECTRON_VERSION } from './versions.mjs';
import { webContents } from './web-contents.mjs';

const BrowserWindowGuarded = guard('BrowserWindow', BrowserWindow);
const electron = { app, autoUpdater, BrowserWindow: BrowserWindowGuarded, crashReporter, dialog, globalShortcut, ipcMain, Menu, MenuItem, MessageChannelMain, nativeImage, NativeImage, nativeTheme, net, Notification, powerMonitor, protocol, safeStorage, screen, session, shell, Tray, utilityProcess, webContents };
export { app, autoUpdater, BrowserWindowGuarded as BrowserWindow, crashReporter, dialog, globalShortcut, ipcMain, Menu, MenuItem, MessageChannelMain, nativeImage, NativeImage, nativeTheme, net, Notification, powerMonitor, protocol, safeStorage, screen, session, shell, Tray, utilityProcess, webContents };
export default guard('electron', electron);

/** register.mjs calls this before the app's entry runs: what Electron sets up in lib/browser/init.ts. */
export function __standinBoot(entry) {
  globalThis[Symbol.for('electron-standin.module')] = guard('electron', electron);
  // `electron .` (default_app/main.ts) sets process.defaultApp; resourcesPath is the binary's.
  Object.defineProperty(process, 'defaultApp', { configurable: false, enumerable: true, value: true });
  process.resourcesPath = new URL('../../../node_modules/electron/dist/resources', import.meta.url).pathname;
  process.type = 'browser';
  Object.defineProperty(process.versions, 'electron', { value: ELECTRON_VERSION, enumerable: true });
  // "Don't quit on fatal error": Electron shows a dialog (here: stderr) unless the app listens itself.
  process.on('uncaughtException', (error) => {
    if (process.listenerCount('uncaughtException') > 1) return;
    const stack = error?.stack ?? `${error?.name}: ${error?.message}`;
    process.stderr.write(`A JavaScript error occurred in the main process\nUncaught Exception:\n${stack}\n`);
    report('uncaught-exception', { message: String(error?.message ?? error), stack: String(stack) });
    impl._emitReady(); // appCodeLoaded runs even when the entry threw
  });
  // process.exit maps to app.exit (lib/browser/init.ts).
  process.exit = (code) => {
    if (code !== undefined) process.exitCode = code;
    app.exit(Number(process.exitCode ?? 0) || 0);
  };
  const impl = bootApp(entry);
  setReadyCheck(() => app.isReady());
  // Electron's main process lives until it quits, whatever its event loop holds.
  setInterval(() => {}, 1 << 30);
}

onCommand('windows', () => describeWindows());
onCommand('window', ({ id, action, bounds }) => {
  const win = windowById(id);
  if (action === 'blur') win.blur();
  else if (action === 'focus') win.focus();
  else if (action === 'show') win.show();
  else if (action === 'hide') win.hide();
  else if (action === 'close') return win.close();
  else if (action === 'bounds') win.setBounds(bounds);
  else throw new Error(`unknown window action ${action}`);
  return true;
});
