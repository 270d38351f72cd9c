import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCache } from '../../src/main/core/cache/cache';
import { makeCredential, type CredentialKind } from '../../src/main/core/demo/content/credentials';
import { Random } from '../../src/main/core/demo/random';
import type { TranscriptEntry } from '../../src/shared/protocol';
import { NOW, flowRun, iso, task } from '../shared/fixtures';
import { cacheFile, freshCache, tempDir, track } from './helpers';

const message = (seq: number, text: string): TranscriptEntry => ({ seq, at: iso(NOW), kind: 'message', message: { role: 'agent', text } });

describe('transcripts', () => {
  it('append, read in seq order after a seq, page with a limit, and report the last seq', () => {
    const cache = freshCache();
    cache.applySnapshot([flowRun({ id: 'fr_1' }), flowRun({ id: 'fr_2' })], 1);
    expect(cache.lastTranscriptSeq('fr_1')).toBe(0);
    expect(cache.transcript('fr_1')).toEqual([]);
    cache.appendTranscript('fr_1', [message(3, 'three'), message(1, 'one'), message(2, 'two')]);
    cache.appendTranscript('fr_2', [message(1, 'other')]);
    expect(cache.transcript('fr_1').map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(cache.transcript('fr_1', 1).map((e) => e.seq)).toEqual([2, 3]);
    expect(cache.transcript('fr_1', 0, 2).map((e) => e.seq)).toEqual([1, 2]);
    expect(cache.transcript('fr_1', 0, Number.MAX_SAFE_INTEGER)).toHaveLength(3);
    expect(cache.transcript('fr_1', 0, 0)).toEqual([]);
    expect(cache.lastTranscriptSeq('fr_1')).toBe(3);
    expect(cache.transcript('fr_1')[0]).toEqual(message(1, 'one'));
  });

  it('keep the first copy of an entry appended twice (INSERT OR IGNORE by session and seq)', () => {
    const cache = freshCache();
    cache.applySnapshot([flowRun({ id: 'fr_1' })], 1);
    cache.appendTranscript('fr_1', [message(1, 'first')]);
    cache.appendTranscript('fr_1', [message(1, 'again'), message(2, 'next')]);
    expect(cache.transcript('fr_1').map((e) => (e.kind === 'message' ? e.message.text : ''))).toEqual(['first', 'next']);
  });

  it('are not stored for a session the cache does not hold, and go when their session goes', () => {
    const cache = freshCache();
    cache.applySnapshot([flowRun({ id: 'fr_1' }), task({ id: 'bt_1' })], 1);
    cache.appendTranscript('fr_unknown', [message(1, 'orphan')]);
    expect(cache.transcript('fr_unknown')).toEqual([]);
    cache.appendTranscript('fr_1', [message(1, 'a')]);
    cache.appendTranscript('bt_1', [message(1, 'b')]);
    cache.applyChanges([{ seq: 2, op: 'remove', id: 'fr_1' }]);
    expect(cache.lastTranscriptSeq('fr_1')).toBe(0);
    cache.applySnapshot([], 3);
    expect(cache.lastTranscriptSeq('bt_1')).toBe(0);
  });

  it('are redacted before they reach the disk: no generated credential is in the file or its rows', () => {
    const dir = tempDir();
    const cache = freshCache(dir);
    cache.applySnapshot([flowRun({ id: 'fr_leaky' })], 1);
    const rng = new Random(20261124);
    const kinds: CredentialKind[] = ['github-pat', 'aws-access-key', 'private-key', 'slack-token', 'openai-api-key'];
    const creds = kinds.map((kind) => makeCredential(rng, kind));
    const pat = makeCredential(new Random(7), 'github-pat');
    const entries: TranscriptEntry[] = [
      message(1, `here you go: ${pat.text}`),
      { seq: 2, at: iso(NOW), kind: 'tool_call', toolCall: { name: 'shell', input: { cmd: `echo ${pat.secret}` }, output: creds.map((c) => c.text).join('\n'), status: 'ok' } },
      { seq: 3, at: iso(NOW), kind: 'file_edit', fileEdit: { path: '.env', before: null, after: `${creds[0]!.text}\n${creds[1]!.text}\n` } },
      { seq: 4, at: iso(NOW), kind: 'checkpoint', checkpoint: { id: 'cp_1', prompt: `Push with ${pat.secret}?`, comment: creds[3]!.text } },
    ];
    cache.appendTranscript('fr_leaky', entries);
    const stored = JSON.stringify(cache.transcript('fr_leaky'));
    expect(stored).toContain('[REDACTED:');
    cache.close();

    const secrets = [pat.secret, ...creds.map((c) => c.secret)];
    const db = new Database(cacheFile(dir), { readonly: true });
    const rows = db.prepare('SELECT body FROM transcripts').all() as Array<{ body: string }>;
    db.close();
    expect(rows).toHaveLength(4);
    const files = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f)));
    for (const secret of secrets) {
      for (const row of rows) expect(row.body).not.toContain(secret);
      // Every file in the data dir, WAL included; the longest line of a PEM key stands for it.
      const needle = secret.split('\n').reduce((a, b) => (b.length > a.length ? b : a), '');
      for (const bytes of files) expect(bytes.includes(Buffer.from(needle))).toBe(false);
    }
  });

  it('refuse an entry seq that is not a positive integer, writing none of the batch', () => {
    const cache = freshCache();
    cache.applySnapshot([flowRun({ id: 'fr_1' })], 1);
    expect(() => cache.appendTranscript('fr_1', [message(1, 'ok'), message(0, 'bad')])).toThrow(/positive integer/);
    expect(cache.transcript('fr_1')).toEqual([]);
  });
});

describe('notification memory', () => {
  it('recalls across a restart, updates, forgets, and goes with its session', () => {
    const dir = tempDir();
    const cache = freshCache(dir);
    cache.applySnapshot([flowRun({ id: 'fr_1' }), flowRun({ id: 'fr_2' })], 1);
    expect(cache.recall('cp_1')).toBeNull();
    cache.remember([
      { checkpointId: 'cp_1', sessionId: 'fr_1', as: 'shown' },
      { checkpointId: 'cp_2', sessionId: 'fr_2', as: 'suppressed' },
      { checkpointId: 'cp_3', sessionId: 'fr_2', as: 'shown' },
    ]);
    cache.close();

    const again = track(openCache(dir, {}).cache);
    expect(again.recall('cp_1')).toBe('shown');
    expect(again.recall('cp_2')).toBe('suppressed');
    again.remember([{ checkpointId: 'cp_2', sessionId: 'fr_2', as: 'shown' }]);
    expect(again.recall('cp_2')).toBe('shown');
    again.forget(['cp_1', 'cp_unknown']);
    expect(again.recall('cp_1')).toBeNull();
    again.remember([]);
    again.forget([]);
    again.applyChanges([{ seq: 2, op: 'remove', id: 'fr_2' }]);
    expect(again.recall('cp_2')).toBeNull();
    expect(again.recall('cp_3')).toBeNull();
  });
});
