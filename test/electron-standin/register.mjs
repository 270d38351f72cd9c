// Loaded with `node --import <this> <main.js>`: makes `electron` resolve to the stand-in, from ESM
// (module.register resolve hook) and from CJS (Module._resolveFilename), before the app loads.
import Module, { register } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const standin = new URL('./electron/index.mjs', import.meta.url).href;
const cjsShim = fileURLToPath(new URL('./electron/index.cjs', import.meta.url));
const entry = process.argv[1] ? pathToFileURL(process.argv[1]).href : '';

// A Windows launch: the app reads process.platform to decide what its notifications offer. Set before
// any app code runs; node:path and the file system keep this machine's (Linux's) behaviour.
const launchOptions = JSON.parse(process.env.ELECTRON_STANDIN_OPTIONS ?? '{}');
if (launchOptions.platform === 'win32') Object.defineProperty(process, 'platform', { value: 'win32' });

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
