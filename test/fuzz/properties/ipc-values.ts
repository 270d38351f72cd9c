import fc from 'fast-check';
import { API_METHODS } from '../../../src/shared/api';
import { SECRET } from './words';

/**
 * Junk of every kind the structured clone carries (and some it refuses), described as data so it
 * can cross into the page and be built there: Dates, Maps, Sets, typed arrays, BigInts, nested
 * and cyclic objects, huge strings, undefined, null, functions and symbols.
 */
export type Recipe =
  | { k: 'undefined' | 'null' | 'function' | 'symbol' | 'proto' }
  | { k: 'boolean'; v: boolean }
  | { k: 'number'; v: number | 'NaN' | 'Infinity' | '-Infinity' | '-0' }
  | { k: 'bigint'; v: string }
  | { k: 'string'; v: string }
  | { k: 'huge'; n: number }
  | { k: 'date'; v: number }
  | { k: 'regexp'; v: string }
  | { k: 'error'; v: string }
  | { k: 'typed'; ctor: string; n: number }
  | { k: 'map'; e: Array<[Recipe, Recipe]> }
  | { k: 'set'; e: Recipe[] }
  | { k: 'array'; e: Recipe[] }
  | { k: 'object'; e: Array<[string, Recipe]> }
  | { k: 'cyclic'; inner: Recipe };

const TYPED = ['Uint8Array', 'Int16Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'Uint8ClampedArray', 'ArrayBuffer', 'DataView'];
/**
 * Strings the API knows, near misses, and a URL pointing nowhere but loopback (no real network).
 * Never the run's own profile id ('fuzz'): removing it is a valid request, and its sessions would go.
 */
const STRINGS = ['fuzz/fr_1', 'fr_1', 'acme', 'demo', '', 'approve', 'https://app.discoparrot.example/x', 'ws://127.0.0.1:1', 'javascript:alert(1)', 'file:///etc/passwd', '__proto__', 'constructor', 'discoparrot://session/fuzz/fr_1', 'CommandOrControl+Shift+Space', 'dark'];

// No sparse arrays: the stand-in's IPC codec (test/electron-standin/electron/codec.mjs) sends a hole
// as null and then cannot decode it, so a sparse array inside a Set or Map is lost on the way to the
// core; Electron's own serializer keeps holes. A limit of the stand-in, not of the app.
const leaf: fc.Arbitrary<Recipe> = fc.oneof(
  fc.constantFrom<Recipe>({ k: 'undefined' }, { k: 'null' }, { k: 'function' }, { k: 'symbol' }, { k: 'proto' }),
  fc.boolean().map((v): Recipe => ({ k: 'boolean', v })),
  fc.oneof(fc.integer(), fc.double(), fc.constantFrom<'NaN' | 'Infinity' | '-Infinity' | '-0'>('NaN', 'Infinity', '-Infinity', '-0')).map((v): Recipe => ({ k: 'number', v: Number.isNaN(v as number) ? 'NaN' : (v as number) })),
  fc.bigInt().map((v): Recipe => ({ k: 'bigint', v: String(v) })),
  fc.oneof(fc.constantFrom(...STRINGS), fc.string({ maxLength: 20 })).map((v): Recipe => ({ k: 'string', v })),
  fc.integer({ min: 100_000, max: 2_000_000 }).map((n): Recipe => ({ k: 'huge', n })),
  fc.integer({ min: -8.64e15, max: 8.64e15 }).map((v): Recipe => ({ k: 'date', v })),
  fc.constantFrom('a+', '(?:)', '^x$').map((v): Recipe => ({ k: 'regexp', v })),
  fc.constantFrom('boom', SECRET).map((v): Recipe => ({ k: 'error', v })),
  fc.record({ ctor: fc.constantFrom(...TYPED), n: fc.integer({ min: 0, max: 64 }) }).map((t): Recipe => ({ k: 'typed', ...t })),
);

export const recipeArb: fc.Arbitrary<Recipe> = fc.letrec<{ value: Recipe }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(fc.tuple(tie('value'), tie('value')), { maxLength: 3 }).map((e): Recipe => ({ k: 'map', e })),
    fc.array(tie('value'), { maxLength: 3 }).map((e): Recipe => ({ k: 'set', e })),
    fc.array(tie('value'), { maxLength: 4 }).map((e): Recipe => ({ k: 'array', e })),
    fc.array(fc.tuple(fc.oneof(fc.constantFrom('sessionId', 'id', 'url', 'action', 'view', 'name', 'token', 'backendUrl', 'theme', 'shortcut', 'scope', 'checkpointId', '__proto__'), fc.string({ maxLength: 6 })), tie('value')), { maxLength: 4 }).map((e): Recipe => ({ k: 'object', e })),
    tie('value').map((inner): Recipe => ({ k: 'cyclic', inner })),
  ),
})).value;

/** A method name: one the API has (most often), one near it, or no string at all. */
export const methodArb: fc.Arbitrary<Recipe> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...Object.keys(API_METHODS)).map((v): Recipe => ({ k: 'string', v })) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'toString', 'hasOwnProperty', '', 'x'.repeat(65)).map((v): Recipe => ({ k: 'string', v })) },
  { weight: 1, arbitrary: recipeArb },
);

/**
 * Builds a recipe's value; runs in the page, so it is self-contained (no imports, no closures).
 * Returned as a function for page.evaluate to carry by its source.
 */
export function buildValue(recipe: Recipe): unknown {
  const build = (r: Recipe): unknown => {
    switch (r.k) {
      case 'undefined': return undefined;
      case 'null': return null;
      case 'function': return () => 1;
      case 'symbol': return Symbol('fuzz');
      case 'proto': return JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}');
      case 'boolean': return r.v;
      case 'number': return typeof r.v === 'number' ? r.v : r.v === '-0' ? -0 : Number(r.v);
      case 'bigint': return BigInt(r.v);
      case 'string': return r.v;
      case 'huge': return 'h'.repeat(r.n);
      case 'date': return new Date(r.v);
      case 'regexp': return new RegExp(r.v);
      case 'error': return new Error(r.v);
      case 'typed': {
        const g = globalThis as unknown as Record<string, new (n: number | ArrayBuffer) => unknown>;
        if (r.ctor === 'ArrayBuffer') return new ArrayBuffer(r.n);
        if (r.ctor === 'DataView') return new DataView(new ArrayBuffer(r.n));
        return new g[r.ctor]!(r.n);
      }
      case 'map': return new Map(r.e.map(([a, b]) => [build(a), build(b)]));
      case 'set': return new Set(r.e.map(build));
      case 'array': return r.e.map(build);
      case 'object': return Object.fromEntries(r.e.map(([key, v]) => [key, build(v)]));
      case 'cyclic': {
        const o: Record<string, unknown> = { value: build(r.inner) };
        o.self = o;
        return o;
      }
    }
  };
  return build(recipe);
}

/** A short name for a recipe's kind, for coverage. */
export const kindOf = (r: Recipe): string => (r.k === 'typed' ? r.ctor : r.k);
