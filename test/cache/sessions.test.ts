import { describe, expect, it } from 'vitest';
import { CacheError, openCache } from '../../src/main/core/cache/cache';
import type { ChangeItem, Session } from '../../src/shared/protocol';
import { Session as SessionSchema } from '../../src/shared/protocol';
import { MINUTE, NOW, chat, flowRun, iso, task } from '../shared/fixtures';
import { demoSessions, freshCache, tempDir, track } from './helpers';

const ids = (changes: Array<{ before: Session | null; after: Session | null }>) =>
  changes.map((c) => `${c.before?.id ?? '-'}>${c.after?.id ?? '-'}`).sort();
const upsert = (seq: number, session: Session): ChangeItem => ({ seq, op: 'upsert', session });
const remove = (seq: number, id: string): ChangeItem => ({ seq, op: 'remove', id });

describe('snapshots', () => {
  it('replace the whole set with the cursor and report every session that appeared, changed or disappeared', () => {
    const cache = freshCache();
    const a = flowRun({ id: 'fr_a' });
    const b = task({ id: 'bt_b' });
    const c = chat({ id: 'ch_c' });
    expect(ids(cache.applySnapshot([a, b, c], 10))).toEqual(['->bt_b', '->ch_c', '->fr_a']);
    expect(cache.cursor()).toBe(10);

    const b2 = task({ id: 'bt_b', status: 'completed', updatedAt: iso(NOW - MINUTE) });
    const d = flowRun({ id: 'fr_d' });
    const changes = cache.applySnapshot([a, b2, d], 20);
    expect(ids(changes)).toEqual(['->fr_d', 'bt_b>bt_b', 'ch_c>-']);
    const changed = changes.find((x) => x.before?.id === 'bt_b')!;
    expect(changed.before).toEqual(b);
    expect(changed.after).toEqual(b2);
    expect(changes.find((x) => x.before?.id === 'ch_c')!.before).toEqual(c);
    expect(cache.cursor()).toBe(20);
    expect(cache.getSession('ch_c')).toBeNull();
    expect(cache.getSession('bt_b')).toEqual(b2);
    expect(cache.query({ view: 'all' }, NOW).map((s) => s.id).sort()).toEqual(['bt_b', 'fr_a', 'fr_d']);
  });

  it('report nothing for an identical snapshot, whatever the key order of the objects', () => {
    const cache = freshCache();
    const sessions = demoSessions(80).map((s) => SessionSchema.parse(s));
    cache.applySnapshot(sessions, 1);
    // The decoder gives every session its schema's key order, whatever order the server wrote.
    const reordered = sessions.map((s) => SessionSchema.parse(Object.fromEntries(Object.entries(s).reverse())));
    expect(cache.applySnapshot(reordered, 2)).toEqual([]);
    expect(cache.cursor()).toBe(2);
  });

  it('may be empty, and may move the cursor backwards (a server that lost its log)', () => {
    const cache = freshCache();
    cache.applySnapshot([flowRun()], 50);
    expect(ids(cache.applySnapshot([], 3))).toEqual(['fr_1>-']);
    expect(cache.cursor()).toBe(3);
    expect(cache.count({ view: 'all' }, NOW)).toBe(0);
  });

  it('refuse a seq that is not a non-negative integer', () => {
    const cache = freshCache();
    expect(() => cache.applySnapshot([], -1)).toThrow(CacheError);
    expect(() => cache.applySnapshot([], 1.5)).toThrow(CacheError);
    expect(cache.cursor()).toBeNull();
  });
});

describe('changes', () => {
  it('apply a batch and its cursor together, one change per session with its state before and after the batch', () => {
    const cache = freshCache();
    cache.applySnapshot([flowRun({ id: 'fr_1' }), flowRun({ id: 'fr_2' })], 100);
    const v1 = flowRun({ id: 'fr_1', status: 'paused' });
    const v2 = flowRun({ id: 'fr_1', status: 'failed' });
    const fresh = task({ id: 'bt_new' });
    const changes = cache.applyChanges([upsert(101, v1), upsert(102, fresh), upsert(103, v2), remove(104, 'fr_2'), remove(105, 'fr_unknown')]);
    expect(cache.cursor()).toBe(105);
    expect(ids(changes)).toEqual(['->bt_new', 'fr_1>fr_1', 'fr_2>-']);
    const fr1 = changes.find((c) => c.after?.id === 'fr_1')!;
    expect(fr1.before?.status).toBe('running');
    expect(fr1.after).toEqual(v2);
    expect(cache.getSession('fr_1')).toEqual(v2);
    expect(cache.getSession('fr_2')).toBeNull();
  });

  it('report nothing for a session upserted unchanged, or created and removed in one batch', () => {
    const cache = freshCache();
    const s = flowRun();
    cache.applySnapshot([s], 1);
    expect(cache.applyChanges([upsert(2, { ...s }), upsert(3, task({ id: 'bt_tmp' })), remove(4, 'bt_tmp')])).toEqual([]);
    expect(cache.cursor()).toBe(4);
  });

  it('skip items already applied (a replay), applying only what follows the cursor', () => {
    const cache = freshCache();
    cache.applySnapshot([], 10);
    cache.applyChanges([upsert(11, flowRun({ id: 'fr_1', title: 'first' }))]);
    expect(cache.applyChanges([upsert(9, flowRun({ id: 'old' })), upsert(10, flowRun({ id: 'old' })), upsert(11, flowRun({ id: 'fr_1', title: 'replayed' }))])).toEqual([]);
    expect(cache.getSession('fr_1')?.title).toBe('first');
    expect(cache.getSession('old')).toBeNull();
    expect(cache.cursor()).toBe(11);
    const changes = cache.applyChanges([upsert(11, flowRun({ id: 'fr_1', title: 'replayed' })), upsert(12, flowRun({ id: 'fr_1', title: 'second' }))]);
    expect(changes.map((c) => c.after?.title)).toEqual(['second']);
    expect(cache.cursor()).toBe(12);
  });

  it('throw on items that are not contiguous from the cursor, and write nothing', () => {
    const cache = freshCache();
    cache.applySnapshot([flowRun({ id: 'fr_1' })], 10);
    for (const items of [
      [upsert(12, task())],
      [upsert(11, task()), upsert(13, flowRun({ id: 'fr_1', title: 'x' }))],
      [upsert(11, task()), upsert(11, task())],
    ]) {
      expect(() => cache.applyChanges(items)).toThrow(/not contiguous/);
    }
    expect(cache.cursor()).toBe(10);
    expect(cache.getSession('bt_1')).toBeNull();
    expect(cache.getSession('fr_1')?.title).toBe('Session fr_1');
  });

  it('throw before any snapshot: there is no cursor to continue from', () => {
    const cache = freshCache();
    const err = (() => {
      try {
        cache.applyChanges([upsert(1, flowRun())]);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(CacheError);
    expect((err as Error).message).toMatch(/snapshot/);
    expect(cache.count({ view: 'all' }, NOW)).toBe(0);
  });

  it('an empty batch, or one made only of replays, changes nothing', () => {
    const cache = freshCache();
    cache.applySnapshot([], 5);
    expect(cache.applyChanges([])).toEqual([]);
    expect(cache.applyChanges([upsert(5, flowRun())])).toEqual([]);
    expect(cache.cursor()).toBe(5);
  });

  it('persist with the cursor across a reopen', () => {
    const dir = tempDir();
    const cache = freshCache(dir);
    cache.applySnapshot([], 0);
    for (let seq = 1; seq <= 50; seq++) cache.applyChanges([upsert(seq, flowRun({ id: `fr_${seq % 7}`, title: `seq ${seq}` }))]);
    cache.close();
    const again = track(openCache(dir, { readonly: true }).cache);
    expect(again.cursor()).toBe(50);
    expect(again.getSession('fr_1')?.title).toBe('seq 50');
    expect(again.count({ view: 'all' }, NOW)).toBe(7);
  });
});

describe('meta', () => {
  it('keeps keys across a reopen and refuses the cache\'s own', () => {
    const dir = tempDir();
    const cache = freshCache(dir);
    expect(cache.getMeta('user')).toBeNull();
    cache.setMeta('user', '{"id":"u_ada"}');
    cache.setMeta('user', '{"id":"u_grace"}');
    expect(() => cache.setMeta('cache.cursor', '99')).toThrow(CacheError);
    cache.close();
    const again = track(openCache(dir, {}).cache);
    expect(again.getMeta('user')).toBe('{"id":"u_grace"}');
    expect(again.cursor()).toBeNull();
  });
});
