import { afterEach, describe, expect, it } from 'vitest';
import type { Cache } from '../../src/main/core/cache/cache';
import { LiveQueries } from '../../src/main/core/views/live-queries';
import type { CommandCenterResult, SessionResult, SessionsResult, ViewQuery, ViewResult } from '../../src/shared/api';
import type { Session } from '../../src/shared/protocol';
import { commandCenterView, hasPendingCheckpoint, isActive, needsYou, orderSessions, rollUp } from '../../src/shared/sessions';
import { demoSessions, edgeSessions, freshCache } from '../cache/helpers';
import { waitFor } from '../support/scripted-server';
import { HOUR, MINUTE, NOW, ago, chat, checkpoint, flowRun, task } from '../shared/fixtures';

const live: LiveQueries[] = [];
afterEach(() => {
  for (const l of live.splice(0)) l.close();
});

/** A cache, a clock and a user the test moves by hand, and live queries over them. */
function setup(sessions: Session[], options: { tickMs?: number; coalesceMs?: number } = {}) {
  const cache = freshCache();
  cache.applySnapshot(sessions, 1);
  const state = { now: NOW, user: 'u_ada' as string | null, seq: 1, previousOpen: null as number | null };
  const views = new LiveQueries({ cache, now: () => state.now, userId: () => state.user, previousPopoverOpen: () => state.previousOpen }, { coalesceMs: 10, tickMs: 60_000, ...options });
  live.push(views);
  /** Applies upserts and removals as one batch and tells the live queries, as ApiHost does. */
  const apply = (upserts: Session[], removals: string[] = []) => {
    const items = [
      ...upserts.map((session) => ({ seq: ++state.seq, op: 'upsert' as const, session })),
      ...removals.map((id) => ({ seq: ++state.seq, op: 'remove' as const, id })),
    ];
    views.changed(cache.applyChanges(items));
  };
  const watch = <R extends ViewResult>(query: ViewQuery) => {
    const results: R[] = [];
    const close = views.watch(query, (r) => results.push(structuredClone(r) as R));
    return { results, close, last: () => results.at(-1)! };
  };
  return { cache, state, views, apply, watch };
}

const ids = (rows: Array<{ session: Session }>) => rows.map((r) => r.session.id);
const all = (cache: Cache) => cache.query({ view: 'all' }, NOW);
const settle = () => new Promise((r) => setTimeout(r, 60));

describe('live queries', () => {
  it('answers the command center at once, by the shared rules, with its counts', () => {
    const sessions = [...demoSessions(300), ...edgeSessions()];
    const { watch } = setup(sessions);
    const cc = watch<CommandCenterResult>({ view: 'commandCenter', needsYouLimit: 4, activeLimit: 5, recentLimit: 7 });
    expect(cc.results).toHaveLength(1);
    const needs = needsYou({ waiting: sessions.filter(hasPendingCheckpoint), failed: sessions, userId: 'u_ada', since: NOW - 24 * HOUR, now: NOW });
    expect(needs.filter((n) => n.reason === 'checkpoint').length).toBeGreaterThan(4);
    expect(needs.some((n) => n.reason === 'failed')).toBe(true);
    expect(ids(cc.last().needsYou.rows)).toEqual(needs.slice(0, 4).map((n) => n.session.id));
    expect(cc.last().needsYou.total).toBe(needs.length);
    // Active Now and Recent leave out what Needs you lists, rows and counts alike.
    const listed = new Set(needs.map((n) => n.session.id));
    const want = commandCenterView(sessions.filter((s) => !listed.has(s.id)), NOW);
    expect(want.activeNow.length).toBeGreaterThan(5);
    expect(ids(cc.last().activeNow.rows)).toEqual(want.activeNow.slice(0, 5).map((s) => s.id));
    expect(cc.last().activeNow.total).toBe(want.activeNow.length);
    expect(ids(cc.last().recent.rows)).toEqual(want.recent.slice(0, 7).map((s) => s.id));
    expect(cc.last().recent.total).toBe(want.recent.length);
  });

  it('a change reaches the queries it alters and no other', async () => {
    const { apply, watch } = setup([flowRun({ id: 'fr_a' }), flowRun({ id: 'fr_b' }), chat({ id: 'ch_1' })]);
    const a = watch<SessionResult>({ view: 'session', id: 'fr_a' });
    const b = watch<SessionResult>({ view: 'session', id: 'fr_b' });
    const cc = watch<CommandCenterResult>({ view: 'commandCenter', needsYouLimit: 10, activeLimit: 10, recentLimit: 10 });
    apply([flowRun({ id: 'fr_a', status: 'paused', checkpoint: checkpoint('cp_9'), updatedAt: ago(MINUTE) })]);
    await waitFor(() => a.results.length === 2, 2000);
    await settle();
    expect(a.last().session?.status).toBe('paused');
    expect(b.results).toHaveLength(1);
    expect(cc.results).toHaveLength(2);
    expect(cc.last().needsYou.total).toBe(1);
    expect(ids(cc.last().needsYou.rows)).toEqual(['fr_a']);
    expect(ids(cc.last().activeNow.rows)).not.toContain('fr_a');
    // The same session again, unchanged: nobody hears anything.
    apply([flowRun({ id: 'fr_a', status: 'paused', checkpoint: checkpoint('cp_9'), updatedAt: ago(MINUTE) })]);
    await settle();
    expect([a.results.length, b.results.length, cc.results.length]).toEqual([2, 1, 2]);
  });

  it('reads Needs you once a pass, however many answers need it (the tray summary and each popover)', async () => {
    const { cache, apply, watch, views } = setup([flowRun({ id: 'fr_a', status: 'paused', checkpoint: checkpoint('cp_1') })]);
    let reads = 0;
    const read = cache.needsYouCandidates.bind(cache);
    cache.needsYouCandidates = (...args) => (reads++, read(...args));
    const popovers = [0, 1].map(() => watch<CommandCenterResult>({ view: 'commandCenter', needsYouLimit: 10, activeLimit: 10, recentLimit: 10 }));
    const summaries: number[] = [];
    views.follow((now) => views.needsYou(now).length, (n) => summaries.push(n));
    reads = 0;
    apply([flowRun({ id: 'fr_b', status: 'paused', checkpoint: checkpoint('cp_2'), updatedAt: ago(MINUTE) })]);
    await waitFor(() => popovers.every((p) => p.last().needsYou.total === 2) && summaries.at(-1) === 2, 2000);
    expect(reads).toBe(1);
  });

  it('a flood of batches is evaluated a few times, and the last change is always sent', async () => {
    const { apply, watch } = setup([flowRun({ id: 'fr_a' })], { coalesceMs: 50 });
    const a = watch<SessionResult>({ view: 'session', id: 'fr_a' });
    for (let i = 1; i <= 40; i++) {
      apply([flowRun({ id: 'fr_a', title: `step ${i}` })]);
      await new Promise((r) => setTimeout(r, 3));
    }
    await waitFor(() => a.last().session?.title === 'step 40', 2000);
    // 40 batches over about 120 ms, at most one evaluation per 50 ms.
    expect(a.results.length).toBeLessThanOrEqual(6);
  });

  it('a sessions window: rows from its offset, total, tabs and filter menus', () => {
    const sessions = [...demoSessions(300), ...edgeSessions()];
    const { watch } = setup(sessions);
    const ordered = orderSessions(sessions, NOW);
    for (const [offset, limit] of [[0, 20], [37, 50], [ordered.length - 5, 50], [ordered.length + 3, 10]] as const) {
      const w = watch<SessionsResult>({ view: 'sessions', filters: {}, offset, limit });
      expect(ids(w.last().rows)).toEqual(ordered.slice(offset, offset + limit).map((s) => s.id));
      expect(w.last().offset).toBe(offset);
      expect(w.last().total).toBe(sessions.length);
    }
    const kinds = (list: Session[]) => ({
      all: list.length,
      flow_run: list.filter((s) => s.kind === 'flow_run').length,
      background_task: list.filter((s) => s.kind === 'background_task').length,
      chat: list.filter((s) => s.kind === 'chat').length,
    });
    const chats = watch<SessionsResult>({ view: 'sessions', filters: { kind: 'chat', search: 'e' }, offset: 0, limit: 500 });
    const matching = sessions.filter((s) => s.title.toLowerCase().includes('e'));
    expect(chats.last().tabs).toEqual(kinds(matching));
    expect(chats.last().total).toBe(kinds(matching).chat);
    expect(ids(chats.last().rows)).toEqual(orderSessions(matching.filter((s) => s.kind === 'chat'), NOW).map((s) => s.id));
    const owners = new Map(sessions.map((s) => [s.owner.id, s.owner.name]));
    expect(chats.last().facets.owners.map((o) => o.id).sort()).toEqual([...owners.keys()].sort());
  });

  it('mine is the signed-in person’s, and nothing while nobody is', async () => {
    const sessions = demoSessions(200);
    const { state, views, watch } = setup(sessions);
    state.user = null;
    const mine = watch<SessionsResult>({ view: 'sessions', filters: { mine: true }, offset: 0, limit: 500 });
    expect(mine.last().total).toBe(0);
    expect(mine.last().rows).toEqual([]);
    state.user = 'u_grace';
    views.changed(); // ApiHost does this on hello
    await waitFor(() => mine.results.length === 2, 2000);
    const grace = sessions.filter((s) => s.owner.id === 'u_grace');
    expect(grace.length).toBeGreaterThan(0);
    expect(mine.last().total).toBe(grace.length);
    expect(ids(mine.last().rows)).toEqual(orderSessions(grace, NOW).map((s) => s.id));
    expect(mine.last().tabs.all).toBe(grace.length);
  });

  it('tab counts follow changes, removals and retention’s silent deletes', async () => {
    const sessions = Array.from({ length: 30 }, (_, i) =>
      flowRun({ id: `fr_${i}`, status: 'succeeded', owner: { id: i % 2 ? 'u_ada' : 'u_alan', name: 'x' }, updatedAt: ago((i < 10 ? 40 * 24 : 1) * HOUR) }),
    );
    const { cache, apply, watch } = setup(sessions);
    const w = watch<SessionsResult>({ view: 'sessions', filters: { ownerId: 'u_ada' }, offset: 0, limit: 100 });
    expect(w.last().tabs).toEqual({ all: 15, flow_run: 15, background_task: 0, chat: 0 });
    apply([chat({ id: 'ch_new', owner: { id: 'u_ada', name: 'x' } }), { ...sessions[1]!, owner: { id: 'u_alan', name: 'x' } }], ['fr_3']);
    await waitFor(() => w.results.length === 2, 2000);
    expect(w.last().tabs).toEqual({ all: 14, flow_run: 13, background_task: 0, chat: 1 });
    // Retention drops the old ones without an 'applied' event; the next answer counts again.
    expect(cache.prune(NOW).sessions).toBeGreaterThan(0);
    apply([chat({ id: 'ch_new2', owner: { id: 'u_alan', name: 'x' } })]);
    await waitFor(() => w.results.length === 3, 2000);
    const left = cache.query({ view: 'all', ownerId: 'u_ada' }, NOW);
    expect(w.last().tabs.all).toBe(left.length);
    expect(w.last().total).toBe(left.length);
  });

  it('a detail names its parent, origin and children, and rows carry the children’s tally', () => {
    const parent = task({ id: 'bt_parent', task: { childIds: ['bt_c1', 'bt_c2', 'bt_c3', 'bt_gone'], parentId: null, backgroundedFrom: { kind: 'chat', id: 'ch_origin' } } });
    const children = [
      task({ id: 'bt_c1', status: 'completed', task: { parentId: 'bt_parent' } }),
      task({ id: 'bt_c2', status: 'failed', task: { parentId: 'bt_parent' } }),
      task({ id: 'bt_c3', status: 'waiting', checkpoint: checkpoint('cp_c3'), task: { parentId: 'bt_parent' } }),
    ];
    const origin = chat({ id: 'ch_origin', status: 'ended', chat: { ended: true } });
    const { watch } = setup([parent, ...children, origin, flowRun({ id: 'fr_other' })]);
    const d = watch<SessionResult>({ view: 'session', id: 'bt_parent' });
    expect(d.last().related.map((s) => s.id)).toEqual(['ch_origin', 'bt_c1', 'bt_c2', 'bt_c3']);
    const child = watch<SessionResult>({ view: 'session', id: 'bt_c2' });
    expect(child.last().related.map((s) => s.id)).toEqual(['bt_parent']);
    expect(watch<SessionResult>({ view: 'session', id: 'nope' }).last()).toEqual({ view: 'session', session: null, related: [] });
    const list = watch<SessionsResult>({ view: 'sessions', filters: { kind: 'background_task' }, offset: 0, limit: 10 });
    const row = list.last().rows.find((r) => r.session.id === 'bt_parent')!;
    const byId = new Map([...children].map((s) => [s.id, s as Session]));
    expect(row.rollUp).toEqual(rollUp(parent, (id) => byId.get(id)));
    expect(row.rollUp).toMatchObject({ total: 4, done: 1, failed: 1, running: 1, unknown: 1 });
    expect(list.last().rows.find((r) => r.session.id === 'bt_c1')!.rollUp).toBeNull();
  });

  it('the clock moves a chat from Active Now to Recent at its 30-minute mark', async () => {
    const quiet = chat({ id: 'ch_q', chat: { lastMessageAt: ago(29 * MINUTE) }, updatedAt: ago(29 * MINUTE) });
    const { state, watch } = setup([quiet, flowRun({ id: 'fr_run' })], { tickMs: 20 });
    const cc = watch<CommandCenterResult>({ view: 'commandCenter', needsYouLimit: 10, activeLimit: 10, recentLimit: 10 });
    expect(ids(cc.last().activeNow.rows)).toContain('ch_q');
    await settle();
    expect(cc.results).toHaveLength(1); // the tick alone, with nothing moved, pushes nothing
    state.now = NOW + MINUTE;
    expect(isActive(quiet, state.now)).toBe(false);
    await waitFor(() => cc.results.length === 2, 2000);
    expect(ids(cc.last().activeNow.rows)).toEqual(['fr_run']);
    expect(ids(cc.last().recent.rows)).toEqual(['ch_q']);
  });

  it('sits idle between ticks: a popover alone, or after the Sessions list closed, evaluates nothing', async () => {
    const { cache, apply, watch } = setup(demoSessions(200), { tickMs: 60_000 });
    let reads = 0;
    const count = cache.count.bind(cache);
    cache.count = (...args: Parameters<Cache['count']>) => (reads++, count(...args));
    const idleFor = async (ms: number) => {
      await new Promise((r) => setTimeout(r, 100));
      const before = reads;
      await new Promise((r) => setTimeout(r, ms));
      return reads - before;
    };
    const cc = watch<CommandCenterResult>({ view: 'commandCenter', needsYouLimit: 10, activeLimit: 5, recentLimit: 5 });
    // No chat goes quiet soon and nothing changed: not one evaluation. The filter menus, stale
    // with nobody to read them, once made the queries wake every turn.
    expect(await idleFor(300)).toBe(0);
    const list = watch<SessionsResult>({ view: 'sessions', filters: {}, offset: 0, limit: 20 });
    list.close();
    apply([flowRun({ id: 'fr_new_owner', owner: { id: 'u_new', name: 'New Owner' } })]);
    expect(await idleFor(300)).toBe(0);
    expect(cc.results).toHaveLength(2);
  });

  it('an unwatched query hears nothing more', async () => {
    const { apply, watch } = setup([flowRun({ id: 'fr_a' })]);
    const a = watch<SessionResult>({ view: 'session', id: 'fr_a' });
    a.close();
    apply([flowRun({ id: 'fr_a', title: 'moved' })]);
    await settle();
    expect(a.results).toHaveLength(1);
  });
});
