import { describe, expect, it } from 'vitest';
import { openCache, type Cache } from '../../src/main/core/cache/cache';
import { wholeSnapshot } from '../../src/main/core/cache/snapshot-source';
import { NOW, flowRun } from '../shared/fixtures';
import { demoSessions, freshCache, tempDir, track } from './helpers';

const all = (cache: Cache) => cache.query({ view: 'all' }, NOW).map((s) => s.id).sort();
const upsert = (seq: number, id: string) => ({ seq, op: 'upsert' as const, session: flowRun({ id, title: id }) });
const fileCursor = (dir: string) => {
  const reader = openCache(dir, { readonly: true }).cache;
  try {
    return reader.cursor();
  } finally {
    reader.close();
  }
};

/** cache/held-transaction: writes between flushes share one transaction; the views read them at once. */
describe('held writes', () => {
  it('are read by the views at once and reach the file at the flush, with their cursor', () => {
    const dir = tempDir();
    let clock = NOW;
    const cache = freshCache(dir, { now: () => clock });
    expect(cache.flush()).toBe(false);
    expect(cache.heldSince).toBeNull();
    cache.applySnapshot([], 1);
    clock += 1000;
    cache.applyChanges([upsert(2, 'fr_a')]);
    clock += 1000;
    cache.applyChanges([upsert(3, 'fr_b')]);
    cache.appendTranscript('fr_a', [{ seq: 1, at: new Date(NOW).toISOString(), kind: 'message', message: { role: 'agent', text: 'hello' } }]);
    expect(cache.heldSince).toBe(NOW + 1000);
    expect(all(cache)).toEqual(['fr_a', 'fr_b']);
    expect(cache.cursor()).toBe(3);
    expect(cache.transcript('fr_a')).toHaveLength(1);
    expect(fileCursor(dir)).toBe(1);
    expect(cache.flush()).toBe(true);
    expect(cache.heldSince).toBeNull();
    expect(fileCursor(dir)).toBe(3);
    expect(cache.flush()).toBe(false);
  });

  it('never commits half of a sliced write: a flush waits for it, and its cancel keeps what was held before', () => {
    const dir = tempDir();
    const cache = freshCache(dir);
    cache.applySnapshot([], 1);
    cache.applyChanges([upsert(2, 'fr_kept')]);
    const sessions = demoSessions(300, 3);
    const write = cache.changesWrite(sessions.map((session, i) => ({ seq: i + 3, op: 'upsert' as const, session })));
    expect(write.step(0)).toBeUndefined();
    expect(cache.flush()).toBe(false);
    expect(fileCursor(dir)).toBe(1);
    write.cancel();
    expect(all(cache)).toEqual(['fr_kept']);
    expect(cache.cursor()).toBe(2);
    expect(cache.flush()).toBe(true);
    expect(fileCursor(dir)).toBe(2);
  });

  it('are flushed before a snapshot, which the views do not see until its last page (PROTOCOL.md 3.3)', () => {
    const dir = tempDir();
    const cache = freshCache(dir);
    cache.applySnapshot([], 1);
    cache.applyChanges([upsert(2, 'fr_old')]);
    const next = demoSessions(400, 2);
    const write = cache.snapshotWrite(wholeSnapshot(next, 9));
    expect(fileCursor(dir)).toBe(2);
    expect(write.step(0)).toBeUndefined();
    expect(all(cache)).toEqual(['fr_old']);
    expect(cache.cursor()).toBe(2);
    let result: unknown;
    for (let i = 0; i < 1000 && typeof result !== 'object'; i++) result = write.step(0);
    expect(typeof result).toBe('object');
    // A snapshot is its own commit: nothing held after it.
    expect(cache.heldSince).toBeNull();
    expect(fileCursor(dir)).toBe(9);
    expect(all(cache)).toEqual(next.map((s) => s.id).sort());
  });

  it('reach the file when the cache closes', () => {
    const dir = tempDir();
    const cache = freshCache(dir);
    cache.applySnapshot([], 1);
    cache.applyChanges([upsert(2, 'fr_a')]);
    cache.close();
    const again = track(openCache(dir).cache);
    expect(again.cursor()).toBe(2);
    expect(all(again)).toEqual(['fr_a']);
  });

  it('are committed one by one when holdWrites is false', () => {
    const dir = tempDir();
    const cache = freshCache(dir, { holdWrites: false });
    cache.applySnapshot([], 1);
    cache.applyChanges([upsert(2, 'fr_a')]);
    expect(cache.heldSince).toBeNull();
    expect(fileCursor(dir)).toBe(2);
  });
});
