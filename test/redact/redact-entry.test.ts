import { describe, expect, it } from 'vitest';
import { redactEntry, redactText, redactValue } from '../../src/main/core/redact';
import { TranscriptEntry } from '../../src/shared/protocol/transcript';
import { ALNUM, Random } from '../../src/main/core/demo/random';
import { wordless } from '../../src/main/core/demo/content/secret-shapes';
import { CREDENTIAL_KINDS, REPOS, fileEditBody, makeCredential, toolCallBody } from '../../src/main/core/demo/content';
import { EXPECTED_KIND, SEED, marker, useSeededRandom } from './support';

const rng = useSeededRandom(0xe7);
const AT = '2026-11-24T10:00:00.000Z';
const ghp = () => `ghp_${rng.chars(ALNUM, 36)}`;

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const child of Object.values(v)) deepFreeze(child);
    Object.freeze(v);
  }
  return v;
}

describe('redactValue', () => {
  it('redacts every string at any depth, keys included, and keeps numbers, booleans and null', () => {
    const token = ghp();
    const input = deepFreeze({
      cmd: `git push https://bot:${token}@github.com/acme/api.git`,
      opts: { retries: 3, dryRun: false, parent: null, tags: ['v1', `GITHUB_TOKEN=${token}`] },
      [token]: 'a key that is itself a token',
    });
    expect(redactValue(input)).toEqual({
      cmd: `git push https://bot:${marker('github-token')}@github.com/acme/api.git`,
      opts: { retries: 3, dryRun: false, parent: null, tags: ['v1', `GITHUB_TOKEN=${marker('github-token')}`] },
      [marker('github-token')]: 'a key that is itself a token',
    });
  });

  it('replaces the whole string under a credential-named key, however short', () => {
    const short = wordless(rng, 4);
    const out = redactValue({ password: short, DB_PASSWORD: short, apiKey: short, 'x-api-key': short, clientSecret: short, auth: short });
    expect(Object.values(out as object)).toEqual(Array(6).fill(marker('generic-secret')));
    expect(JSON.stringify(out)).not.toContain(short);
  });

  it('keeps the specific kind and an HTTP auth scheme under credential-named keys', () => {
    const out = redactValue({ token: ghp(), headers: { Authorization: `Bearer ${rng.chars(ALNUM, 12)}` } });
    expect(out).toEqual({ token: marker('github-token'), headers: { Authorization: `Bearer ${marker('authorization-header')}` } });
  });

  it('leaves counts, kinds and references under token-ish keys alone', () => {
    const input = { max_tokens: 4096, token_type: 'bearer', tokenizer: 'cl100k', password: '', secret: '${DB_SECRET}', auth: { user: 'ada' } };
    expect(redactValue(input)).toEqual(input);
  });

  it('returns a new value and never mutates its input', () => {
    const input = deepFreeze({ list: [{ a: 'plain' }], nested: { b: 'text' } });
    const out = redactValue(input) as typeof input;
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
    expect(out.list).not.toBe(input.list);
    expect(out.nested).not.toBe(input.nested);
    expect(redactValue('plain')).toBe('plain');
    expect(redactValue(42)).toBe(42);
  });

  it('keeps a "__proto__" key as data, not as a prototype', () => {
    const input = JSON.parse(`{"__proto__": {"password": "${wordless(rng, 8)}"}}`) as unknown;
    const out = redactValue(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(out['__proto__']).toEqual({ password: marker('generic-secret') });
  });

  it('is idempotent', () => {
    const once = redactValue({ password: wordless(rng, 3), token: ghp(), headers: { authorization: `Basic ${rng.chars(ALNUM, 16)}` } });
    expect(redactValue(once)).toEqual(once);
  });
});

describe('redactEntry', () => {
  const secretText = () => `use DB_PASSWORD=${wordless(rng, 12)} and ${ghp()}`;
  const base = { seq: 1, at: AT } as const;

  const entries = (): TranscriptEntry[] => [
    { ...base, kind: 'message', message: { role: 'agent', author: 'agent', text: secretText() } },
    { ...base, kind: 'tool_call', toolCall: { name: 'shell', input: { cmd: secretText() }, output: secretText(), status: 'ok', durationMs: 12 } },
    { ...base, kind: 'file_edit', fileEdit: { path: 'config/.env', before: secretText(), after: `${secretText()}\n${secretText()}\n` } },
    { ...base, kind: 'step', step: { index: 2, name: `Deploy with ${ghp()}`, status: 'running' } },
    { ...base, kind: 'checkpoint', checkpoint: { id: 'cp_1', prompt: secretText(), decision: 'approved', decidedBy: 'u_ada', comment: secretText() } },
    { ...base, kind: 'status', status: { from: 'running', to: 'failed', reason: secretText() } },
  ];

  it.each(['message', 'tool_call', 'file_edit', 'step', 'checkpoint', 'status'])('redacts every free-text field of a %s entry, same shape', (kind) => {
    const entry = deepFreeze(entries().find((e) => e.kind === kind)!);
    const before = JSON.stringify(entry);
    const out = redactEntry(entry);
    const json = JSON.stringify(out);
    expect(json, `seed ${SEED}`).not.toMatch(/ghp_/);
    expect(json).toContain(marker('github-token'));
    expect(TranscriptEntry.parse(out)).toEqual(out);
    expect(Object.keys(out)).toEqual(Object.keys(entry));
    // Nothing but the credentials changed: the same as redacting the serialised entry in one go.
    expect(json).toBe(redactText(before));
    expect(JSON.stringify(entry)).toBe(before);
  });

  it('keeps a file path, even one that names a credential', () => {
    const entry: TranscriptEntry = { ...base, kind: 'file_edit', fileEdit: { path: 'secrets/token.txt', before: null, after: ghp() } };
    const out = redactEntry(entry);
    expect(out).toEqual({ ...entry, fileEdit: { path: 'secrets/token.txt', before: null, after: marker('github-token') } });
  });

  it('returns the entry itself when there is nothing to redact', () => {
    const plain: TranscriptEntry[] = [
      { ...base, kind: 'message', message: { role: 'user', text: 'Merge it when CI is green.' } },
      { ...base, kind: 'tool_call', toolCall: { name: 'shell', input: { cmd: 'npm test' }, status: 'ok' } },
      { ...base, kind: 'file_edit', fileEdit: { path: 'a.ts', before: null, after: 'export {};\n' } },
      { ...base, kind: 'step', step: { index: 0, name: 'Run tests', status: 'done' } },
      { ...base, kind: 'checkpoint', checkpoint: { id: 'cp_2', prompt: 'Deploy to production?' } },
      { ...base, kind: 'status', status: { from: 'queued', to: 'running' } },
    ];
    for (const e of plain) expect(redactEntry(e)).toBe(e);
  });

  it('adds no optional field that was absent', () => {
    const call = redactEntry({ ...base, kind: 'tool_call', toolCall: { name: 'shell', input: { cmd: ghp() }, status: 'ok' } });
    const cp = redactEntry({ ...base, kind: 'checkpoint', checkpoint: { id: 'cp_3', prompt: ghp() } });
    expect(call.kind === 'tool_call' && Object.keys(call.toolCall)).toEqual(['name', 'input', 'status']);
    expect(cp.kind === 'checkpoint' && Object.keys(cp.checkpoint)).toEqual(['id', 'prompt']);
  });

  it('removes every demo credential from the tool calls and file edits that leak it', () => {
    for (const kind of CREDENTIAL_KINDS) {
      for (let i = 0; i < 5; i++) {
        const repo = rng.pick(REPOS).repo;
        // The demo draws the credential first, so the same seed yields the same secret.
        const seed = rng.int(1, 2 ** 31);
        const { secret } = makeCredential(new Random(seed), kind);
        const toolCall = toolCallBody(new Random(seed), { repo, secret: kind });
        const fileEdit = fileEditBody(new Random(seed), { repo, secret: kind });
        for (const entry of [
          { ...base, kind: 'tool_call' as const, toolCall },
          { ...base, kind: 'file_edit' as const, fileEdit },
        ]) {
          const json = JSON.stringify(redactEntry(entry));
          expect(JSON.stringify(entry)).toContain(JSON.stringify(secret).slice(1, -1));
          expect(json, `${kind}, seed ${SEED}`).not.toContain(JSON.stringify(secret).slice(1, -1));
          expect(json).toContain(marker(EXPECTED_KIND[kind]));
        }
      }
    }
  });
});
