import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import { secureWebPreferences } from './window-security';

/**
 * The first cut of the tray shell: one locked-down window showing the renderer. The tray, the
 * popover placement, notifications and the IPC bridge come with the shell issue.
 */
export function startShell(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.whenReady().then(() => {
    const window = new BrowserWindow({
      width: 380,
      height: 600,
      show: false,
      title: 'Parrot Tray',
      webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
    });
    window.once('ready-to-show', () => window.show());
    const devUrl = process.env.ELECTRON_RENDERER_URL;
    if (devUrl) void window.loadURL(devUrl);
    else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  });
  app.on('window-all-closed', () => app.quit());
}
