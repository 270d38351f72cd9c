import { describe, expect, it } from 'vitest';
import { IPC } from '../../../src/shared/api/ipc-channels';
import { registerApiHandlers } from '../../../src/main/shell/ipc/api-handlers';
import { isAllowedExternalUrl, isTrustedSenderUrl } from '../../../src/main/shell/ipc/trusted-sender';
import { denyPermissions, lockDown } from '../../../src/main/shell/windows/lock-down';

const APP = 'parrot-tray://app/index.html';

describe('isTrustedSenderUrl', () => {
  it('accepts only the app page (its own scheme, or the dev server)', () => {
    expect(isTrustedSenderUrl(APP, APP)).toBe(true);
    expect(isTrustedSenderUrl(`${APP}#/sessions`, APP)).toBe(true);
    expect(isTrustedSenderUrl('file:///tmp/evil.html', APP)).toBe(false);
    expect(isTrustedSenderUrl('file:///tmp/evil.html', 'file:///tmp/evil.html')).toBe(false);
    expect(isTrustedSenderUrl('https://evil.example/', APP)).toBe(false);
    expect(isTrustedSenderUrl(undefined, APP)).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/index.html', 'http://localhost:5173/')).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isTrustedSenderUrl('not a url', APP)).toBe(false);
  });

  it('lets only https links out', () => {
    expect(isAllowedExternalUrl('https://app.discoparrot.example/runs/fr_7')).toBe(true);
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'nonsense']) expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

/** The few ipcMain parts the handlers touch. */
class FakeIpcMain {
  listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  on(channel: string, fn: (event: unknown, ...args: unknown[]) => void) {
    this.listeners.set(channel, fn);
    return this;
  }
}

describe('registerApiHandlers', () => {
  it('hands a port to the core only to the app page, never to another sender', () => {
    const ipc = new FakeIpcMain();
    const connected: unknown[] = [];
    registerApiHandlers(ipc as never, () => APP, { connect: (sender) => connected.push(sender) });
    const page = { id: 1 };
    ipc.listeners.get(IPC.connect)!({ senderFrame: { url: 'https://evil.example' }, sender: { id: 2 } });
    ipc.listeners.get(IPC.connect)!({ senderFrame: null, sender: { id: 3 } });
    ipc.listeners.get(IPC.connect)!({ senderFrame: { url: `${APP}#/sessions` }, sender: page });
    expect(connected).toEqual([page]);
  });

  it('has no channel left that carries API calls or views: those go over the port', () => {
    const ipc = new FakeIpcMain();
    registerApiHandlers(ipc as never, () => APP, { connect: () => undefined });
    expect([...ipc.listeners.keys()].sort()).toEqual([IPC.connect, IPC.navigateReady].sort());
    expect(Object.values(IPC).sort()).toEqual(['parrot-tray:connect', 'parrot-tray:navigate', 'parrot-tray:navigate-ready', 'parrot-tray:port']);
  });

  it("tells who listens for routes only when the app page says so", () => {
    const ipc = new FakeIpcMain();
    const ready: unknown[] = [];
    registerApiHandlers(ipc as never, () => APP, { connect: () => undefined, onNavigateReady: (sender) => ready.push(sender) });
    const contents = { id: 1 };
    ipc.listeners.get(IPC.navigateReady)!({ senderFrame: { url: 'https://evil.example' }, sender: contents });
    expect(ready).toEqual([]);
    ipc.listeners.get(IPC.navigateReady)!({ senderFrame: { url: APP }, sender: contents });
    expect(ready).toEqual([contents]);
  });
});

describe('window lock-down', () => {
  it('denies new windows (https opens in the browser), navigation away, and every permission', () => {
    let openHandler: ((d: { url: string }) => { action: string }) | null = null;
    const events = new Map<string, (e: { preventDefault(): void }, url: string) => void>();
    const opened: string[] = [];
    lockDown({ setWindowOpenHandler: (h: never) => (openHandler = h), on: (name: string, fn: never) => events.set(name, fn) } as never, () => APP, (u) => opened.push(u));
    expect(openHandler!({ url: 'https://app.discoparrot.example/runs/1' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://app.discoparrot.example/runs/1']);
    let prevented = 0;
    events.get('will-navigate')!({ preventDefault: () => prevented++ }, 'https://evil.example');
    events.get('will-navigate')!({ preventDefault: () => prevented++ }, APP);
    expect(prevented).toBe(1);
    const answers: boolean[] = [];
    let check: (() => boolean) | null = null;
    denyPermissions({ setPermissionRequestHandler: (h: never) => (h as (a: unknown, b: unknown, cb: (ok: boolean) => void) => void)(null, 'media', (ok) => answers.push(ok)), setPermissionCheckHandler: (h: never) => (check = h) } as never);
    expect(answers).toEqual([false]);
    expect(check!()).toBe(false);
  });
});
