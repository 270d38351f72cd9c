// Loaded with `node --import <this> <main.js>`: makes `electron` resolve to the stand-in, from ESM
// (module.register resolve hook) and from CJS (Module._resolveFilename), before the app loads.
import Module, { register } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const standin = new URL('./electron/index.mjs', import.meta.url).href;
const cjsShim = fileURLToPath(new URL('./electron/index.cjs', import.meta.url));
const entry = process.argv[1] ? pathToFileURL(process.argv[1]).href : '';

// A Windows launch: the app's own code (its entry bundle, and the stand-in's modules that model
// Windows) reads process.platform as 'win32'; everything else (Node's internals, Playwright driving
// Chromium, dependencies such as electron-store) keeps this machine's, since their Windows paths
// would point nowhere here. Decided per read from the caller's file on the stack.
const launchOptions = JSON.parse(process.env.ELECTRON_STANDIN_OPTIONS ?? '{}');
if (launchOptions.platform === 'win32' && entry) {
  const real = process.platform;
  const standinDir = new URL('./electron/', import.meta.url).href;
  Object.defineProperty(process, 'platform', {
    configurable: true,
    enumerable: true,
    get() {
      const caller = (new Error().stack ?? '').split('\n')[2] ?? '';
      return caller.includes(entry) || caller.includes(standinDir) ? 'win32' : real;
    },
  });
}

// The hooks run on Node's loader thread; they need only the two URLs.
register('./hooks.mjs', import.meta.url, { data: { standin, entry } });

// CJS: a dependency doing require('electron') gets the very same objects as `import`.
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'electron' || request === 'electron/main' || request === 'electron/common') return cjsShim;
  return resolveFilename.call(this, request, ...rest);
};

// Load the stand-in now (Electron's modules exist before the app's code runs) so the CJS shim can
// hand out the already-built objects synchronously.
const electron = await import(standin);
electron.__standinBoot(entry);
