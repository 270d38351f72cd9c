// The Node look-alikes a sandboxed preload gets (docs/tutorial/sandbox.md): Electron bundles
// browser builds of `events`, `timers`, `url` and `buffer`; these are small equivalents. The
// function runs in the page, so it is self-contained (its source is injected).
export function makePolyfills() {
  class EventEmitter {
    constructor() { Object.defineProperty(this, '_events', { value: new Map(), writable: true }); }
    _list(name) { if (!this._events.has(name)) this._events.set(name, []); return this._events.get(name); }
    on(name, fn) { this._list(name).push({ fn, once: false }); return this; }
    addListener(name, fn) { return this.on(name, fn); }
    prependListener(name, fn) { this._list(name).unshift({ fn, once: false }); return this; }
    once(name, fn) { this._list(name).push({ fn, once: true }); return this; }
    removeListener(name, fn) {
      const list = this._list(name);
      const i = list.findIndex((l) => l.fn === fn);
      if (i >= 0) list.splice(i, 1);
      return this;
    }
    off(name, fn) { return this.removeListener(name, fn); }
    removeAllListeners(name) { if (name === undefined) this._events.clear(); else this._events.delete(name); return this; }
    listeners(name) { return this._list(name).map((l) => l.fn); }
    listenerCount(name) { return this._list(name).length; }
    eventNames() { return [...this._events.keys()].filter((n) => this._list(n).length > 0); }
    setMaxListeners() { return this; }
    emit(name, ...args) {
      const list = [...this._list(name)];
      if (list.length === 0 && name === 'error') throw args[0] instanceof Error ? args[0] : new Error(`Unhandled error. (${args[0]})`);
      for (const l of list) {
        if (l.once) this.removeListener(name, l.fn);
        l.fn.apply(this, args);
      }
      return list.length > 0;
    }
  }
  const setImmediate = (fn, ...args) => setTimeout(fn, 0, ...args);
  const clearImmediate = (id) => clearTimeout(id);
  const timers = { setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate };
  const url = { URL, URLSearchParams };
  class Buffer extends Uint8Array {
    static from(value, encoding) {
      if (typeof value === 'string') {
        if (encoding === 'base64') return new Buffer(Uint8Array.from(atob(value), (c) => c.charCodeAt(0)));
        if (encoding === 'hex') return new Buffer((value.match(/../g) ?? []).map((h) => parseInt(h, 16)));
        return new Buffer(new TextEncoder().encode(value));
      }
      if (value instanceof ArrayBuffer) return new Buffer(new Uint8Array(value));
      return new Buffer(Uint8Array.from(value));
    }
    static alloc(size, fill = 0) { return new Buffer(size).fill(fill); }
    static isBuffer(value) { return value instanceof Buffer; }
    static byteLength(text) { return new TextEncoder().encode(String(text)).length; }
    static concat(list) { const out = new Buffer(list.reduce((n, b) => n + b.length, 0)); let o = 0; for (const b of list) { out.set(b, o); o += b.length; } return out; }
    toString(encoding) {
      if (encoding === 'hex') return [...this].map((b) => b.toString(16).padStart(2, '0')).join('');
      if (encoding === 'base64') return btoa(String.fromCharCode(...this));
      return new TextDecoder().decode(this);
    }
  }
  const events = Object.assign(EventEmitter, { EventEmitter, default: EventEmitter });
  return { EventEmitter, events, timers, url, Buffer, setImmediate, clearImmediate };
}
