// The built preload, run the way Electron runs a sandboxed one (lib/sandboxed_renderer/preload.ts):
// a function of require/process/exports/module/…, whose `require` knows only the modules of
// docs/tutorial/sandbox.md and throws `module not found: <name>` for any other. A bundle that
// requires zod (or anything else) fails here with that very message, before any app test runs.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { IPC } from '../../src/shared/api/ipc-channels';

const ROOT = resolve(import.meta.dirname, '../..');
const PRELOAD = join(ROOT, 'out/preload/index.cjs');
const PARAMS = ['require', 'process', 'exports', 'module', 'Buffer', 'global', 'setImmediate', 'clearImmediate'];

function runSandboxed(source: string) {
  const exposed = new Map<string, unknown>();
  const sent: unknown[][] = [];
  const ipcRenderer = Object.assign(new EventEmitter(), {
    send: (...args: unknown[]) => void sent.push(args),
    invoke: async (...args: unknown[]) => args,
  });
  const electron = { contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) }, ipcRenderer };
  const modules = new Map<string, unknown>([
    ['electron', electron],
    ['events', { EventEmitter }],
    ['timers', { setTimeout, clearTimeout }],
    ['url', { URL, URLSearchParams }],
  ]);
  const require = (name: string) => {
    if (modules.has(name)) return modules.get(name);
    throw new Error(`module not found: ${name}`);
  };
  const fn = vm.compileFunction(source, PARAMS, { filename: PRELOAD });
  const exports = {};
  fn(require, new EventEmitter(), exports, { exports }, undefined, {}, setImmediate, clearImmediate);
  return { exposed, sent, ipcRenderer };
}

describe("the built preload under Electron's sandbox", () => {
  beforeAll(() => {
    if (!existsSync(PRELOAD)) execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore', timeout: 110_000 });
  }, 120_000);

  it('loads with only the modules the sandbox provides, and exposes the one API', () => {
    const { exposed } = runSandboxed(readFileSync(PRELOAD, 'utf8'));
    const api = exposed.get('parrotTray') as Record<string, unknown>;
    expect([...exposed.keys()]).toEqual(['parrotTray']);
    expect(Object.keys(api).sort()).toEqual(['call', 'onNavigate', 'onTranscript', 'subscribe']);
  });

  it('says it listens for routes once the page subscribes to them', () => {
    const { exposed, sent, ipcRenderer } = runSandboxed(readFileSync(PRELOAD, 'utf8'));
    const routes: unknown[] = [];
    (exposed.get('parrotTray') as { onNavigate: (l: (r: unknown) => void) => void }).onNavigate((r) => routes.push(r));
    expect(sent).toEqual([[IPC.navigateReady]]);
    ipcRenderer.emit(IPC.navigate, {}, { name: 'sessions' });
    expect(routes).toEqual([{ name: 'sessions' }]);
  });

  it('fails with the sandbox message for a bundle that requires anything else', () => {
    expect(() => runSandboxed('require("electron"); require("zod");')).toThrow('module not found: zod');
  });
});
