// The built preload, run the way Electron runs a sandboxed one (lib/sandboxed_renderer/preload.ts):
// a function of require/process/exports/module/…, whose `require` knows only the modules of
// docs/tutorial/sandbox.md and throws `module not found: <name>` for any other. A bundle that
// requires zod (or anything else) fails here with that very message, before any app test runs.
import { readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { IPC } from '../../src/shared/api/ipc-channels';
import { moduleNotFound, PRELOAD_PARAMS, SANDBOX_MODULES } from '../electron-standin/sandbox-modules.mjs';
import { ensureAppBuilt } from '../support/built-app';

let preloadFile: string;
let source: string;

function runSandboxed(code: string) {
  const exposed = new Map<string, unknown>();
  const sent: unknown[][] = [];
  const ipcRenderer = Object.assign(new EventEmitter(), {
    send: (...args: unknown[]) => void sent.push(args),
    invoke: async (...args: unknown[]) => args,
  });
  const given = {
    electron: { contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) }, ipcRenderer },
    events: { EventEmitter },
    timers: { setTimeout, clearTimeout, setInterval, clearInterval },
    url: { URL, URLSearchParams },
  };
  const modules = new Map(Object.entries(SANDBOX_MODULES).flatMap(([what, names]) => names.map((name) => [name, given[what as keyof typeof given]] as const)));
  const require = (name: string) => {
    if (modules.has(name)) return modules.get(name);
    throw moduleNotFound(name);
  };
  const fn = vm.compileFunction(code, PRELOAD_PARAMS, { filename: preloadFile });
  const exports = {};
  fn(require, new EventEmitter(), exports, { exports }, Buffer, {}, setImmediate, clearImmediate);
  return { exposed, sent, ipcRenderer };
}

/** A DOM MessagePort as the preload uses it. */
class FakePagePort {
  sent: unknown[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  private listeners = new Map<string, Array<() => void>>();
  postMessage(message: unknown) {
    this.sent.push(structuredClone(message));
  }
  addEventListener(type: string, listener: () => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  fire(type: string) {
    for (const l of this.listeners.get(type) ?? []) l();
  }
  close() {}
}

describe("the built preload under Electron's sandbox", () => {
  beforeAll(() => {
    preloadFile = join(ensureAppBuilt(), 'preload/index.cjs');
    source = readFileSync(preloadFile, 'utf8');
  }, 120_000);

  it('loads with only the modules the sandbox provides, and exposes the one API', () => {
    const { exposed } = runSandboxed(source);
    const api = exposed.get('parrotTray') as Record<string, unknown>;
    expect([...exposed.keys()]).toEqual(['parrotTray']);
    expect(Object.keys(api).sort()).toEqual(['call', 'onNavigate', 'onStatus', 'onTranscript', 'watch']);
  });

  it('asks main for a port to the core at once, speaks the core protocol over it, and re-attaches to a new one', async () => {
    const { exposed, sent, ipcRenderer } = runSandboxed(source);
    expect(sent).toEqual([[IPC.connect]]);
    const api = exposed.get('parrotTray') as { watch: (q: unknown, l: (r: unknown) => void) => () => void; call: (m: string, p: unknown) => Promise<unknown>; onStatus: (l: (s: unknown) => void) => void };
    const results: unknown[] = [];
    api.watch({ view: 'session', id: 'fr_1' }, (r) => results.push(r));
    const pending = api.call('getSettings', {});

    const first = new FakePagePort();
    ipcRenderer.emit(IPC.port, { ports: [first] });
    expect(first.sent.map((m) => (m as { t: string }).t)).toEqual(['hello', 'watch', 'call']);
    first.onmessage!({ data: { t: 'result', qid: 1, result: { view: 'session', session: null, related: [] } } });
    expect(results).toHaveLength(1);
    first.onmessage!({ data: { t: 'reply', id: 1, ok: true, result: { scope: 'mine' } } });
    await expect(pending).resolves.toEqual({ scope: 'mine' });

    // The core stops: its end closes. A call in flight fails in words; the next port picks the query up again.
    const inFlight = api.call('getSettings', {});
    first.fire('close');
    await expect(inFlight).rejects.toThrow(/restarted its core/);
    const second = new FakePagePort();
    ipcRenderer.emit(IPC.port, { ports: [second] });
    expect(second.sent).toEqual([{ t: 'hello' }, { t: 'watch', qid: 1, query: { view: 'session', id: 'fr_1' } }]);
  });

  it("hands the core's refusal of a query to that watch's onError, and to no other watch", () => {
    const { exposed, ipcRenderer } = runSandboxed(source);
    const api = exposed.get('parrotTray') as { watch: (q: unknown, l: (r: unknown) => void, e?: (m: string) => void) => () => void };
    const refused: Array<[number, string]> = [];
    api.watch({ view: 'session', id: 'x'.repeat(500) }, () => undefined, (m) => refused.push([1, m]));
    api.watch({ view: 'session', id: 'fr_1' }, () => undefined, (m) => refused.push([2, m]));
    const port = new FakePagePort();
    ipcRenderer.emit(IPC.port, { ports: [port] });
    port.onmessage!({ data: { t: 'queryError', qid: 1, error: 'invalid query: id: Too big' } });
    expect(refused).toEqual([[1, 'invalid query: id: Too big']]);
  });

  it('says it listens for routes once the page subscribes to them', () => {
    const { exposed, sent, ipcRenderer } = runSandboxed(source);
    const routes: unknown[] = [];
    (exposed.get('parrotTray') as { onNavigate: (l: (r: unknown) => void) => void }).onNavigate((r) => routes.push(r));
    expect(sent).toEqual([[IPC.connect], [IPC.navigateReady]]);
    ipcRenderer.emit(IPC.navigate, {}, { name: 'sessions' });
    expect(routes).toEqual([{ name: 'sessions' }]);
  });

  it('carries no schema library: main validates every request, so zod bundled in would be dead weight', () => {
    // externalizeDeps is off for the preload, so importing ../shared/api's index would bundle zod
    // silently (about 186 kB) instead of failing; this says so.
    expect(source).not.toMatch(/ZodError|\$ZodType|zod/i);
    expect(Buffer.byteLength(source)).toBeLessThan(16 * 1024);
  });
});
