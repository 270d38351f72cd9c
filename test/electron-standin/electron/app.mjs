// app (docs/api/app.md), as on Linux when started as `electron .`.
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BrowserWindow, setAllClosedHandler } from './browser-window.mjs';
import { electronEvent, guard, hardExit, onCommand, options, report } from './runtime.mjs';
import { hasLock, releaseLock, requestLock } from './single-instance.mjs';

/** The app's directory: the nearest package.json above the entry script, as `electron .` uses. */
function findAppPath(entry) {
  if (options.appPath) return resolve(options.appPath);
  let dir = dirname(resolve(entry || '.'));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

class App extends EventEmitter {
  constructor() {
    super();
    this._ready = false;
    this._quitting = false;
    this._appPath = process.cwd();
    this._pkg = {};
    this._paths = new Map();
    this._pendingSecond = [];
    this._name = undefined;
    this._protocols = new Set();
    this._loginItems = [];
    this.isPackaged = false;
    this.dock = undefined; // macOS only (electron_api_app.cc binds it under IS_MAC)
    // Windows only (IS_WIN): calling it on Linux is a TypeError.
    this.setAppUserModelId = process.platform === 'win32' ? (id) => report('app-user-model-id', { id }) : undefined;
    this.commandLine = guard('app.commandLine', { appendSwitch() {}, appendArgument() {}, hasSwitch: () => false, getSwitchValue: () => '' });
    let resolveReady;
    this._whenReady = new Promise((r) => (resolveReady = r));
    this._resolveReady = resolveReady;
  }
  _boot(entry) {
    this._appPath = findAppPath(entry);
    const pkgFile = join(this._appPath, 'package.json');
    this._pkg = existsSync(pkgFile) ? JSON.parse(readFileSync(pkgFile, 'utf8')) : {};
    const home = options.home ?? process.env.HOME ?? '/tmp';
    const appData = options.appData ?? join(home, '.config');
    const userData = options.userData ?? join(appData, this.getName());
    const temp = options.tmp ?? '/tmp';
    for (const [k, v] of Object.entries({ home, appData, userData, sessionData: userData, temp, exe: process.execPath, module: process.execPath, desktop: join(home, 'Desktop'), documents: join(home, 'Documents'), downloads: join(home, 'Downloads'), music: join(home, 'Music'), pictures: join(home, 'Pictures'), videos: join(home, 'Videos'), logs: join(userData, 'logs'), crashDumps: join(userData, 'Crashpad') })) this._paths.set(k, v);
  }
  _emitReady() {
    if (this._ready) return;
    this.emit('will-finish-launching', electronEvent());
    this._ready = true;
    this.emit('ready', electronEvent(), {});
    this._resolveReady();
    report('ready');
    for (const m of this._pendingSecond.splice(0)) this._secondInstance(m);
  }
  _secondInstance({ argv, cwd, additionalData }) {
    // "guaranteed to be emitted after the ready event"
    if (!this._ready) return void this._pendingSecond.push({ argv, cwd, additionalData });
    report('second-instance', { argv });
    this.emit('second-instance', electronEvent(), argv, cwd, additionalData);
  }

  isReady() { return this._ready; }
  whenReady() { return this._whenReady; }
  getName() { return this._name ?? this._pkg.productName ?? this._pkg.name ?? 'Electron'; }
  setName(name) { this._name = name; }
  getVersion() { return this._pkg.version ?? '45.4.1'; }
  getAppPath() { return this._appPath; }
  getLocale() { return 'en-US'; }
  getPath(name) {
    if (!this._paths.has(name)) throw new Error(`Failed to get '${name}' path`);
    return this._paths.get(name);
  }
  setPath(name, path) { this._paths.set(name, path); }
  requestSingleInstanceLock(additionalData) {
    return requestLock(this.getPath('userData'), additionalData, (m) => this._secondInstance(m));
  }
  hasSingleInstanceLock() { return hasLock(); }
  releaseSingleInstanceLock() { releaseLock(); }
  setAsDefaultProtocolClient(protocol, path, args) {
    // browser_linux.cc: an invalid scheme is refused; a valid one goes to xdg-settings (recorded here).
    if (!/^[a-zA-Z][a-zA-Z0-9+.-]*$/.test(protocol)) return false;
    this._protocols.add(protocol);
    report('default-protocol-client', { protocol, path: path ?? null, args: args ?? [] });
    return true;
  }
  isDefaultProtocolClient(protocol) { return this._protocols.has(protocol); }
  removeAsDefaultProtocolClient(protocol) { return this._protocols.delete(protocol); }
  // browser_linux.cc: SetLoginItemSettings is a no-op and GetLoginItemSettings returns defaults.
  setLoginItemSettings(settings) { this._loginItems.push(settings); report('login-item-settings', { settings }); }
  getLoginItemSettings() { return { openAtLogin: false, openAsHidden: false, wasOpenedAtLogin: false, wasOpenedAsHidden: false, restoreState: false, executableWillLaunchAtLogin: false, launchItems: [] }; }
  relaunch(opts = {}) {
    report('relaunch', { args: opts.args ?? process.argv.slice(1), execPath: opts.execPath ?? null });
  }
  focus() {}
  setBadgeCount() { return false; }

  /** docs: before-quit, windows close (each may refuse), will-quit, quit, exit. */
  quit() {
    if (this._quitting) return;
    const before = electronEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this._quitting = true;
    const windows = BrowserWindow.getAllWindows();
    // With windows open, the last one closing continues the quit (setAllClosedHandler below).
    for (const win of windows) {
      if (!win.close()) {
        this._quitting = false; // a window refused: quitting is cancelled
        return;
      }
    }
    if (windows.length === 0) this._willQuit();
  }
  _willQuit() {
    const willQuit = electronEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return void (this._quitting = false);
    this.emit('quit', electronEvent(), 0);
    report('quit', { code: 0 });
    void hardExit(0);
  }
  exit(code = 0) {
    for (const win of BrowserWindow.getAllWindows()) win.destroy();
    report('quit', { code });
    void hardExit(code);
  }
}

const impl = new App();
export const app = guard('app', impl);

setAllClosedHandler(() => {
  if (impl._quitting) return impl._willQuit();
  if (impl.listenerCount('window-all-closed') > 0) impl.emit('window-all-closed', electronEvent());
  else app.quit();
});

/** Called by register.mjs before the app runs. */
export function bootApp(entry) {
  impl._boot(entry);
  globalThis[Symbol.for('electron-standin.appCodeLoaded')] = () => setImmediate(() => impl._emitReady());
  // A CommonJS entry has no module tail (hooks.mjs): it runs synchronously after the --import
  // preloads, so the next turn is after its code, as appCodeLoaded is in Electron.
  const esm = entry.endsWith('.mjs') || (!entry.endsWith('.cjs') && impl._pkg.type === 'module');
  if (!esm) setImmediate(() => impl._emitReady());
  return impl;
}

onCommand('quit', () => app.quit());
onCommand('open-url', ({ url }) => impl.emit('open-url', electronEvent(), url));
onCommand('activate', () => impl.emit('activate', electronEvent(), BrowserWindow.getAllWindows().some((w) => w.isVisible())));
