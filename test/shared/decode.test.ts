import { describe, expect, it } from 'vitest';
import { decodeClientFrame, decodeServerFrame, MAX_FRAME_BYTES, type Decoded } from '../../src/shared/protocol';
import { flowRun, HELLO } from './fixtures';
const text = (value: unknown): string => JSON.stringify(value);

function expectInvalid<F>(decoded: Decoded<F>, type: string | null): string {
  expect(decoded.kind).toBe('invalid');
  if (decoded.kind !== 'invalid') throw new Error('unreachable');
  expect(decoded.type).toBe(type);
  expect(decoded.reason.length).toBeGreaterThan(0);
  return decoded.reason;
}

describe('decodeServerFrame: valid frames', () => {
  it('decodes hello', () => {
    expect(decodeServerFrame(text(HELLO))).toEqual({ kind: 'frame', frame: HELLO });
  });

  it('strips unknown fields rather than rejecting', () => {
    const decoded = decodeServerFrame(text({ ...HELLO, region: 'eu-west-1', tenant: { ...HELLO.tenant, plan: 'pro' } }));
    expect(decoded).toEqual({ kind: 'frame', frame: HELLO });
  });

  it('decodes a changes batch carrying a session', () => {
    const s = flowRun({ id: 'fr_7' });
    const frame = { type: 'changes', fromSeq: 1, toSeq: 1, items: [{ seq: 1, op: 'upsert', session: s }] };
    expect(decodeServerFrame(text(frame))).toEqual({ kind: 'frame', frame });
  });
});

describe('decode: frames that are not frames', () => {
  it.each([
    ['not JSON', '{"type":"hello",'],
    ['empty text', ''],
    ['plain words', 'hello'],
  ])('%s → invalid, no type', (_label, raw) => {
    expectInvalid(decodeServerFrame(raw), null);
  });

  it.each([
    ['an array', '[{"type":"hello"}]'],
    ['null', 'null'],
    ['a string', '"hello"'],
    ['a number', '42'],
    ['no type', '{"protocol":1}'],
    ['a numeric type', '{"type":1}'],
    ['a null type', '{"type":null}'],
    ['an object type', '{"type":{"name":"hello"}}'],
  ])('%s → invalid, no type', (_label, raw) => {
    expectInvalid(decodeServerFrame(raw), null);
  });

  it('gives different reasons for not JSON and for no type', () => {
    const notJson = expectInvalid(decodeServerFrame('{'), null);
    const noType = expectInvalid(decodeServerFrame('{}'), null);
    expect(notJson).not.toBe(noType);
  });
});

describe('decode: unknown types are ignored, not invalid', () => {
  it.each(['presence', 'hello.v2', 'HELLO', ''])('server type %j → unknown', (type) => {
    expect(decodeServerFrame(text({ type, anything: [1, 2] }))).toEqual({ kind: 'unknown', type });
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('%j is unknown, not a prototype member', (type) => {
    expect(decodeServerFrame(`{"type":${JSON.stringify(type)}}`)).toEqual({ kind: 'unknown', type });
    expect(decodeClientFrame(`{"type":${JSON.stringify(type)}}`)).toEqual({ kind: 'unknown', type });
  });

  it('a client frame type is unknown to the server decoder, and the reverse', () => {
    expect(decodeServerFrame(text({ type: 'subscribe', since: null }))).toEqual({ kind: 'unknown', type: 'subscribe' });
    expect(decodeClientFrame(text(HELLO))).toEqual({ kind: 'unknown', type: 'hello' });
  });
});

describe('decode: a known type that fails validation', () => {
  it('is invalid with its type', () => {
    expectInvalid(decodeServerFrame(text({ ...HELLO, heartbeatMs: 'soon' })), 'hello');
    expectInvalid(decodeServerFrame(text({ type: 'snapshot', page: 0, sessions: [], last: true })), 'snapshot');
    expectInvalid(decodeClientFrame(text({ type: 'command', reqId: 'c1', action: 'approve', sessionId: 'fr_7' })), 'command');
  });

  it('names the failing field in the reason', () => {
    expect(expectInvalid(decodeServerFrame(text({ ...HELLO, heartbeatMs: 'soon' })), 'hello')).toContain('heartbeatMs');
  });

  it('a changes batch with a gap in seq is invalid', () => {
    const items = [
      { seq: 1, op: 'remove', id: 'a' },
      { seq: 3, op: 'remove', id: 'b' },
    ];
    expectInvalid(decodeServerFrame(text({ type: 'changes', fromSeq: 1, toSeq: 3, items })), 'changes');
  });

  it('an empty changes batch is invalid, and decoding does not throw', () => {
    expectInvalid(decodeServerFrame(text({ type: 'changes', fromSeq: 1, toSeq: 1, items: [] })), 'changes');
  });
});

describe('decode: the reason never carries the frame text', () => {
  const SECRET = 'ghp_Zq7xK2mP9vR4tY8wB3nL6cH1jF5dS0aE2uIo';
  const secretFragments = [SECRET, SECRET.slice(4, 20), SECRET.slice(-12)];
  const noSecret = (reason: string) => {
    for (const fragment of secretFragments) expect(reason).not.toContain(fragment);
  };

  it('not JSON with a secret in it', () => {
    noSecret(expectInvalid(decodeServerFrame(`{"type":"hello","token":${SECRET}}`), null));
    noSecret(expectInvalid(decodeServerFrame(`${SECRET}`), null));
  });

  it('a secret in a field of the wrong type', () => {
    noSecret(expectInvalid(decodeServerFrame(text({ ...HELLO, heartbeatMs: SECRET })), 'hello'));
    noSecret(expectInvalid(decodeServerFrame(text({ ...HELLO, serverTime: SECRET })), 'hello'));
  });

  it('a secret in an over-long id', () => {
    const longId = `${SECRET}${'x'.repeat(200)}`;
    noSecret(expectInvalid(decodeServerFrame(text({ ...HELLO, tenant: { id: longId, name: 'Acme' } })), 'hello'));
  });

  it('a secret in an enum field', () => {
    const frame = { type: 'command', reqId: 'c1', action: SECRET, sessionId: 'fr_7' };
    noSecret(expectInvalid(decodeClientFrame(text(frame)), 'command'));
  });

  it('a secret in a transcript whose other field is broken', () => {
    const entry = { seq: 1, at: 'not a time', kind: 'tool_call', toolCall: { name: 'shell', input: { env: SECRET }, output: SECRET, status: 'ok' } };
    const frame = { type: 'transcript.append', sessionId: 'fr_7', entries: [entry] };
    noSecret(expectInvalid(decodeServerFrame(text(frame)), 'transcript.append'));
  });

  it('a secret in a literal that does not match', () => {
    const frame = { type: 'result', reqId: 'c1', ok: SECRET };
    noSecret(expectInvalid(decodeServerFrame(text(frame)), 'result'));
  });
});

describe('decode: frame size', () => {
  const padded = (bytes: number, unit = 'x'): string => {
    const base = text({ ...HELLO, pad: '' });
    const unitBytes = new TextEncoder().encode(unit).length;
    return text({ ...HELLO, pad: unit.repeat(Math.ceil((bytes - base.length) / unitBytes)) });
  };

  it('the limit is 1 MiB', () => {
    expect(MAX_FRAME_BYTES).toBe(1_048_576);
  });

  it('accepts a frame of exactly 1 MiB', () => {
    const raw = padded(MAX_FRAME_BYTES);
    expect(new TextEncoder().encode(raw).length).toBe(MAX_FRAME_BYTES);
    expect(decodeServerFrame(raw).kind).toBe('frame');
  });

  it('rejects a frame one byte over 1 MiB', () => {
    const raw = padded(MAX_FRAME_BYTES + 1);
    expect(raw.length).toBe(MAX_FRAME_BYTES + 1);
    expectInvalid(decodeServerFrame(raw), null);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const raw = padded(MAX_FRAME_BYTES + 2, 'é');
    expect(raw.length).toBeLessThan(MAX_FRAME_BYTES);
    expectInvalid(decodeServerFrame(raw), null);
    expectInvalid(decodeClientFrame(padded(MAX_FRAME_BYTES + 4, '🦜')), null);
  });

  it('rejects an oversized frame even when it is not JSON', () => {
    expect(expectInvalid(decodeServerFrame('x'.repeat(MAX_FRAME_BYTES + 1)), null)).toMatch(/MiB|large|size|big/i);
  });
});
