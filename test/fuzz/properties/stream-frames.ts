import fc from 'fast-check';
import { SECRET } from './words';

/**
 * Whole frames a hostile or broken backend sends, beyond the per-item junk of
 * test/sync/per-item.property.test.ts: frames that are no frame at all, known types whose envelope
 * is broken, frames a correct client must ignore (replays, answers nobody asked for), gaps it must
 * heal, and one over 1 MiB. Many carry the client's own token, which must never reach a log.
 *
 * Left out on purpose: frames that are valid and lie (a `resync` with no snapshot after it, a first
 * snapshot page with no last one, a last page at another seq). A client must believe those; they
 * are a backend's bug, not input to survive.
 */
export interface Junk {
  kind: string;
  data: string | Buffer;
}

const json = fc.jsonValue({ maxDepth: 3 });
const secretBearing = fc.constantFrom(SECRET, `Bearer ${SECRET}`, { token: SECRET }, [SECRET], { [SECRET]: 1 });
const junkValue = fc.oneof(
  json,
  secretBearing,
  fc.constantFrom(-1, 1.5, 2 ** 53 + 2, 1e308, '1', '', '\u0000', '\ud800', null, true, [], {}, { __proto__: null }),
);

/** A valid frame of each kind, whose fields the junk breaks one at a time. */
const TEMPLATES: Record<string, Record<string, unknown>> = {
  hello: { type: 'hello', protocol: 1, serverTime: '2026-11-24T10:00:00.000Z', heartbeatMs: 15000, tenant: { id: 't', name: 'T' }, user: { id: 'u', name: 'U' }, headSeq: 0 },
  resync: { type: 'resync', reason: 'no_cursor' },
  snapshot: { type: 'snapshot', page: 3, last: false, sessions: [] },
  changes: { type: 'changes', fromSeq: 1, toSeq: 1, items: [{ seq: 1, op: 'remove', id: 'x' }] },
  transcript: { type: 'transcript', reqId: 'r1', sessionId: 's_0', entries: [], complete: true },
  'transcript.append': { type: 'transcript.append', sessionId: 's_0', entries: [] },
  result: { type: 'result', reqId: 'r1', ok: true },
  error: { type: 'error', code: 'internal', message: 'boom' },
};

/** A known type with one field of its envelope missing or wrong: dropped, counted, logged without its text. */
const brokenEnvelope: fc.Arbitrary<Junk> = fc
  .record({ type: fc.constantFrom(...Object.keys(TEMPLATES)), field: fc.nat(), value: junkValue, remove: fc.boolean() })
  .map(({ type, field, value, remove }) => {
    const frame = structuredClone(TEMPLATES[type]!);
    const keys = Object.keys(frame).filter((k) => k !== 'type');
    const key = keys[field % keys.length]!;
    if (remove) delete frame[key];
    else frame[key] = value;
    return { kind: `broken ${type}.${key}`, data: JSON.stringify(frame) };
  })
  // Some breaks leave a valid frame (a resync's reason may be any string): those are not junk.
  .filter((j) => !isValidLie(j.data as string));

function isValidLie(text: string): boolean {
  const f = JSON.parse(text) as Record<string, unknown>;
  if (f.type === 'resync') return typeof f.reason === 'string';
  if (f.type === 'hello') return typeof f.headSeq === 'number' && Number.isInteger(f.headSeq) && (f.headSeq as number) >= 0 && typeof f.protocol === 'number' && typeof f.heartbeatMs === 'number';
  // Any page that reads (even out of order) restarts the snapshot: sent on every connection, it never ends.
  if (f.type === 'snapshot') return Number.isInteger(f.page) && (f.page as number) >= 0 && typeof f.last === 'boolean' && Array.isArray(f.sessions);
  if (f.type === 'error') return f.retryAfterMs !== undefined;
  return false;
}

const deep = (depth: number, inner: string) => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

const notAFrame: fc.Arbitrary<Junk> = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map((b): Junk => ({ kind: 'binary', data: Buffer.from(b) })),
  fc.oneof(fc.string(), fc.constantFrom('{ not json', '', '\u0000', 'null', '1e999', '{"type":"changes",')).map((data): Junk => ({ kind: 'not JSON', data })),
  fc.oneof(fc.array(json), fc.integer(), fc.string(), fc.constant(null)).map((v): Junk => ({ kind: 'not an object', data: JSON.stringify(v) })),
  fc.record({ type: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string())), payload: junkValue }).map((v): Junk => ({ kind: 'type not a string', data: JSON.stringify(v) })),
  fc.record({ type: fc.oneof(fc.string(), fc.constantFrom('CHANGES', 'hello ', '__proto__', 'constructor', SECRET)), payload: junkValue }).map((v): Junk => ({ kind: 'unknown type', data: JSON.stringify(v) })),
  fc.integer({ min: 1_000, max: 100_000 }).map((d): Junk => ({ kind: 'deep nesting', data: `{"type":"changes","fromSeq":1,"toSeq":1,"items":[{"seq":1,"op":"upsert","session":${deep(d, '{}')}}]}` })),
  fc.integer({ min: 1_000, max: 100_000 }).map((d): Junk => ({ kind: 'deep nesting', data: `{"type":"transcript.append","sessionId":"s_0","entries":${deep(d, '1')}}` })),
  fc.constantFrom<Junk>(
    { kind: 'prototype keys', data: `{"type":"changes","__proto__":{"fromSeq":1},"constructor":{"prototype":{"x":1}},"token":"${SECRET}"}` },
    { kind: 'prototype keys', data: '{"__proto__":{"type":"hello"},"type":"__proto__"}' },
    { kind: 'NUL bytes', data: `{"type":"error\\u0000","code":"\\u0000","message":"${SECRET}\\u0000"}` },
    { kind: 'huge numbers', data: '{"type":"changes","fromSeq":1e400,"toSeq":-1e400,"items":[1e400]}' },
  ),
);

/** Valid, and nothing to act on: answers to requests never made, for sessions nobody opened. */
const ignorable: fc.Arbitrary<Junk> = fc.oneof(
  fc.record({ reqId: fc.string({ minLength: 1, maxLength: 20 }), ok: fc.boolean() }).map(({ reqId, ok }): Junk => ({
    kind: 'result nobody asked for',
    data: JSON.stringify({ type: 'result', reqId, ok, ...(ok ? {} : { error: { code: 'internal', message: SECRET } }) }),
  })),
  fc.record({ reqId: fc.string({ minLength: 1, maxLength: 20 }), entries: fc.array(junkValue, { maxLength: 3 }) }).map(({ reqId, entries }): Junk => ({
    kind: 'transcript nobody asked for',
    data: JSON.stringify({ type: 'transcript', reqId, sessionId: 'nobody', entries, complete: true }),
  })),
  fc.array(junkValue, { maxLength: 3 }).map((entries): Junk => ({ kind: 'append nobody watches', data: JSON.stringify({ type: 'transcript.append', sessionId: 'nobody', entries }) })),
  fc.record({ code: fc.constantFrom('internal', 'rate_limited', 'forbidden', SECRET), message: fc.oneof(fc.string(), fc.constant(SECRET)) }).map((e): Junk => ({ kind: 'error', data: JSON.stringify({ type: 'error', ...e }) })),
);

export type Placed = { kind: 'replay' | 'gap'; items: unknown[] };

/** Changes whose envelope holds but whose place does not: a replay is ignored, a gap healed by asking again. */
export const misplacedArb: fc.Arbitrary<Placed> = fc.record({
  kind: fc.constantFrom<'replay' | 'gap'>('replay', 'gap'),
  items: fc.array(fc.oneof(junkValue, fc.record({ op: fc.constantFrom('upsert', 'remove', 'patch'), id: fc.string(), session: junkValue })), { minLength: 1, maxLength: 4 }),
});

export const junkArb: fc.Arbitrary<Junk> = fc.oneof({ weight: 3, arbitrary: notAFrame }, { weight: 3, arbitrary: brokenEnvelope }, { weight: 2, arbitrary: ignorable });

/** One frame over the 1 MiB limit: the client closes with 1009 and reconnects. */
export const OVERSIZED: Junk = { kind: 'over 1 MiB', data: `{"type":"error","code":"x","message":"${'y'.repeat(1024 * 1024)}"}` };
