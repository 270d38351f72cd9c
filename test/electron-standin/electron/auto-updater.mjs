// autoUpdater on Linux (lib/browser/api/auto-updater/auto-updater-native.ts over
// shell/browser/auto_updater.cc): an EventEmitter whose methods do nothing, since Electron has no
// updater of its own there. electron-updater emits 'before-quit-for-update' on it.
import { EventEmitter } from 'node:events';
import { guard } from './runtime.mjs';

const impl = new (class AutoUpdater extends EventEmitter {
  setFeedURL() {}
  getFeedURL() { return ''; }
  checkForUpdates() {}
  quitAndInstall() {}
})();
export const autoUpdater = guard('autoUpdater', impl);
