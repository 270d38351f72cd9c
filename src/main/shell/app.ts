import { join } from 'node:path';
import { app, BrowserWindow, crashReporter, dialog, globalShortcut, ipcMain, Menu, nativeTheme, net, Notification, powerMonitor, protocol, safeStorage, screen, session, shell, Tray } from 'electron';
import ElectronStore from 'electron-store';
import { APP_CSP_HEADER } from '../../shared/csp';
import type { CoreSupervisor } from './core/core-supervisor';
import { forkCore } from './core/fork-core';
import { followProfiles, profileStarts } from './core/profile-starts';
import { RecentLog } from '../core/diagnostics/recent-log';
import { installSafetyNet } from '../core/runtime/safety-net';
import { registerDeepLinks } from './deep-link/register';
import { crashDumpCount, reportProblem } from './diagnostics/report-problem';
import { registerApiHandlers } from './ipc/api-handlers';
import { isAllowedExternalUrl } from './ipc/trusted-sender';
import { watchNetwork } from './network-watch';
import { setNotificationIdentity } from './notifications/notifier';
import { appSettingsPort } from './settings/app-settings-port';
import { applyOpenAtLogin, launchCommand } from './settings/open-at-login';
import { SettingsStore } from './settings/settings-store';
import { startTray } from './start-tray';
import { startUpdates } from './update/start-updates';
import type { Updater } from './update/updater';
import { APP_PAGE_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppFile } from './windows/app-protocol';
import { denyPermissions, lockDown } from './windows/lock-down';
import { Popover, popoverWindowOptions } from './windows/popover-window';

const APP_ID = 'example.discoparrot.tray';

/**
 * The Electron side, wiring only: one instance, a locked-down popover window, the tray, native
 * notifications, and the core (the same entry the CLI and the web preview run) in a utility
 * process of its own, which each window reaches over its own MessagePort.
 */
export function startShell(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Native crash dumps stay on this computer (app.getPath('crashDumps')): nothing is uploaded. A
  // problem report counts them; the person decides what leaves.
  crashReporter.start({ uploadToServer: false, compress: true });
  // Only before ready (docs/api/protocol.md); the handler itself is installed once ready.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  let popover: Popover | null = null;
  let pendingLink: string | null = null;
  let placeAt: () => Electron.Rectangle = () => ({ x: 0, y: 0, width: 380, height: 600 });
  const openLink = (id: string) => (popover ? popover.openSession(id, placeAt()) : (pendingLink = id));
  const cold = registerDeepLinks(app, { defaultApp: process.defaultApp, execPath: process.execPath, argv: process.argv }, (link) => openLink(link.id));
  if (cold) pendingLink = cold.id;
  // A second launch without a link still means "show me".
  app.on('second-instance', () => popover?.show(placeAt()));
  app.on('window-all-closed', () => undefined);

  let core: CoreSupervisor | null = null;
  let coreStopped = false;
  // What main logs, also kept for "Report a problem…" (lines free of tokens, core/log.ts).
  const recent = new RecentLog();
  const log = (line: string) => {
    console.warn(line);
    recent.push(line);
  };
  // A failure no handler caught is logged and counted; the tray and windows go on (Electron's own
  // default is a dialog and a broken main). A storm of them means main's state is not to be
  // trusted: the database is closed and the app starts afresh rather than vanish.
  const safetyNet = installSafetyNet(process, {
    name: 'main',
    log,
    giveUp: (code) =>
      void (core?.stop() ?? Promise.resolve()).finally(() => {
        app.relaunch();
        app.exit(code);
      }),
  });
  app.whenReady().then(async () => {
    app.dock?.hide();
    // Run from source (`electron .`) there is no Start-menu shortcut carrying APP_ID; Electron's
    // notifications tutorial names process.execPath as the id that works in development.
    setNotificationIdentity(app, process.platform, process.defaultApp ? process.execPath : APP_ID);
    denyPermissions(session.defaultSession);
    const { settings, notice } = SettingsStore.open({ Store: ElectronStore, safeStorage, platform: process.platform, log });
    // Logged by the store already; said to the person too, since it is about their settings.
    if (notice) new Notification({ title: 'Parrot Tray settings', body: notice }).show();
    const openExternal = (url: string) => (isAllowedExternalUrl(url) ? shell.openExternal(url) : Promise.reject(new Error('only https links open')));
    let shortcut: string | null = null;
    const registerShortcut = (accelerator: string): string | null => {
      if (shortcut) globalShortcut.unregister(shortcut);
      try {
        if (globalShortcut.register(accelerator, () => popover?.toggle(placeAt()))) {
          shortcut = accelerator;
          return null;
        }
      } catch {
        // An accelerator Electron cannot parse throws; it is reported like a taken one.
      }
      if (shortcut) globalShortcut.register(shortcut, () => popover?.toggle(placeAt()));
      return `the shortcut ${accelerator} could not be registered (another app may own it, or it is not a valid accelerator)`;
    };
    nativeTheme.themeSource = settings.all.theme;
    const loginDeps = {
      platform: process.platform,
      setLoginItemSettings: (s: { openAtLogin: boolean }) => app.setLoginItemSettings(s),
      env: process.env,
      home: app.getPath('home'),
      command: launchCommand(process.env, { defaultApp: process.defaultApp ?? false, execPath: process.execPath, appPath: app.getAppPath() }),
    };
    const appSettings = appSettingsPort(settings, {
      registerShortcut,
      setOpenAtLogin: (openAtLogin) => applyOpenAtLogin(openAtLogin, loginDeps),
      setTheme: (theme) => (nativeTheme.themeSource = theme),
      setAutoUpdate: (on) => updater?.setAutomatic(on),
      appUpdate: (action) => {
        if (!updater) throw new Error('updates come with an installed build; this one runs from source');
        // After this request's answer has gone back through the core, which then stops.
        if (action === 'install') setImmediate(() => void installUpdate(updater!));
        else updater.checkNow();
      },
      // The core follows a new list live (new profiles start, removed ones stop): no relaunch.
      profilesChanged: followProfiles(
        () => profileStarts(settings),
        (profiles) => core?.send({ t: 'profiles', profiles }),
        log,
      ),
    });
    let tray: ReturnType<typeof startTray> | null = null;
    let updater: Updater | null = null;
    // The new version starts while this one quits, so this one first lets go of its database (the
    // core) and of the single-instance lock: the new one would find either taken and give up.
    const installUpdate = async (ready: Updater) => {
      if (ready.current.phase !== 'ready' || !core) return;
      await core.stop();
      coreStopped = true;
      app.releaseSingleInstanceLock();
      if (ready.install()) return;
      // It could not install after all (said in Settings): this version carries on.
      app.requestSingleInstanceLock();
      coreStopped = false;
      core.restart();
    };
    // The core runs in its own process; this one keeps the settings, the tray and the windows.
    core = forkCore({
      log,
      settings,
      dataDir: process.env.PARROT_TRAY_DATA ?? join(app.getPath('userData'), 'cache'),
      appSettings,
      openExternal,
      onNotifySaved: (notify) => tray?.setSnoozedUntil(notify.snoozedUntil),
    });
    core.start();
    const running = core;

    const window = new BrowserWindow(popoverWindowOptions(join(import.meta.dirname, '../preload/index.cjs')));
    // The renderer's files come from the app's own scheme (security checklist 18), never file://;
    // the dev server's URL while developing. The same URL is what the sender check and the
    // navigation lock compare against.
    const rendererRoot = join(import.meta.dirname, '../renderer');
    protocol.handle(APP_SCHEME, (request) => serveAppFile(request, rendererRoot, APP_CSP_HEADER));
    // Only a build run from source takes a dev server's URL: a packaged one trusts its own scheme alone.
    const appUrl = (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || APP_PAGE_URL;
    lockDown(window.webContents, () => appUrl, (url) => void openExternal(url));
    popover = new Popover(window);
    const shown = popover;
    registerApiHandlers(ipcMain, () => appUrl, {
      // Each page gets its own MessagePort to the core, and a new one after every core restart.
      connect: (sender) => running.connect(sender),
      onNavigateReady: (sender) => {
        if (sender === window.webContents) shown.pageReady();
      },
    });
    void window.loadURL(appUrl);

    const report = () =>
      void reportProblem({
        dialog,
        shell,
        core: running,
        settings: async () => ({ app: await appSettings.get(), notify: settings.notify, crashDumps: crashDumpCount(app.getPath('crashDumps')) }),
        logs: () => recent.all(),
        versions: { app: app.getVersion(), electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node },
        counters: () => ({ 'main.unhandledRejections': safetyNet.counts.unhandledRejections, 'main.uncaughtExceptions': safetyNet.counts.uncaughtExceptions }),
        defaultFolder: app.getPath('downloads'),
        tell: (title, body) => new Notification({ title, body }).show(),
      });
    const appUpdate = (action: 'install' | 'check') => {
      try {
        appSettings.appUpdate(action);
      } catch (error) {
        log((error as Error).message);
      }
    };
    const started = startTray({ electron: { Tray, Menu, screen, nativeTheme, Notification }, app, core: running, settings, popover, reportProblem: report, appUpdate });
    tray = started;
    placeAt = () => started.popoverBounds();
    // Checks at start and every 6 hours while on; every window and the tray menu follow it.
    updater = await startUpdates({
      app,
      env: process.env,
      automatic: settings.all.autoUpdate,
      log,
      onChange: (status) => {
        running.setUpdate(status);
        started.setUpdate(status);
      },
    }).catch((error: Error) => (log(`update: the updater could not start: ${error.message}`), null));

    // A failed registration is reported where the person sets it: in Settings.
    appSettings.shortcutError = registerShortcut(settings.all.shortcut);
    if (appSettings.shortcutError) log(appSettings.shortcutError);
    // The app always starts as a tray icon with its popover hidden, so a login start is a hidden one.
    applyOpenAtLogin(settings.all.openAtLogin, loginDeps);
    // After sleep, or when the screen unlocks, the connection is stale: reconnect now rather than
    // wait for the heartbeat. The notification memory in the cache keeps this from re-alerting.
    const reconnect = () => running.send({ t: 'reconnectAfterWake' });
    powerMonitor.on('resume', reconnect);
    powerMonitor.on('unlock-screen', reconnect);
    watchNetwork(() => net.isOnline(), () => running.send({ t: 'reconnectNow' }));

    if (pendingLink) popover.openSession(pendingLink, placeAt());
    if (process.argv.includes('--show-popover')) popover.show(placeAt());
  });

  app.on('will-quit', (event) => {
    globalShortcut.unregisterAll();
    if (!core || coreStopped) return;
    // A clean quit closes the database (in the core's process), so the next start skips the crash
    // check: the quit waits for the core to exit, a few seconds at most, then goes on.
    event.preventDefault();
    void core.stop().finally(() => {
      coreStopped = true;
      app.quit();
    });
  });
}
