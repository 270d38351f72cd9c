import fc from 'fast-check';
import { API_METHODS, WatchHead } from '../../../src/shared/api';

/**
 * Frames a page (or anything that got past the bridge's door) may send over the web preview's
 * WebSocket: the four message kinds with fields near and far from valid, JSON of any shape,
 * prototype keys, nesting far deeper than any schema, text that is not JSON, binary frames, and
 * a frame over the 1 MiB limit.
 */
export interface FrameSpec {
  kind: string;
  data: string | Buffer;
}

const idLike = fc.oneof(
  fc.constantFrom('fr_1', 'bt_2', 'ch_3', 'default/fr_1', 'default/', '/', '', 'x'.repeat(200), '__proto__', 'constructor', 'default/../x', 'a\u0000b'),
  fc.string({ maxLength: 20 }),
);
const json = fc.jsonValue({ maxDepth: 3 });
const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-1, 0, 1.5, 2 ** 53, 1e300));

const paramsArb = fc.oneof(
  json,
  fc.record({ sessionId: idLike }, { requiredKeys: [] }),
  fc.record(
    { action: fc.constantFrom('approve', 'reject', 'resume', 'cancel', 'end', 'explode'), sessionId: idLike, checkpointId: fc.option(idLike), comment: fc.option(fc.string({ maxLength: 50 })) },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      scope: fc.constantFrom('mine', 'all', 'everyone', 3),
      quietHours: fc.option(fc.record({ start: fc.constantFrom('22:00', '25:00', 'x'), end: fc.constantFrom('07:00', '') })),
      snoozeUntil: fc.option(fc.oneof(number, fc.string())),
      mutedFlows: fc.array(fc.record({ id: idLike, name: fc.string({ maxLength: 10 }) }), { maxLength: 3 }),
    },
    { requiredKeys: [] },
  ),
  fc.record({ url: fc.constantFrom('https://app.discoparrot.example/x', 'http://x', 'javascript:alert(1)', 'file:///etc/passwd', 'https://', '') }),
  fc.record(
    { id: idLike, index: number, name: fc.string({ maxLength: 70 }), backendUrl: fc.constantFrom('ws://127.0.0.1:1', 'wss://x.example', 'http://x'), token: fc.constantFrom('t', '') },
    { requiredKeys: [] },
  ),
  fc.record({ sessionId: idLike, minutes: number, afterSeq: number, limit: number }, { requiredKeys: [] }),
  fc.record({ flow: fc.record({ id: idLike, name: fc.string() }), muted: fc.boolean() }),
);

const limit = fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.constantFrom(0, -1, 1001, 1.5, 1e9));
export const queryArb = fc.oneof(
  fc.record({ view: fc.constant('commandCenter'), needsYouLimit: limit, activeLimit: limit, recentLimit: limit }),
  fc.record({
    view: fc.constant('sessions'),
    filters: fc.record(
      {
        profile: fc.constantFrom('default', 'Default', 'x/y', ''),
        kind: fc.constantFrom('flow_run', 'chat', 'nope'),
        mine: fc.boolean(),
        ownerId: idLike,
        initiativeId: idLike,
        planId: idLike,
        search: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('%', '_', "'", '"', '\\', "%' OR 1=1 --", 'x'.repeat(201))),
      },
      { requiredKeys: [] },
    ),
    offset: fc.oneof(fc.nat(), fc.constantFrom(2 ** 53 - 1, 1e300, -1)),
    limit: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constantFrom(501, -1)),
  }),
  fc.record({ view: fc.constant('session'), id: idLike }),
  json,
);

const callId = fc.oneof({ weight: 8, arbitrary: fc.nat({ max: 1_000_000 }) }, fc.constantFrom(-1, 1.5, 2 ** 53, 1e300, '7', null));
const method = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...(Object.keys(API_METHODS) as string[])) },
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'x'.repeat(65), 'call'),
  fc.string({ maxLength: 12 }),
);
const qid = fc.oneof({ weight: 6, arbitrary: fc.nat({ max: 50 }) }, fc.constantFrom(-1, 0.5, 'q', 2 ** 53));

const text = (kind: string, arb: fc.Arbitrary<unknown>) => arb.map((value): FrameSpec => ({ kind, data: JSON.stringify(value) }));
const deep = (depth: number, inner: string) => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

export const frameArb: fc.Arbitrary<FrameSpec> = fc.oneof(
  { weight: 2, arbitrary: text('hello', fc.constant({ t: 'hello' })) },
  { weight: 3, arbitrary: text('watch', fc.record({ t: fc.constant('watch'), qid, query: queryArb })) },
  { weight: 1, arbitrary: text('unwatch', fc.record({ t: fc.constant('unwatch'), qid })) },
  { weight: 8, arbitrary: text('call', fc.record({ t: fc.constant('call'), id: callId, method, params: paramsArb }, { requiredKeys: ['t', 'id'] })) },
  { weight: 2, arbitrary: text('json', json) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<FrameSpec>(
      { kind: 'proto', data: '{"__proto__":{"t":"call","id":1},"t":"call","id":4242,"method":"getSettings","params":{}}' },
      { kind: 'proto', data: '{"t":"call","id":4243,"method":"updateSettings","params":{"__proto__":{"scope":"all"},"constructor":{"prototype":{"polluted":1}}}}' },
      { kind: 'proto', data: '{"t":"watch","qid":1,"query":{"view":"sessions","filters":{"__proto__":{"kind":"chat"}},"offset":0,"limit":5}}' },
      { kind: 'wrong-shape', data: '{"t":"CALL","id":1}' },
      { kind: 'wrong-shape', data: '{"t":5}' },
      { kind: 'wrong-shape', data: '[{"t":"hello"}]' },
      { kind: 'wrong-shape', data: '{"t":"call","id":4244,"method":"getSettings","params":{},"extra":true}' },
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((d): FrameSpec => ({ kind: 'deep', data: `{"t":"call","id":4245,"method":"updateSettings","params":${deep(d, '{}')}}` })) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((d): FrameSpec => ({ kind: 'deep', data: `{"t":"watch","qid":3,"query":{"view":"session","id":${deep(d, '"x"')}}}` })) },
  { weight: 2, arbitrary: fc.oneof(fc.string(), fc.constantFrom('{ not json', '', '\u0000', '\ud800', 'null', '1e999')).map((data): FrameSpec => ({ kind: 'not-json', data })) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes): FrameSpec => ({ kind: 'binary', data: Buffer.from(bytes) })) },
);

/** A frame over the bridge's 1 MiB limit: the server closes with 1009, and only that socket goes. */
export const oversized = (): FrameSpec => ({ kind: 'oversized', data: `{"t":"call","id":4246,"method":"getSettings","params":{"pad":"${'x'.repeat(1024 * 1024)}"}}` });

/** The frame as the bridge reads it: JSON text, or null for anything else. */
function parsed(frame: FrameSpec): unknown {
  if (typeof frame.data !== 'string') return null;
  try {
    return JSON.parse(frame.data);
  } catch {
    return null;
  }
}

/** The id a call-shaped message is answered with, as the core decides it (serveClient's callId). */
export function expectedReplyId(frame: FrameSpec): number | null {
  const raw = parsed(frame);
  if (typeof raw !== 'object' || raw === null) return null;
  const { t, id } = raw as { t?: unknown; id?: unknown };
  return t === 'call' && typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
}

/** The qid a watch-shaped message is answered by (its result, or its refusal in words), by the wire's own schema. */
export function expectedQid(frame: FrameSpec): number | null {
  // Whether nesting that deep parses at all depends on the stack of the side reading it.
  if (frame.kind === 'deep') return null;
  const head = WatchHead.safeParse(parsed(frame));
  return head.success ? head.data.qid : null;
}
