import { describe, expect, it } from 'vitest';
import { PrefetchSet } from '../../src/main/core/sync/prefetch-set';
import { choosePrefetch, PREFETCH_LIMIT, Tier, transcriptTier, type PriorityContext } from '../../src/main/core/sync/transcript-priority';
import { ago, chat, checkpoint, flowRun, HOUR, MINUTE, NOW, task } from '../shared/fixtures';

const ME = 'u_ada';
const other = { id: 'u_grace', name: 'Grace Hopper' };
const ctx = (opened: string[] = [], userId: string | null = ME): PriorityContext => ({ opened: new Set(opened), userId, now: NOW });

describe('transcriptTier', () => {
  it('puts an opened session first, however old or finished', () => {
    const old = flowRun({ id: 'old', status: 'succeeded', updatedAt: ago(30 * 24 * HOUR) });
    expect(transcriptTier(old, ctx(['old']))).toBe(Tier.Opened);
    expect(transcriptTier(old, ctx())).toBeNull();
  });

  it('waiting on you: your own session at a checkpoint; someone else’s is only active', () => {
    expect(transcriptTier(flowRun({ status: 'paused', checkpoint: checkpoint() }), ctx())).toBe(Tier.WaitingOnYou);
    expect(transcriptTier(flowRun({ status: 'paused', owner: other, checkpoint: checkpoint() }), ctx())).toBe(Tier.OtherActive);
    // Before the first hello nobody is "you".
    expect(transcriptTier(flowRun({ status: 'paused', checkpoint: checkpoint() }), ctx([], null))).toBe(Tier.OtherActive);
  });

  it('your active sessions before others’, then recent ones', () => {
    expect(transcriptTier(task({ status: 'running' }), ctx())).toBe(Tier.YourActive);
    expect(transcriptTier(task({ status: 'running', owner: other }), ctx())).toBe(Tier.OtherActive);
    expect(transcriptTier(task({ status: 'completed', owner: other, updatedAt: ago(HOUR) }), ctx())).toBe(Tier.Recent);
  });

  it('follows the 30-minute and 24-hour edges on the clock it is given', () => {
    expect(transcriptTier(chat({ chat: { lastMessageAt: ago(30 * MINUTE - 1) } }), ctx())).toBe(Tier.YourActive);
    // Quiet at 30:00, but it moved 30 minutes ago: recent.
    expect(transcriptTier(chat({ chat: { lastMessageAt: ago(30 * MINUTE) }, updatedAt: ago(30 * MINUTE) }), ctx())).toBe(Tier.Recent);
    expect(transcriptTier(flowRun({ status: 'failed', updatedAt: ago(24 * HOUR) }), ctx())).toBe(Tier.Recent);
    expect(transcriptTier(flowRun({ status: 'failed', updatedAt: ago(24 * HOUR + 1) }), ctx())).toBeNull();
  });
});

describe('choosePrefetch', () => {
  const run = (id: string, minutesAgo: number, owner = other) => flowRun({ id, owner, updatedAt: ago(minutesAgo * MINUTE) });

  it('orders by tier, then newest first, ties by id, and counts a duplicate once', () => {
    const sessions = [
      flowRun({ id: 'done', status: 'succeeded', owner: other, updatedAt: ago(MINUTE) }),
      run('b', 5),
      run('a', 5),
      run('mine', 50, { id: ME, name: 'Ada' }),
      flowRun({ id: 'ask', status: 'paused', checkpoint: checkpoint(), updatedAt: ago(90 * MINUTE) }),
      run('opened', 900),
      run('b', 5),
    ];
    expect(choosePrefetch(sessions, ctx(['opened'])).map((s) => s.id)).toEqual(['opened', 'ask', 'mine', 'a', 'b', 'done']);
  });

  it('is bounded, yet never drops an opened session to stay under the bound', () => {
    const many = Array.from({ length: PREFETCH_LIMIT + 50 }, (_, i) => run(`r${i}`, i));
    expect(choosePrefetch(many, ctx())).toHaveLength(PREFETCH_LIMIT);
    expect(choosePrefetch(many, ctx()).at(-1)!.id).toBe(`r${PREFETCH_LIMIT - 1}`);
    const opened = many.slice(0, 3).map((s) => s.id);
    expect(choosePrefetch(many, ctx(opened), 2).map((s) => s.id)).toEqual(opened);
    expect(choosePrefetch(many, ctx(), 0)).toEqual([]);
  });
});

describe('PrefetchSet', () => {
  const run = (id: string, minutesAgo: number) => flowRun({ id, owner: other, updatedAt: ago(minutesAgo * MINUTE) });

  it('admits a session that outranks its least member, which it replaces; not one that does not', () => {
    const set = new PrefetchSet(2);
    expect(set.refresh([run('a', 1), run('b', 2), run('c', 3)], ctx()).chosen.map((s) => s.id)).toEqual(['a', 'b']);
    expect(set.admit(run('c', 3), ctx())).toBe(false);
    expect(set.admit(run('c', 0), ctx())).toBe(true);
    expect([set.has('a'), set.has('b'), set.has('c')]).toEqual([true, false, true]);
    // A member that moved is fetched again; one that stopped mattering leaves the set.
    expect(set.admit(run('a', 1), ctx())).toBe(true);
    expect(set.admit(flowRun({ id: 'a', status: 'failed', updatedAt: ago(48 * HOUR) }), ctx())).toBe(false);
    expect(set.has('a')).toBe(false);
  });

  it('always admits an opened session, and says which ones joined on a refresh', () => {
    const set = new PrefetchSet(1);
    set.refresh([run('a', 1)], ctx());
    expect(set.admit(run('old', 5000), ctx(['old']))).toBe(true);
    expect(set.refresh([run('a', 1), run('b', 0)], ctx()).joined.map((s) => s.id)).toEqual(['b']);
  });
});
