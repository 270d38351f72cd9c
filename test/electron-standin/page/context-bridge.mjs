// contextBridge.exposeInMainWorld with Electron's copy rules (docs/api/context-bridge.md, and
// PassValueToOtherContext in shell/renderer/api/electron_api_context_bridge.cc): plain objects
// and arrays are rebuilt (prototype dropped, getters read once), functions and promises are
// proxied with their arguments/results copied, errors keep only their message, DOM elements and
// Blobs pass through, everything else is structured-cloned; the result is deep-frozen and set
// read-only on window. Both "worlds" are the page's one JS world here (see README).
export function makeContextBridge(contextIsolated) {
  function isPlainObject(v) {
    const tag = Object.prototype.toString.call(v).slice(8, -1);
    return !['Date', 'RegExp', 'Map', 'Set', 'WeakMap', 'WeakSet', 'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Promise', 'Error', 'Arguments', 'Boolean', 'Number', 'String', 'Symbol', 'BigInt'].includes(tag) && !ArrayBuffer.isView(v);
  }
  function copy(value, cache) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    if (cache.has(value)) return cache.get(value);
    if (typeof value === 'function') {
      const proxied = function (...args) {
        let result;
        try {
          result = value.apply(value, args.map((a) => copy(a, new Map())));
        } catch (error) {
          throw copy(error, new Map());
        }
        return copy(result, new Map());
      };
      cache.set(value, proxied);
      return proxied;
    }
    if (value instanceof Promise) {
      const proxied = new Promise((resolve, reject) => value.then((v) => resolve(copy(v, new Map())), (e) => reject(copy(e, new Map()))));
      cache.set(value, proxied);
      return proxied;
    }
    if (value instanceof Error) return new Error(typeof value.message === 'string' ? value.message : String(value));
    if (Array.isArray(value)) {
      const out = [];
      cache.set(value, out);
      for (let i = 0; i < value.length; i++) out.push(copy(value[i], cache));
      return out;
    }
    if ((typeof Node !== 'undefined' && value instanceof Node) || (typeof Blob !== 'undefined' && value instanceof Blob)) return value;
    if (isPlainObject(value)) {
      const out = {};
      cache.set(value, out);
      for (const key of Object.keys(value)) out[key] = copy(value[key], cache);
      return out;
    }
    const cloned = structuredClone(value);
    cache.set(value, cloned);
    return cloned;
  }
  function deepFreeze(v, seen = new Set()) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v) || ArrayBuffer.isView(v)) return;
    if (typeof Node !== 'undefined' && v instanceof Node) return;
    seen.add(v);
    for (const key of Object.keys(v)) deepFreeze(v[key], seen);
    Object.freeze(v);
  }
  const check = () => {
    if (!contextIsolated) throw new Error('contextBridge API can only be used when contextIsolation is enabled');
  };
  return {
    exposeInMainWorld(key, api) {
      check();
      if (key in window) throw new Error('Cannot bind an API on top of an existing property on the window object');
      const proxy = copy(api, new Map());
      if (typeof proxy === 'object' || typeof proxy === 'function') deepFreeze(proxy);
      Object.defineProperty(window, key, { value: proxy, writable: false, configurable: false, enumerable: true });
    },
    exposeInIsolatedWorld() { throw new Error('Electron stand-in: contextBridge.exposeInIsolatedWorld is not modelled'); },
    executeInMainWorld() { throw new Error('Electron stand-in: contextBridge.executeInMainWorld is not modelled'); },
  };
}
