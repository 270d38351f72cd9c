/**
 * What tests use: launches an app's main script under the Electron stand-in (a child `node
 * --import register.mjs <main> <argv…>`), talks to it over the fork IPC channel, and attaches to
 * its Chromium over CDP so each BrowserWindow is a Playwright Page. Everything a launch creates
 * (the child, Chromium, temp dirs) goes away in `close()`, and the child exits by itself if the
 * test process dies.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findPage } from './cdp-pages';
import type { ExitResult, LaunchOptions, MessagePortsInfo, NotificationInfo, Rectangle, StandinEvent, TrayInfo, UtilityProcessInfo, WindowInfo } from './driver-types';

const HERE = dirname(fileURLToPath(import.meta.url));
const REGISTER = pathToFileURL(join(HERE, 'register.mjs')).href;
export const REPO_ROOT = resolve(HERE, '../..');

export type * from './driver-types';

const live = new Set<StandinApp>();
process.once('exit', () => {
  for (const app of live) app.child.kill('SIGKILL');
});

/** Starts `main` under the stand-in. Resolves once the child runs (not when the app is ready). */
export function launch(options: LaunchOptions = {}): StandinApp {
  return new StandinApp(options);
}

export class StandinApp {
  readonly child: ChildProcess;
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  readonly events: StandinEvent[] = [];
  readonly userData: string;
  readonly exited: Promise<ExitResult>;
  private readonly tmp: string;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly waiters = new Set<() => void>();
  private nextId = 1;
  private browser: Promise<Browser> | null = null;
  private outText = '';
  private errText = '';

  constructor(readonly options: LaunchOptions) {
    this.tmp = mkdtempSync(join(tmpdir(), 'electron-standin-'));
    const root = resolve(options.root ?? REPO_ROOT);
    this.userData = options.userData ?? join(this.tmp, 'userData');
    const childOptions = { appPath: root, userData: this.userData, home: join(this.tmp, 'home'), tmp: this.tmp, displays: options.displays, platform: options.platform, trayBounds: options.trayBounds, safeStorageBackend: options.safeStorageBackend, keyringAvailable: options.keyringAvailable, online: options.online, systemDark: options.systemDark, notificationsSupported: options.notificationsSupported, chromium: options.chromium };
    this.child = fork(resolve(root, options.main ?? 'out/main/index.js'), options.argv ?? [], {
      cwd: options.cwd ?? root,
      execArgv: ['--import', REGISTER],
      // HOME points into the launch's temp dir so nothing the app writes lands in the real home.
      env: { ...process.env, HOME: childOptions.home, XDG_CONFIG_HOME: join(childOptions.home, '.config'), ...options.env, ELECTRON_STANDIN_OPTIONS: JSON.stringify(childOptions) },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    live.add(this);
    const lines = (target: string[], key: 'outText' | 'errText') => (chunk: Buffer) => {
      this[key] += chunk.toString('utf8');
      const parts = this[key].split('\n');
      this[key] = parts.pop() ?? '';
      target.push(...parts);
      this.wake();
    };
    this.child.stdout!.on('data', lines(this.stdout, 'outText'));
    this.child.stderr!.on('data', lines(this.stderr, 'errText'));
    this.child.on('message', (msg: { standin?: string; id?: number; type?: string; data?: Record<string, unknown>; result?: unknown; error?: string }) => {
      if (msg.standin === 'event') this.events.push({ type: msg.type!, data: msg.data ?? {} });
      if (msg.standin === 'reply') {
        const p = this.pending.get(msg.id!);
        this.pending.delete(msg.id!);
        if (msg.error !== undefined) p?.reject(new Error(msg.error));
        else p?.resolve(msg.result);
      }
      this.wake();
    });
    this.exited = new Promise((done) => {
      this.child.on('exit', (code, signal) => {
        live.delete(this);
        for (const p of this.pending.values()) p.reject(new Error('the app exited'));
        this.pending.clear();
        if (this.outText) this.stdout.push(this.outText);
        if (this.errText) this.stderr.push(this.errText);
        this.wake();
        done({ code, signal, stdout: this.stdout.join('\n'), stderr: this.stderr.join('\n') });
      });
    });
  }

  get running(): boolean { return this.child.exitCode === null && this.child.signalCode === null; }
  private wake(): void { for (const w of [...this.waiters]) w(); }

  /** Resolves with `check()`'s first truthy value; rejects after `timeout` ms or when the app exits. */
  waitFor<T>(check: () => T | undefined | null | false, what: string, timeout = 15_000): Promise<T> {
    return new Promise((resolvePromise, reject) => {
      const poll = () => {
        const value = check();
        if (value) return finish(() => resolvePromise(value));
        if (!this.running) finish(() => reject(new Error(`the app exited before ${what}\n${this.stderr.join('\n')}`)));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`timed out waiting for ${what}\nstderr:\n${this.stderr.join('\n')}`))), timeout);
      const finish = (fn: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(poll);
        fn();
      };
      this.waiters.add(poll);
      poll();
    });
  }

  waitForEvent(type: string, predicate: (e: StandinEvent) => boolean = () => true, timeout?: number): Promise<StandinEvent> {
    return this.waitFor(() => this.events.find((e) => e.type === type && predicate(e)), `event ${type}`, timeout);
  }
  waitForReady(timeout?: number): Promise<StandinEvent> {
    return this.waitForEvent('ready', undefined, timeout);
  }
  waitForLine(pattern: RegExp, stream: 'stdout' | 'stderr' = 'stderr', timeout?: number): Promise<string> {
    return this.waitFor(() => this[stream].find((l) => pattern.test(l)), `${stream} line ${pattern}`, timeout);
  }
  eventsOf(type: string): StandinEvent[] { return this.events.filter((e) => e.type === type); }

  /** Runs a stand-in command in the main process (see the onCommand calls under electron/). */
  command<T = unknown>(name: string, args: Record<string, unknown> = {}): Promise<T> {
    if (!this.running || !this.child.connected) return Promise.reject(new Error(`the app is not running (command ${name})`));
    const id = this.nextId++;
    return new Promise<T>((res, reject) => {
      this.pending.set(id, { resolve: res as (v: unknown) => void, reject });
      this.child.send({ standin: 'command', id, name, args });
    });
  }

  private pageFor(targetId: string): Promise<Page> {
    this.browser ??= this.waitForEvent('cdp').then((e) => chromium.connectOverCDP(String(e.data.endpoint)));
    return this.browser.then((browser) => findPage(browser, targetId));
  }

  /** Every open window with its state and its Playwright Page. */
  async windows(): Promise<WindowInfo[]> {
    const list = await this.command<Omit<WindowInfo, 'page'>[]>('windows');
    const out: WindowInfo[] = [];
    for (const w of list) {
      const targetId = w.targetId ?? String((await this.waitForEvent('window', (e) => e.data.id === w.id)).data.targetId);
      out.push({ ...w, targetId, page: await this.pageFor(targetId) });
    }
    return out;
  }
  /** The first window that exists (waits for one to be created). */
  async firstWindow(timeout?: number): Promise<WindowInfo> {
    await this.waitForEvent('window', undefined, timeout);
    const [first] = await this.windows();
    if (!first) throw new Error('the window closed again');
    return first;
  }
  windowAction(id: number, action: 'blur' | 'focus' | 'show' | 'hide' | 'close'): Promise<boolean> { return this.command('window', { id, action }); }
  setWindowBounds(id: number, bounds: Partial<Rectangle>): Promise<boolean> { return this.command('window', { id, action: 'bounds', bounds }); }

  async tray(): Promise<TrayInfo | null> {
    return (await this.command<TrayInfo[]>('trays')).at(-1) ?? null;
  }
  waitForTray(timeout?: number): Promise<StandinEvent> { return this.waitForEvent('tray', undefined, timeout); }
  /** Linux: a left activation emits 'click'; 'right' opens the context menu (no event). */
  clickTray(button: 'left' | 'right' = 'left', position?: { x: number; y: number }): Promise<void> { return this.command('tray-click', { button, position }); }
  /** Clicks a context-menu item by label, or by path "Parent > Child". */
  clickTrayMenuItem(label: string): Promise<void> { return this.command('tray-menu-click', { label }); }

  notifications(): Promise<NotificationInfo[]> { return this.command('notifications'); }
  clickNotification(id: number): Promise<void> { return this.command('notification-click', { id }); }
  dismissNotification(id: number): Promise<void> { return this.command('notification-dismiss', { id }); }
  /** Rejects on Linux: Electron adds no action buttons there (see README). */
  pressNotificationAction(id: number, index: number): Promise<void> { return this.command('notification-action', { id, index }); }

  emitPower(event: 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen' | 'on-ac' | 'on-battery' | 'shutdown'): Promise<void> { return this.command('power', { event }); }
  pressShortcut(accelerator: string): Promise<void> { return this.command('press-shortcut', { accelerator }); }
  setOnline(value: boolean): Promise<void> { return this.command('online', { value }); }
  setSystemDark(dark: boolean): Promise<void> { return this.command('system-dark', { dark }); }
  setCursor(point: { x: number; y: number }): Promise<void> { return this.command('cursor', point); }
  /** app 'open-url' (macOS in Electron; here on request). */
  openUrl(url: string): Promise<void> { return this.command('open-url', { url }); }
  /** app 'activate' (macOS in Electron; here on request). */
  activate(): Promise<void> { return this.command('activate'); }
  /** What the app's permission handlers answer (granted when it set none, as in Electron). */
  permission(permission: string, kind: 'request' | 'check' = 'request', webContentsId?: number): Promise<boolean> { return this.command('permission', { permission, kind, webContentsId: webContentsId ?? null }); }

  /** Every utilityProcess.fork so far (exited ones too), with pid/serviceName/alive/exitCode and message counts. */
  utilityProcesses(): Promise<UtilityProcessInfo[]> { return this.command('utility-processes'); }
  /** Kills a utility child from outside (a crash: 'exit' gets the signal's number), not via child.kill(). */
  killUtilityProcess(id: number, signal: NodeJS.Signals = 'SIGKILL'): Promise<boolean> { return this.command('utility-kill', { id, signal }); }
  /** MessagePorts open per location (main, utility:<id>, page:<webContentsId>) and relay counts. */
  messagePorts(): Promise<MessagePortsInfo> { return this.command('message-ports'); }

  /** What the person picks in the next save dialog the app opens: a path, or null to cancel. */
  answerSaveDialog(filePath: string | null): Promise<void> { return this.command('save-dialog-answer', { filePath }); }
  get saveDialogs(): { options: Record<string, unknown>; filePath: string | null }[] {
    return this.eventsOf('save-dialog').map((e) => e.data as never);
  }
  get shownInFolder(): string[] {
    return this.eventsOf('show-item-in-folder').map((e) => String(e.data.path));
  }

  get openExternalCalls(): string[] {
    return this.eventsOf('open-external').map((e) => String(e.data.url));
  }
  get droppedSends(): { webContentsId: number; channel: string; reason: string; url: string }[] {
    return this.eventsOf('dropped-send').map((e) => e.data as never);
  }
  get relaunchRequests(): { args: string[]; execPath: string | null }[] {
    return this.eventsOf('relaunch').map((e) => e.data as never);
  }

  /** A second process of the same app (same userData) with `argv`; resolves when it exits. */
  async secondInstance(argv: string[], options: Partial<LaunchOptions> = {}): Promise<ExitResult> {
    const second = launch({ ...this.options, userData: this.userData, ...options, argv });
    try {
      return await second.exited;
    } finally {
      await second.close();
    }
  }
  /** Starts the app again as app.relaunch() asked (its args, else the same argv). */
  relaunch(index = 0): StandinApp {
    const request = this.relaunchRequests[index];
    if (!request) throw new Error('the app did not call app.relaunch()');
    const main = resolve(this.options.root ?? REPO_ROOT, this.options.main ?? 'out/main/index.js');
    const args = request.args[0] && resolve(request.args[0]) === main ? request.args.slice(1) : request.args;
    return launch({ ...this.options, userData: this.userData, argv: args });
  }

  /** app.quit() in the app; resolves with the exit code (null if it refused to quit within `timeout`). */
  async quit(timeout = 10_000): Promise<number | null> {
    if (this.running) await this.command('quit').catch(() => {});
    const timer = new Promise<null>((r) => setTimeout(() => r(null), timeout).unref());
    const result = await Promise.race([this.exited, timer]);
    return result ? result.code : null;
  }
  /** Kills the app (SIGKILL) and cleans up. */
  async kill(): Promise<void> {
    if (this.running) this.child.kill('SIGKILL');
    await this.close();
  }
  /** Ends everything this launch started; safe to call twice. */
  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    await browser?.then((b) => b.close()).catch(() => {});
    if (this.running) {
      this.child.kill('SIGTERM');
      const killer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
      await this.exited;
      clearTimeout(killer);
    }
    rmSync(this.tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}
