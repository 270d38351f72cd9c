import { describe, expect, it } from 'vitest';
import { beforeHadCheckpoint, lazyChange } from '../../src/main/core/cache/lazy-change';
import type { ChangeItem, Session } from '../../src/shared/protocol';
import { MINUTE, NOW, checkpoint, flowRun, iso } from '../shared/fixtures';
import { freshCache } from './helpers';

const upsert = (seq: number, session: Session): ChangeItem => ({ seq, op: 'upsert', session });
const found = (cache: ReturnType<typeof freshCache>, search: string) => cache.query({ view: 'all', search }, NOW).map((s) => s.id);

describe('the write path', () => {
  it('keeps a session findable by its title when an update leaves the title alone', () => {
    const cache = freshCache();
    cache.applySnapshot([flowRun({ id: 'fr_1', title: 'Nightly dependency upgrade' })], 1);
    cache.applyChanges([upsert(2, flowRun({ id: 'fr_1', title: 'Nightly dependency upgrade', status: 'paused', updatedAt: iso(NOW - MINUTE) }))]);
    cache.applyChanges([upsert(3, flowRun({ id: 'fr_1', title: 'Nightly dependency upgrade', status: 'succeeded', updatedAt: iso(NOW) }))]);
    expect(found(cache, 'dependency')).toEqual(['fr_1']);
    expect(found(cache, 'ni')).toEqual(['fr_1']);
    expect(cache.getSession('fr_1')!.status).toBe('succeeded');
  });

  it('finds a session by its new title only once an update changes it, also within one batch', () => {
    const cache = freshCache();
    cache.applySnapshot([flowRun({ id: 'fr_1', title: 'Nightly dependency upgrade' }), flowRun({ id: 'fr_2', title: 'Weekly report' })], 1);
    cache.applyChanges([upsert(2, flowRun({ id: 'fr_1', title: 'Rotate staging keys' }))]);
    expect(found(cache, 'dependency')).toEqual([]);
    expect(found(cache, 'staging')).toEqual(['fr_1']);
    // Renamed twice in one batch, and back: only the last title is found.
    cache.applyChanges([upsert(3, flowRun({ id: 'fr_2', title: 'Monthly audit' })), upsert(4, flowRun({ id: 'fr_2', title: 'Quarterly plan' }))]);
    expect(found(cache, 'weekly')).toEqual([]);
    expect(found(cache, 'monthly')).toEqual([]);
    expect(found(cache, 'quarterly')).toEqual(['fr_2']);
  });

  it('reports `before` as the stored session, parsed only when read, and says whether it held a checkpoint', () => {
    const cache = freshCache();
    const paused = flowRun({ id: 'fr_1', status: 'paused', checkpoint: checkpoint('cp_1') });
    const tricky = flowRun({ id: 'fr_2', title: 'about "checkpoint":{ in a title', checkpoint: null });
    cache.applySnapshot([paused, tricky], 1);
    const changes = cache.applyChanges([upsert(2, flowRun({ id: 'fr_1', status: 'running' })), upsert(3, flowRun({ id: 'fr_2', title: 'plain' }))]);
    const byId = new Map(changes.map((c) => [c.after!.id, c]));
    expect(beforeHadCheckpoint(byId.get('fr_1')!)).toBe(true);
    expect(beforeHadCheckpoint(byId.get('fr_2')!)).toBe(false);
    expect(byId.get('fr_1')!.before).toEqual(paused);
    expect(byId.get('fr_2')!.before).toEqual(tricky);
    // A plain object change is judged by its session.
    expect(beforeHadCheckpoint({ before: paused, after: null })).toBe(true);
    expect(beforeHadCheckpoint({ before: null, after: paused })).toBe(false);
  });

  it('a lazy change compares and serialises like a plain one', () => {
    const s = flowRun({ id: 'fr_1' });
    const change = lazyChange(JSON.stringify(s), null);
    expect(change).toEqual({ before: s, after: null });
    expect(JSON.parse(JSON.stringify(change))).toEqual({ before: s, after: null });
    expect(Object.keys(change)).toEqual(['before', 'after']);
    expect(lazyChange(null, s)).toEqual({ before: null, after: s });
  });
});
