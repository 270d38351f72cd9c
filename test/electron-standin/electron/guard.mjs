// The "not modelled" guard, shared by the main process's and the utility process's `electron`.

// Properties a caller may probe without meaning to use an Electron API (await, JSON, inspection).
const PROBES = new Set(['then', 'toJSON', 'constructor', 'inspect', 'asymmetricMatch', '$$typeof', 'nodeType', 'toString', 'valueOf', 'default', '__esModule']);

/** Wraps an API object so touching anything the stand-in does not model fails with its name. */
export function guard(label, target) {
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === 'symbol' || key in t || PROBES.has(key)) return Reflect.get(t, key, receiver);
      throw new Error(`Electron stand-in: ${label}.${key} is not modelled`);
    },
  });
}
