import { describe, expect, it } from 'vitest';
import { openCache } from '../../src/main/core/cache/cache';
import { NOW } from '../shared/fixtures';
import { demoSessions, freshCache, tempDir, track } from './helpers';

const all = (cache: ReturnType<typeof freshCache>) => cache.query({ view: 'all' }, NOW).map((s) => s.id).sort();

describe('a session write spread over turns', () => {
  it('is one transaction: views, and another process, see nothing of it until it commits', () => {
    const dir = tempDir();
    const cache = freshCache(dir);
    const first = demoSessions(50);
    cache.applySnapshot(first, 1);
    const next = demoSessions(400, 2);
    const write = cache.snapshotWrite(next, 2);
    // A deadline already past: each step does one small slice of rows.
    expect(write.step(0)).toBeUndefined();
    expect(write.step(0)).toBeUndefined();
    expect(all(cache)).toEqual(first.map((s) => s.id).sort());
    expect(cache.cursor()).toBe(1);
    const other = track(openCache(dir, { readonly: true }).cache);
    expect(other.cursor()).toBe(1);
    let result: { value: unknown } | undefined;
    for (let i = 0; i < 1000 && !result; i++) result = write.step(0);
    expect(result).toBeDefined();
    expect(all(cache)).toEqual(next.map((s) => s.id).sort());
    expect(other.cursor()).toBe(2);
  });

  it('commits on a turn of its own once it has done work in this one', () => {
    const cache = freshCache();
    cache.applySnapshot([], 1);
    const write = cache.changesWrite(demoSessions(3).map((session, i) => ({ seq: i + 2, op: 'upsert' as const, session })));
    let steps = 0;
    while (!write.step(performance.now() + 1000)) steps++;
    expect(steps).toBeLessThanOrEqual(1);
    expect(cache.cursor()).toBe(4);
  });

  it('rolls back whole when cancelled, and the cache takes the next write as usual', () => {
    const cache = freshCache();
    cache.applySnapshot(demoSessions(10), 1);
    const write = cache.snapshotWrite(demoSessions(300, 3), 2);
    write.step(0);
    write.cancel();
    expect(cache.cursor()).toBe(1);
    expect(all(cache)).toHaveLength(10);
    cache.applySnapshot(demoSessions(5), 3);
    expect(all(cache)).toHaveLength(5);
  });

  it('is rolled back, not half kept, when the cache closes under it', () => {
    const dir = tempDir();
    const cache = openCache(dir, { create: true }).cache;
    cache.applySnapshot(demoSessions(10), 1);
    cache.snapshotWrite(demoSessions(300, 3), 2).step(0);
    cache.close();
    const again = track(openCache(dir, { readonly: true }).cache);
    expect(again.cursor()).toBe(1);
  });
});
