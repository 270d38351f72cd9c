import { describe, expect, it } from 'vitest';
import { wholeSnapshot } from '../../src/main/core/cache/snapshot-source';
import { flowRun } from '../shared/fixtures';
import { freshCache } from './helpers';

const s = (id: string, title = id) => flowRun({ id, title });
const skipped = (seq: number, id: string | null) => ({ seq, op: 'skipped' as const, id, reason: 'title: invalid_type' });

/** PROTOCOL.md section 1: the cache keeps the ids it could not read until a good version arrives. */
describe('unreadable sessions in the cache', () => {
  it('a skipped upsert keeps the last good version, moves the cursor, and is noted until a good version arrives', () => {
    const cache = freshCache();
    cache.applySnapshot([s('fr_1', 'good')], 1);
    const changes = cache.changesWrite([skipped(2, 'fr_1'), { seq: 3, op: 'upsert', session: s('fr_2') }]).finish();
    expect(changes.map((c) => c.after?.id)).toEqual(['fr_2']);
    expect(cache.cursor()).toBe(3);
    expect(cache.getSession('fr_1')?.title).toBe('good');
    expect(cache.unreadable()).toEqual({ count: 1, ids: ['fr_1'] });
    cache.applyChanges([{ seq: 4, op: 'upsert', session: s('fr_1', 'better') }]);
    expect(cache.unreadable()).toEqual({ count: 0, ids: [] });
  });

  it('a removal clears it; an item without a readable id is counted, not listed, until the next snapshot', () => {
    const cache = freshCache();
    cache.applySnapshot([], 1);
    cache.changesWrite([skipped(2, 'fr_9'), skipped(3, null)]).finish();
    expect(cache.unreadable()).toEqual({ count: 2, ids: ['fr_9'] });
    cache.applyChanges([{ seq: 4, op: 'remove', id: 'fr_9' }]);
    expect(cache.unreadable()).toEqual({ count: 1, ids: [] });
    cache.applySnapshot([s('fr_1')], 5);
    expect(cache.unreadable()).toEqual({ count: 0, ids: [] });
  });

  it('a snapshot session that could not be read is not held, and the snapshot replaces what was noted', () => {
    const cache = freshCache();
    cache.applySnapshot([s('fr_1'), s('fr_2')], 1);
    cache.changesWrite([skipped(2, 'fr_7')]).finish();
    const page = { sessions: [s('fr_1')], skipped: [{ id: 'fr_2', reason: 'owner: invalid_type' }, { id: null, reason: 'id: invalid_type' }] };
    let given = false;
    cache.snapshotWrite({ take: () => (given ? { seq: 9 } : ((given = true), page)) }).finish();
    expect(cache.query({ view: 'all' }, Date.now()).map((x) => x.id)).toEqual(['fr_1']);
    expect(cache.unreadable()).toEqual({ count: 2, ids: ['fr_2'] });
    expect(cache.cursor()).toBe(9);
    // And a whole snapshot without problems forgets them.
    cache.snapshotWrite(wholeSnapshot([s('fr_1'), s('fr_2')], 10)).finish();
    expect(cache.unreadable()).toEqual({ count: 0, ids: [] });
  });
});
