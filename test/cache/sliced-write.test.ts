import { describe, expect, it } from 'vitest';
import { openCache } from '../../src/main/core/cache/cache';
import { wholeSnapshot } from '../../src/main/core/cache/snapshot-source';
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
    const write = cache.snapshotWrite(wholeSnapshot(next, 2));
    // A deadline already past: each step does one small slice of rows.
    expect(write.step(0)).toBeUndefined();
    expect(write.step(0)).toBeUndefined();
    expect(all(cache)).toEqual(first.map((s) => s.id).sort());
    expect(cache.cursor()).toBe(1);
    const other = track(openCache(dir, { readonly: true }).cache);
    expect(other.cursor()).toBe(1);
    let result: unknown;
    for (let i = 0; i < 1000 && typeof result !== 'object'; i++) result = write.step(0);
    expect(typeof result).toBe('object');
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

  it('waits, transaction open, for pages that have not arrived, and commits once the end comes', () => {
    const cache = freshCache();
    cache.applySnapshot(demoSessions(10), 1);
    const pages = [demoSessions(40, 4).slice(0, 20), demoSessions(40, 4).slice(20)];
    const queue: Array<{ sessions: ReturnType<typeof demoSessions> } | { seq: number }> = [];
    const write = cache.snapshotWrite({ take: () => queue.shift() ?? 'wait' });
    expect(write.step(performance.now() + 1000)).toBe('wait');
    queue.push({ sessions: pages[0]! });
    expect(write.step(performance.now() + 1000)).toBe('wait');
    expect(all(cache)).toHaveLength(10);
    queue.push({ sessions: pages[1]! }, { seq: 2 });
    let result: unknown;
    for (let i = 0; i < 10 && typeof result !== 'object'; i++) result = write.step(performance.now() + 1000);
    expect(all(cache)).toEqual(demoSessions(40, 4).map((s) => s.id).sort());
    expect(cache.cursor()).toBe(2);
  });

  it('rolls back whole when cancelled, and the cache takes the next write as usual', () => {
    const cache = freshCache();
    cache.applySnapshot(demoSessions(10), 1);
    const write = cache.snapshotWrite(wholeSnapshot(demoSessions(300, 3), 2));
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
    cache.snapshotWrite(wholeSnapshot(demoSessions(300, 3), 2)).step(0);
    cache.close();
    const again = track(openCache(dir, { readonly: true }).cache);
    expect(again.cursor()).toBe(1);
  });
});
