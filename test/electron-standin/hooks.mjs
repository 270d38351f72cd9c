// Loader-thread hooks (module.register). `electron` is a built-in of Electron's Node, so every
// importer, the app or node_modules, gets the stand-in. The entry module gets one line appended
// that tells the stand-in the app's code has been evaluated: Electron emits `ready` only after
// `appCodeLoaded` (lib/browser/init.ts), i.e. after the entry's module graph (top-level await
// included) has run.
let standin = '';
let entry = '';
const ELECTRON = new Set(['electron', 'electron/main', 'electron/common']);

export function initialize(data) {
  standin = data.standin;
  entry = data.entry;
}

export async function resolve(specifier, context, next) {
  if (ELECTRON.has(specifier)) return { url: standin, shortCircuit: true };
  return next(specifier, context);
}

export async function load(url, context, next) {
  const result = await next(url, context);
  if (url === entry && result.format === 'module' && result.source != null) {
    const tail = "\n;globalThis[Symbol.for('electron-standin.appCodeLoaded')]?.();\n";
    return { ...result, source: String(result.source) + tail };
  }
  return result;
}
