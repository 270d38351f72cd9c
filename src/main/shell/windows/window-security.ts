import type { WebPreferences } from 'electron';

/** The only webPreferences the app creates windows with (Electron security checklist 2 to 6). */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
  };
}
