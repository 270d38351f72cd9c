// `--import`ed into every utility child (../electron/utility-process.mjs): what
// lib/utility/init.ts sets up before the entry script runs. `electron` resolves to the
// utility-side module (only what a utility process gets), `process.parentPort` is defined, and
// the process stays up until it exits or is killed, as a Chromium service process does
// (shell/services/node/node_service.cc does not end on an empty event loop).
import Module, { register } from 'node:module';
import { fileURLToPath } from 'node:url';

const standin = new URL('./electron.mjs', import.meta.url).href;
const cjsShim = fileURLToPath(new URL('./electron.cjs', import.meta.url));
const ELECTRON = new Set(['electron', 'electron/utility', 'electron/common']);

// The same loader hooks as the main process; no entry tail (a utility process has no `ready`).
register('../hooks.mjs', import.meta.url, { data: { standin, entry: '' } });
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (ELECTRON.has(request)) return cjsShim;
  return resolveFilename.call(this, request, ...rest);
};

const { ELECTRON_VERSION } = await import('../electron/versions.mjs');
const { parentPort } = await import('./parent-port.mjs');
await import(standin);
process.type = 'utility';
Object.defineProperty(process.versions, 'electron', { value: ELECTRON_VERSION, enumerable: true });
Object.defineProperty(process, 'parentPort', { enumerable: true, writable: false, value: parentPort });
setInterval(() => {}, 1 << 30);
