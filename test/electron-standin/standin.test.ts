// The stand-in's own tests, against the tiny fixture app in fixtures/app (see its main.mjs).
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, type StandinApp, type WindowInfo } from './driver';

// These run inside the pages (page.evaluate); tsconfig.node.json has no DOM lib, so the page
// globals they touch are declared here, for this module only.
declare const window: any;
declare const document: { readyState: string; getElementById(id: string): { childElementCount: number } | null };
declare const innerWidth: number;
declare const innerHeight: number;

const FIXTURE = join(import.meta.dirname, 'fixtures/app');
const start = (argv: string[], extra: Parameters<typeof launch>[0] = {}) => launch({ root: FIXTURE, main: 'main.mjs', argv, ...extra });
/** The fixture's "LOG [...]" lines, parsed. */
const hasLock = (dir: string) => { try { return lstatSync(join(dir, 'SingletonLock')).isSymbolicLink(); } catch { return false; } };
const logs = (app: StandinApp): unknown[][] => app.stdout.filter((l) => l.startsWith('LOG ')).map((l) => JSON.parse(l.slice(4)) as unknown[]);
const logged = (app: StandinApp, name: string) => app.waitFor(() => logs(app).find((l) => l[0] === name), `LOG ${name}`);
type Probe = Record<string, any>;

describe('a sandboxed window (one launch: preload.cjs and preload-zod.cjs)', () => {
  let app: StandinApp;
  let good: WindowInfo;
  let zod: WindowInfo;
  beforeAll(async () => {
    app = start(['--windows', '--zod']);
    await app.waitFor(() => app.eventsOf('window').length >= 2, 'two windows', 20_000);
    [good, zod] = (await app.windows()) as [WindowInfo, WindowInfo];
    await good.page.waitForFunction(() => document.readyState === 'complete' && 'probe' in window);
    await app.waitForEvent('preload-error');
  }, 30_000);
  afterAll(() => app.close());

  it('gives the preload only the sandbox modules and globals, with Electron messages otherwise', async () => {
    const probe = await good.page.evaluate(() => ({ requires: (window as Probe).probe.requires, globals: (window as Probe).probe.globals }));
    expect(probe.requires).toEqual({ electron: 'ok', events: 'ok', 'node:events': 'ok', timers: 'ok', url: 'ok', 'node:url': 'ok', fs: 'module not found: fs', path: 'module not found: path', zod: 'module not found: zod', child_process: 'module not found: child_process' });
    expect(probe.globals).toEqual({ process: 'object', type: 'renderer', sandboxed: true, contextIsolated: true, Buffer: 'function', global: true, setImmediate: 'function', electron: '45.4.1' });
  });

  it('reports a preload that requires zod as Electron does, and the page still runs without the API', async () => {
    expect(app.stderr).toContain(`Unable to load preload script: ${join(FIXTURE, 'preload-zod.cjs')}`);
    expect(app.stderr).toContain('Error: module not found: zod');
    expect(app.eventsOf('preload-error')[0]?.data).toMatchObject({ message: 'module not found: zod' });
    await zod.page.waitForFunction(() => 'sawAtStart' in window);
    expect(await zod.page.evaluate(() => ({ saw: (window as Probe).sawAtStart, parsed: typeof (window as Probe).parsed }))).toEqual({ saw: { probe: 'undefined', parsed: 'undefined' }, parsed: 'undefined' });
    expect(await good.page.evaluate(() => (window as Probe).sawAtStart)).toEqual({ probe: 'object', parsed: 'undefined' });
  });

  it('copies what exposeInMainWorld gets as context-bridge.md says', async () => {
    const r = await good.page.evaluate(async () => {
      const p = (window as Probe).probe;
      const out: Probe = {};
      out.prototypeDropped = Object.getPrototypeOf(p.point) === Object.prototype && p.point.norm === undefined && p.point.x === 1;
      out.cloneables = [p.nested.date instanceof Date, p.nested.map instanceof Map && p.nested.map.get(1), p.nested.err instanceof Error && p.nested.err.message, p.nested.list[1].two];
      out.frozen = Object.isFrozen(p) && Object.isFrozen(p.nested) && !Object.getOwnPropertyDescriptor(window, 'probe')?.writable;
      const mine = { a: 1 };
      out.argumentCopied = p.echo(mine) !== mine && p.echo(mine).a === 1;
      out.returnedFunction = p.makeFn()(21);
      out.promise = await p.later();
      try { p.throws(); } catch (e) { out.thrown = [(e as Error).message, (e as Probe).code]; }
      try { Object.defineProperty(window, 'probe', { value: 1 }); } catch { out.readOnly = true; }
      return out;
    });
    expect(r).toEqual({ prototypeDropped: true, cloneables: [true, 'one', 'copied', 2], frozen: true, argumentCopied: true, returnedFunction: 42, promise: { done: true }, thrown: ['bridge-error', undefined], readOnly: true });
  });

  it('structured-clones IPC both ways and wraps handler errors like ipc-renderer.ts', async () => {
    const r = await good.page.evaluate(async () => {
      const p = (window as Probe).probe;
      const out: Probe = {};
      const echoed = await p.invoke('echo', { m: new Map([[1, 2]]), d: new Date(5), u: undefined, n: NaN, b: 10n, bytes: new Uint8Array([1, 2]) });
      out.echo = [echoed.m instanceof Map && echoed.m.get(1), echoed.d.getTime(), 'u' in echoed, Number.isNaN(echoed.n), echoed.b === 10n, echoed.bytes instanceof Uint8Array && echoed.bytes[1]];
      for (const channel of ['fail', 'return-function', 'nope']) {
        try { await p.invoke(channel); } catch (e) { out[channel] = (e as Error).message; }
      }
      out.sendFunction = p.sendFunction();
      out.sender = await p.invoke('sender');
      return out;
    });
    expect(r.echo).toEqual([2, 5, true, true, true, 2]);
    expect(r.fail).toBe("Error invoking remote method 'fail': Error: boom");
    expect(r['return-function']).toBe("Error invoking remote method 'return-function': Error: An object could not be cloned.");
    expect(r.nope).toBe("Error invoking remote method 'nope': Error: No handler registered for 'nope'");
    expect(r.sendFunction).toBe('An object could not be cloned.');
    expect(r.sender).toEqual({ url: `file://${join(FIXTURE, 'index.html')}`, isSender: true });
    expect(app.stderr).toContain("Error occurred in handler for 'fail': Error: boom");
  });

  it('loses webContents.send with no listener yet (not queued), delivers once subscribed, and event.reply answers', async () => {
    expect(app.droppedSends.filter((d) => d.channel === 'too-early')).toHaveLength(2);
    await good.page.evaluate(() => (window as Probe).probe.invoke('push', 'news', { n: 1 }));
    await app.waitFor(() => app.droppedSends.find((d) => d.channel === 'news'), 'the dropped news');
    expect(app.droppedSends.find((d) => d.channel === 'news')?.reason).toBe('no-listener');
    await good.page.evaluate(() => { (window as Probe).probe.on('news'); (window as Probe).probe.on('pong'); });
    await good.page.evaluate(() => (window as Probe).probe.invoke('push', 'news', { n: 2 }));
    await good.page.evaluate(() => (window as Probe).probe.send('ping', 'hello'));
    await good.page.waitForFunction(() => ((window as Probe).received ?? []).length === 2);
    expect(await good.page.evaluate(() => (window as Probe).received)).toEqual([['news', { n: 2 }], ['pong', 'hello']]);
  });

  it('asks will-navigate before a page-initiated navigation and honours preventDefault; models show/blur state', async () => {
    await good.page.click('#away');
    await logged(app, 'will-navigate');
    expect(logs(app).find((l) => l[0] === 'will-navigate')?.[1]).toBe(`file://${join(FIXTURE, 'other.html')}`);
    expect(good.page.url()).toBe(`file://${join(FIXTURE, 'index.html')}`);
    expect(logs(app).filter((l) => l[0] === 'ready-to-show')).toHaveLength(2);
    expect(good.visible).toBe(false);
    await app.windowAction(good.id, 'show');
    await app.windowAction(good.id, 'blur');
    await logged(app, 'blur');
    expect((await app.windows()).find((w) => w.id === good.id)).toMatchObject({ visible: true, focused: false, bounds: { width: 320, height: 240 } });
    expect(await good.page.evaluate(() => [innerWidth, innerHeight])).toEqual([320, 240]);
  });
});

describe('app lifecycle', () => {
  const apps: StandinApp[] = [];
  const track = (a: StandinApp) => (apps.push(a), a);
  afterEach(async () => { await Promise.all(apps.splice(0).map((a) => a.close())); });

  it('quits in the documented order, honouring before-quit.preventDefault and window close.preventDefault', async () => {
    const app = track(start(['--windows', '--prevent-before-quit', '--prevent-close']));
    await app.waitForEvent('window');
    await app.command('quit');
    await app.command('quit');
    expect(app.running).toBe(true);
    expect(await app.quit()).toBe(0);
    expect(logs(app).map((l) => l[0]).filter((n) => n !== 'ready' && n !== 'ready-to-show')).toEqual(['before-quit', 'before-quit', 'window-close', 'before-quit', 'window-close', 'window-closed', 'will-quit', 'quit']);
  }, 20_000);

  it('holds a real single-instance lock per userData: the second instance hands over argv and quits', async () => {
    const primary = track(start(['--single']));
    await primary.waitForReady();
    const second = await primary.secondInstance(['--single', 'discoparrot://open/1']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('LOG ["not-primary"]');
    await logged(primary, 'second-instance');
    expect(logs(primary).find((l) => l[0] === 'second-instance')).toEqual(['second-instance', ['--single', 'discoparrot://open/1'], 'string', { from: 'second' }]);
    expect(hasLock(primary.userData)).toBe(true);
    expect(await primary.quit()).toBe(0);
    expect(hasLock(primary.userData)).toBe(false);
  }, 20_000);

  it('encrypts with basic_text only after setUsePlainTextEncryption, never leaving the plaintext in the ciphertext', async () => {
    const app = track(start(['--safe'], { safeStorageBackend: 'basic_text' }));
    const line = await logged(app, 'safe');
    expect(line).toEqual(['safe', 'basic_text', false, true, false, 'v10', 'hunter2']);
    expect((await logged(app, 'safe-error'))[1]).toBe('Error while decrypting the ciphertext provided to safeStorage.decryptString. Ciphertext does not appear to be encrypted.');
    const keyring = track(start(['--safe'], { safeStorageBackend: 'gnome_libsecret' }));
    expect(await logged(keyring, 'safe')).toEqual(['safe', 'gnome_libsecret', true, true, false, 'v11', 'hunter2']);
  });

  it('lets a test drive the desktop: tray and its menu, notifications, shortcuts, power, theme, openExternal', async () => {
    const app = track(start(['--desktop']));
    await logged(app, 'shortcut');
    expect(await app.tray()).toMatchObject({ toolTip: 'fixture', image: { empty: false, size: { width: 16, height: 16 } }, menu: [{ label: 'Mode', submenu: [{ label: 'Loud', checked: false }] }, { type: 'separator' }, { label: 'Quit' }] });
    await app.clickTray();
    await app.clickTrayMenuItem('Mode > Loud');
    const [note] = await app.notifications();
    await app.clickNotification(note!.id);
    await expect(app.pressNotificationAction(note!.id, 0)).rejects.toThrow(/macOS\/Windows only/);
    await app.pressShortcut('Ctrl+Shift+K');
    await app.emitPower('resume');
    await app.setSystemDark(true);
    await logged(app, 'theme');
    expect(logs(app).slice(1)).toEqual([['shortcut', true], ['bad-accelerator', 'Error processing argument at index 0, conversion failure from Ctrl+Shift+Nope'], ['tray-click', { x: 0, y: 0, width: 0, height: 0 }, { x: 0, y: 0 }], ['menu', 'Loud', true], ['notification-click'], ['shortcut-pressed'], ['resume'], ['theme', true]]);
    expect(app.openExternalCalls).toEqual(['https://example.com/']);
  });

  it('serves a handled scheme from protocol.handle and reports the app URL everywhere main looks', async () => {
    const app = track(start(['--protocol']));
    await logged(app, 'load-error');
    const win = (await app.windows())[0]!;
    await win.page.waitForFunction(() => 'probe' in window);
    const sender = await win.page.evaluate(() => (window as Probe).probe.invoke('sender'));
    await win.page.click('#away');
    await logged(app, 'will-navigate');
    const seen = logs(app);
    expect(seen.find((l) => l[0] === 'late-privileged')).toEqual(['late-privileged', 'protocol.registerSchemesAsPrivileged should be called before app is ready']);
    expect(seen.find((l) => l[0] === 'handle-twice')).toEqual(['handle-twice', 'Failed to register protocol: fixture']);
    expect(seen.find((l) => l[0] === 'handled')).toEqual(['handled', true, false]);
    expect(seen.find((l) => l[0] === 'loaded')).toEqual(['loaded', 'fixture://bundle/index.html']);
    // The relative script resolved against the standard scheme and went through the handler.
    expect(seen.filter((l) => l[0] === 'request').map((l) => l.slice(1))).toEqual(expect.arrayContaining([['GET', 'fixture://bundle/index.html'], ['GET', 'fixture://bundle/page.js']]));
    expect(sender).toEqual({ url: 'fixture://bundle/index.html', isSender: true });
    expect(seen.find((l) => l[0] === 'will-navigate')).toEqual(['will-navigate', 'fixture://bundle/other.html']);
    expect(win.url).toBe('fixture://bundle/index.html');
    expect(seen.find((l) => l[0] === 'did-fail-load')).toEqual(['did-fail-load', 'ERR_UNKNOWN_URL_SCHEME', 'nowhere://x/index.html']);
  });

  it('fails loudly, by name, on what it does not model', async () => {
    const app = track(start(['--unmodelled']));
    await app.waitForLine(/Electron stand-in: app\.showAboutPanel is not modelled/);
    expect(app.stderr).toContain('A JavaScript error occurred in the main process');
    const link = track(launch({ root: FIXTURE, main: 'missing-export.mjs' }));
    await link.waitForLine(/SyntaxError: The requested module 'electron' does not provide an export named 'contentTracing'/);
    expect(link.running).toBe(true); // Electron shows the error and keeps running
  });
});

describe('the fixture files', () => {
  it('are what the tests above assume', () => {
    expect(readFileSync(join(FIXTURE, 'preload-zod.cjs'), 'utf8')).toContain("require('zod')");
  });
});
