// Carries an IPC payload between Node and the page as JSON with tags for what JSON loses
// (undefined, NaN, BigInt, Date, RegExp, Map, Set, binary, Error, shared references). Callers
// first check the payload is structured-cloneable, as Electron's V8 serializer does; this only
// moves the clone. `makeCodec` must stay self-contained: its source is injected into pages.
// The tagged tree crosses CDP as one string: handed to Playwright as a tree, each of its nodes
// went through Playwright's own protocol validation, about 40 ms in the stand-in's main per
// 50-row answer, a cost real Electron (whose ports skip main) never has.
export function makeCodec() {
  const b64 = (bytes) => {
    let s = '';
    for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s);
  };
  const unb64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  function encodeNode(value, seen = new Map()) {
    if (value === undefined) return { t: 'u' };
    if (typeof value === 'bigint') return { t: 'b', v: String(value) };
    if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) return { t: 'n', v: Object.is(value, -0) ? '-0' : String(value) };
    if (value === null || typeof value !== 'object') return { t: 'p', v: value };
    if (seen.has(value)) return { t: 'ref', id: seen.get(value) };
    const id = seen.size;
    seen.set(value, id);
    const tag = Object.prototype.toString.call(value).slice(8, -1);
    if (tag === 'Date') return { t: 'date', id, v: value.getTime() };
    if (tag === 'RegExp') return { t: 're', id, s: value.source, f: value.flags };
    if (tag === 'Error' || value instanceof Error) return { t: 'err', id, name: value.name, message: value.message, stack: value.stack };
    if (tag === 'Map') return { t: 'map', id, e: [...value].map(([k, v]) => [encodeNode(k, seen), encodeNode(v, seen)]) };
    if (tag === 'Set') return { t: 'set', id, e: [...value].map((v) => encodeNode(v, seen)) };
    if (tag === 'ArrayBuffer') return { t: 'ab', id, d: b64(new Uint8Array(value)) };
    if (ArrayBuffer.isView(value)) {
      const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      return { t: 'view', id, k: value.constructor.name, d: b64(bytes) };
    }
    if (Array.isArray(value)) return { t: 'arr', id, e: value.map((v) => encodeNode(v, seen)) };
    return { t: 'obj', id, e: Object.keys(value).map((k) => [k, encodeNode(value[k], seen)]) };
  }
  function decodeNode(node, refs = new Map()) {
    const keep = (v) => (refs.set(node.id, v), v);
    switch (node.t) {
      case 'u': return undefined;
      case 'b': return BigInt(node.v);
      case 'n': return node.v === '-0' ? -0 : Number(node.v);
      case 'p': return node.v;
      case 'ref': return refs.get(node.id);
      case 'date': return keep(new Date(node.v));
      case 're': return keep(new RegExp(node.s, node.f));
      case 'err': {
        const e = keep(new (globalThis[node.name] ?? Error)(node.message));
        if (node.stack) e.stack = node.stack;
        return e;
      }
      case 'map': { const m = keep(new Map()); for (const [k, v] of node.e) m.set(decodeNode(k, refs), decodeNode(v, refs)); return m; }
      case 'set': { const s = keep(new Set()); for (const v of node.e) s.add(decodeNode(v, refs)); return s; }
      case 'ab': return keep(unb64(node.d).buffer);
      case 'view': {
        const bytes = unb64(node.d);
        // A Node Buffer arrives in a renderer as a Uint8Array (there is no Buffer there).
        const Ctor = node.k === 'Buffer' ? (globalThis.Buffer ?? Uint8Array) : (globalThis[node.k] ?? Uint8Array);
        if (Ctor === globalThis.Buffer) return keep(Ctor.from(bytes));
        if (Ctor === DataView) return keep(new DataView(bytes.buffer));
        return keep(new Ctor(bytes.buffer, 0, bytes.byteLength / (Ctor.BYTES_PER_ELEMENT ?? 1)));
      }
      case 'arr': { const a = keep([]); for (const v of node.e) a.push(decodeNode(v, refs)); return a; }
      case 'obj': { const o = keep({}); for (const [k, v] of node.e) o[k] = decodeNode(v, refs); return o; }
      default: throw new Error(`Electron stand-in: bad IPC payload tag ${node.t}`);
    }
  }
  const encode = (value) => JSON.stringify(encodeNode(value));
  const decode = (text) => decodeNode(JSON.parse(text));
  return { encode, decode };
}
