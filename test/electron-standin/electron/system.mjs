// The OS-facing modules whose only behaviour is "the test says so": powerMonitor and
// net.isOnline (docs/api/power-monitor.md, docs/api/net.md), shell.openExternal
// (docs/api/shell.md; recorded, never opens anything) and session.defaultSession's permission
// handlers (docs/api/session.md; recorded so a test can ask what a request would get).
import { EventEmitter } from 'node:events';
import { request } from './net-request.mjs';
import { originOf, protocol } from './protocol.mjs';
import { electronEvent, guard, onCommand, options, report } from './runtime.mjs';

const powerImpl = new (class PowerMonitor extends EventEmitter {
  getSystemIdleState() { return 'active'; }
  getSystemIdleTime() { return 0; }
  isOnBatteryPower() { return false; }
  get onBatteryPower() { return false; }
})();
export const powerMonitor = guard('powerMonitor', powerImpl);
onCommand('power', ({ event }) => {
  if (!['suspend', 'resume', 'lock-screen', 'unlock-screen', 'on-ac', 'on-battery', 'shutdown', 'user-did-become-active', 'user-did-resign-active'].includes(event)) throw new Error(`not a powerMonitor event: ${event}`);
  powerImpl.emit(event, electronEvent());
});

let online = options.online ?? true;
export const net = guard('net', {
  isOnline: () => online,
  get online() { return online; },
  fetch: (...args) => fetch(...args),
  request,
});
onCommand('online', ({ value }) => void (online = !!value));

export const shell = guard('shell', {
  async openExternal(url, opts) {
    report('open-external', { url: String(url), options: opts ?? null });
  },
  openPath: async (path) => (report('open-path', { path }), ''),
  showItemInFolder: (path) => report('show-item-in-folder', { path }),
  beep: () => {},
});

// crashReporter (docs/api/crash-reporter.md): records what it was started with; no process here
// crashes natively, so there are never reports, uploaded or not.
let crashOptions = null;
export const crashReporter = guard('crashReporter', {
  start(opts) {
    if (typeof opts !== 'object' || opts === null) throw new TypeError('crashReporter.start needs options');
    const uploadToServer = opts.uploadToServer ?? true;
    if (uploadToServer && typeof opts.submitURL !== 'string') throw new Error('submitURL must be specified when uploadToServer is true');
    crashOptions = { ...opts, uploadToServer };
    report('crash-reporter', { options: JSON.parse(JSON.stringify(crashOptions)) });
  },
  getLastCrashReport: () => null,
  getUploadedReports: () => [],
  getUploadToServer: () => crashOptions?.uploadToServer ?? false,
  setUploadToServer(value) { if (crashOptions) crashOptions.uploadToServer = !!value; },
  addExtraParameter() {},
  removeExtraParameter() {},
  getParameters: () => ({ ...(crashOptions?.extra ?? {}) }),
});

const handlers = { request: null, check: null };
const defaultSession = guard('session', {
  setPermissionRequestHandler(fn) { handlers.request = fn; report('permission-handler', { kind: 'request', set: fn !== null }); },
  setPermissionCheckHandler(fn) { handlers.check = fn; report('permission-handler', { kind: 'check', set: fn !== null }); },
  getUserAgent: () => `Mozilla/5.0 (X11; Linux x86_64) Electron/${process.versions.electron}`,
  protocol,
});
// One session is modelled: a partition (electron-updater asks for its own) behaves as the default.
export const session = guard('session', { defaultSession, fromPartition: () => defaultSession });

/** Asks the app's handlers as Chromium would; without a handler Electron grants by default. */
onCommand('permission', async ({ permission, kind = 'request', webContentsId = null, details = {} }) => {
  const { webContents } = await import('./web-contents.mjs');
  const wc = webContentsId === null ? webContents.getAllWebContents()[0] ?? null : webContents.fromId(webContentsId);
  const origin = wc?.getURL() ? originOf(wc.getURL()) : '';
  if (kind === 'check') return handlers.check ? !!handlers.check(wc, permission, origin, { requestingUrl: wc?.getURL(), ...details }) : true;
  if (!handlers.request) return true;
  return new Promise((resolve) => handlers.request(wc, permission, (granted) => resolve(!!granted), { requestingUrl: wc?.getURL(), isMainFrame: true, ...details }));
});
