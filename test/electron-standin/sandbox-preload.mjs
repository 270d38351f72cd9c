// The page side of a window: an init script (it runs before the page's own scripts, in every new
// document of the window) that sets up ipcRenderer over a Playwright binding and runs the preload
// the way lib/sandboxed_renderer/{init,preload}.ts do: a wrapper function with `require`,
// `process`, `exports`, `module`, `Buffer`, `global`, `setImmediate`, `clearImmediate`, whose
// `require` knows only the modules docs/tutorial/sandbox.md lists.
import vm from 'node:vm';
import { makeCodec } from './electron/codec.mjs';
import { makeContextBridge } from './page/context-bridge.mjs';
import { makePolyfills } from './page/polyfills.mjs';
import { makePagePorts } from './page/ports.mjs';
import { PRELOAD_PARAMS as PARAMS, SANDBOX_MODULES } from './sandbox-modules.mjs';

/** Runs in the page. `runPreload` is the preload compiled as a function of PARAMS (or null). */
function pageMain(cfg, makeCodec, makePolyfills, makeContextBridge, makePagePorts, runPreload) {
  if (window !== window.top) return; // preloads run in the main frame only (nodeIntegrationInSubFrames off)
  const binding = window[cfg.binding];
  delete window[cfg.binding];
  const { encode, decode } = makeCodec();
  const { EventEmitter, events, timers, url, Buffer, setImmediate, clearImmediate } = makePolyfills();
  // While ipcRenderer.postMessage waits for its ports (one task, see below), later calls queue
  // behind it so main sees them in the order the page made them.
  let tail = null;
  const after = (step) => {
    const done = (tail ?? Promise.resolve()).then(step);
    tail = done;
    done.then(() => { if (tail === done) tail = null; });
    return done;
  };
  const call = (message) => {
    if (!tail) return binding(message);
    let result;
    return after(() => { result = binding(message); }).then(() => result);
  };
  const ports = makePagePorts(call, encode, decode);
  const cloneArgs = (args) => {
    try {
      structuredClone(args);
    } catch {
      // Electron's serializer (shell/common/v8_util.cc) ends any clone failure with this message.
      throw new Error('An object could not be cloned.');
    }
    return encode(args);
  };
  class IpcRenderer extends EventEmitter {
    send(channel, ...args) {
      call({ kind: 'send', channel: String(channel), args: cloneArgs(args) }).catch(() => {});
    }
    async invoke(channel, ...args) {
      const { error, result } = await call({ kind: 'invoke', channel: String(channel), args: cloneArgs(args) });
      if (error) throw new Error(`Error invoking remote method '${channel}': ${error}`);
      return decode(result);
    }
  }
  const notModelled = (name) => new Proxy({}, { get(_t, key) { if (typeof key === 'symbol' || key === 'then') return undefined; throw new Error(`Electron stand-in: ${name}.${String(key)} is not modelled`); } });
  const ipcRenderer = new IpcRenderer();
  // electron_api_ipc_renderer.cc PostMessage: the message alone through SerializeV8Value, then
  // the transfer list disentangled. The ports are moved through a private channel: that neuters
  // them at once as Chromium would, and hands them back to be bridged a task later.
  ipcRenderer.postMessage = (channel, message, transfer) => {
    try { structuredClone(message); } catch { throw new Error('An object could not be cloned.'); }
    const list = transfer === undefined ? [] : transfer;
    if (!Array.isArray(list) || list.some((p) => !(p instanceof MessagePort))) throw new TypeError('Invalid value for transfer');
    const { port1, port2 } = new MessageChannel();
    const arrived = new Promise((resolve) => { port2.onmessage = resolve; });
    try { port1.postMessage(null, list); } catch { throw new TypeError('Invalid value for transfer'); }
    const data = encode(message);
    after(() => arrived.then((e) => { binding({ kind: 'post-message', channel: String(channel), data, ports: e.ports.map(ports.mint) }).catch(() => {}); port1.close(); }));
  };
  for (const name of ['sendSync', 'sendToHost']) ipcRenderer[name] = () => { throw new Error(`Electron stand-in: ipcRenderer.${name} is not modelled`); };
  const electron = {
    contextBridge: makeContextBridge(cfg.contextIsolated),
    ipcRenderer,
    crashReporter: notModelled('crashReporter'),
    nativeImage: notModelled('nativeImage'),
    webFrame: notModelled('webFrame'),
    webUtils: notModelled('webUtils'),
  };
  // Main -> page delivery; false means nobody listens, and the message is lost as in Electron.
  Object.defineProperty(window, cfg.deliver, {
    value: (channel, payload, portDescs) => {
      if (ipcRenderer.listenerCount(channel) === 0) return false;
      // webContents.postMessage: one message and its ports as DOM MessagePorts (event.ports).
      if (portDescs) ipcRenderer.emit(channel, { sender: ipcRenderer, ports: portDescs.map(ports.adopt) }, decode(payload));
      else ipcRenderer.emit(channel, { sender: ipcRenderer, ports: [] }, ...decode(payload));
      return true;
    },
  });
  Object.defineProperty(window, `${cfg.deliver}_port`, { value: (id, data, descs) => (data === null ? ports.close(id) : ports.deliver(id, data, descs)) });
  // will-navigate: page-initiated cross-document navigations are held until main has had its say
  // (loadURL is browser-initiated and does not fire 'navigate', as Electron skips will-navigate).
  let allowed = null;
  window.navigation?.addEventListener('navigate', (e) => {
    const url = e.destination.url;
    if (e.destination.sameDocument || e.navigationType === 'reload' || e.navigationType === 'traverse' || !e.cancelable) return;
    if (allowed === url) return void (allowed = null);
    e.preventDefault();
    call({ kind: 'will-navigate', url }).then((go) => { if (go) { allowed = url; location.href = url; } }, () => {});
  });
  // setWindowOpenHandler: window.open and target=_blank links ask main, which may open a window.
  const open = (url, frameName = '', features = '', disposition = 'new-window') => {
    call({ kind: 'window-open', url: new URL(String(url ?? ''), location.href).href, frameName, features, disposition }).catch(() => {});
    return null;
  };
  window.open = (url, target, features) => open(url, target, features, features ? 'new-window' : 'foreground-tab');
  document.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest('a[target=_blank]') : null;
    if (a && a.href) { e.preventDefault(); open(a.href, '', '', 'foreground-tab'); }
  }, true);
  const given = { electron, events, timers, url };
  const modules = new Map(Object.entries(cfg.modules).flatMap(([what, names]) => names.map((name) => [name, given[what]])));
  const preloadRequire = (module) => {
    if (modules.has(module)) return modules.get(module);
    throw new Error(`module not found: ${module}`);
  };
  const preloadProcess = Object.assign(new EventEmitter(), cfg.process, { getProcessMemoryInfo: () => Promise.resolve({ private: 0, shared: 0, residentSet: 0 }) });
  const fail = (error) => {
    console.error(`Unable to load preload script: ${cfg.preloadPath}`);
    console.error(error);
    call({ kind: 'preload-error', path: cfg.preloadPath, error: { name: error?.name, message: String(error?.message ?? error), stack: String(error?.stack ?? '') } }).catch(() => {});
  };
  try {
    if (cfg.compileError) throw Object.assign(new SyntaxError(cfg.compileError.message), { stack: cfg.compileError.stack });
    if (runPreload) {
      const exports = {};
      runPreload(preloadRequire, preloadProcess, exports, { exports }, Buffer, globalThis, setImmediate, clearImmediate);
    }
  } catch (error) {
    fail(error);
  }
}

/** The init script for one window: config, helpers and the preload inlined (pages' CSP forbids eval). */
export function buildInitScript({ binding, deliver, preloadPath, preloadSource, readError, contextIsolated, processProps }) {
  // An unreadable preload is reported in the page like Electron's `script.error`.
  let compileError = readError ? { message: readError.message, stack: String(readError.stack) } : null;
  let fn = 'null';
  if (preloadSource != null) {
    try {
      // Same parameter list as Electron's CompileFunction, checked here so a syntax error is
      // reported like Electron's instead of breaking the whole init script.
      vm.compileFunction(preloadSource, PARAMS, { filename: preloadPath });
      fn = `function (${PARAMS.join(', ')}) {\n${preloadSource}\n}`;
    } catch (error) {
      compileError = { message: error.message, stack: String(error.stack) };
    }
  }
  const cfg = { binding, deliver, preloadPath, contextIsolated, process: processProps, compileError, modules: SANDBOX_MODULES };
  return `(${pageMain})(${JSON.stringify(cfg)}, ${makeCodec}, ${makePolyfills}, ${makeContextBridge}, ${makePagePorts}, ${fn});\n//# sourceURL=electron-standin-sandbox:${preloadPath}`;
}
