import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { IPC } from '../../../src/shared/api';
import { registerApiHandlers } from '../../../src/main/shell/ipc/api-handlers';
import { isAllowedExternalUrl, isTrustedSenderUrl } from '../../../src/main/shell/ipc/trusted-sender';
import { denyPermissions, lockDown } from '../../../src/main/shell/windows/lock-down';

const APP = 'file:///opt/Parrot%20Tray/resources/app.asar/out/renderer/index.html';

describe('isTrustedSenderUrl', () => {
  it('accepts only the app page (packaged file or dev server)', () => {
    expect(isTrustedSenderUrl(APP, APP)).toBe(true);
    expect(isTrustedSenderUrl(`${APP}#/sessions`, APP)).toBe(true);
    expect(isTrustedSenderUrl('file:///tmp/evil.html', APP)).toBe(false);
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

/** The few ipcMain and WebContents parts the handlers touch. */
class FakeIpcMain {
  handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  handle(channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) {
    this.handlers.set(channel, fn);
  }
  on(channel: string, fn: (event: unknown, ...args: unknown[]) => void) {
    this.listeners.set(channel, fn);
    return this;
  }
}

class FakeContents extends EventEmitter {
  sent: Array<[string, unknown]> = [];
  send(channel: string, value: unknown) {
    this.sent.push([channel, value]);
  }
  isDestroyed() {
    return false;
  }
}

function fakeHost() {
  const host = new EventEmitter() as EventEmitter & { calls: unknown[]; call: (m: string, p: unknown) => Promise<unknown>; snapshot: () => unknown };
  host.calls = [];
  host.call = async (method, params) => {
    host.calls.push([method, params]);
    return { ok: true };
  };
  host.snapshot = () => ({ kind: 'snapshot', version: 0 });
  return host;
}

describe('registerApiHandlers', () => {
  it('runs calls from the app page and refuses any other sender before the host sees them', async () => {
    const ipc = new FakeIpcMain();
    const host = fakeHost();
    registerApiHandlers(ipc as never, host as never, () => APP);
    const call = ipc.handlers.get(IPC.call)!;
    await expect(call({ senderFrame: { url: APP } }, 'command', { action: 'cancel', sessionId: 'fr_1' })).resolves.toEqual({ ok: true });
    await expect(call({ senderFrame: { url: 'https://evil.example' } }, 'command', {})).rejects.toThrow(/refused/);
    await expect(call({ senderFrame: null }, 'command', {})).rejects.toThrow(/refused/);
    expect(host.calls).toHaveLength(1);
  });

  it('sends the snapshot to a subscriber, then every view update and transcript push', () => {
    const ipc = new FakeIpcMain();
    const host = fakeHost();
    registerApiHandlers(ipc as never, host as never, () => APP);
    const contents = new FakeContents();
    ipc.listeners.get(IPC.subscribe)!({ senderFrame: { url: APP }, sender: contents });
    ipc.listeners.get(IPC.subscribe)!({ senderFrame: { url: 'https://evil.example' }, sender: new FakeContents() });
    host.emit('view', { kind: 'delta', version: 1 });
    host.emit('transcript', { sessionId: 'fr_1', entries: [] });
    expect(contents.sent.map(([c]) => c)).toEqual([IPC.view, IPC.view, IPC.transcript]);
  });
  it("tells who listens for routes only when the app page says so", () => {
    const ipc = new FakeIpcMain();
    const ready: unknown[] = [];
    registerApiHandlers(ipc as never, fakeHost() as never, () => APP, (sender) => ready.push(sender));
    const contents = new FakeContents();
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
