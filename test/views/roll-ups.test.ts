import { afterEach, describe, expect, it } from 'vitest';
import { LiveQueries } from '../../src/main/core/views/live-queries';
import { withRollUps } from '../../src/main/core/views/roll-ups';
import type { SessionsResult } from '../../src/shared/api';
import { RollUpView } from '../../src/shared/api';
import type { Session, TaskSession } from '../../src/shared/protocol';
import { rollUp, waitingLabel } from '../../src/shared/sessions';
import { demoSessions, freshCache } from '../cache/helpers';
import { waitFor } from '../support/scripted-server';
import { MINUTE, NOW, ago, checkpoint, flowRun, task } from '../shared/fixtures';

const live: LiveQueries[] = [];
afterEach(() => {
  for (const l of live.splice(0)) l.close();
});

const child = (id: string, overrides: Parameters<typeof task>[0] = {}) => task({ id, ...overrides, task: { parentId: 'bt_parent', ...overrides.task } });

/** A parent whose children cover every case the tally tells apart. */
function family(): { parent: TaskSession; children: Session[] } {
  const children = [
    child('bt_w1', { status: 'waiting', checkpoint: checkpoint('cp_w1') }),
    child('bt_w2', { status: 'waiting', checkpoint: checkpoint('cp_w2') }),
    // A task may wait with no checkpoint (it asks to be resumed): not a decision to take.
    child('bt_resume', { status: 'waiting' }),
    child('bt_run', { status: 'running' }),
    child('bt_done', { status: 'completed' }),
    child('bt_fail', { status: 'failed' }),
    // A checkpoint outranks whatever the status says (categoryOf): this one waits too.
    child('bt_odd', { status: 'mystery', checkpoint: checkpoint('cp_odd') }),
  ];
  const parent = task({ id: 'bt_parent', title: 'Parent', task: { childIds: [...children.map((c) => c.id), 'bt_gone'] } });
  return { parent, children };
}

describe('a fan-out parent’s tally: waiting children', () => {
  it('counts the children paused at a checkpoint, among those still running', () => {
    const { parent, children } = family();
    const byId = new Map(children.map((c) => [c.id, c]));
    const r = rollUp(parent, (id) => byId.get(id));
    expect(r).toEqual({ total: 8, done: 1, failed: 1, running: 5, unknown: 1, waiting: 3 });
    expect(r.done + r.failed + r.running + r.unknown).toBe(r.total);
    expect(waitingLabel(r)).toBe('3 subtasks waiting');
    expect(waitingLabel({ waiting: 1 })).toBe('1 subtask waiting');
    expect(waitingLabel({ waiting: 0 })).toBeNull();
  });

  it('the core’s rows carry the same tally, read from the cache without each child’s JSON', () => {
    const { parent, children } = family();
    const cache = freshCache();
    cache.applySnapshot([parent, ...children, flowRun({ id: 'fr_x' })], 1);
    const [row, plain] = withRollUps(cache, [parent, cache.getSession('fr_x')!]);
    expect(RollUpView.parse(row!.rollUp)).toEqual({ total: 8, done: 1, failed: 1, running: 5, unknown: 1, waiting: 3 });
    expect(plain!.rollUp).toBeNull();
    cache.close();
  });

  it('agrees with the shared rule for every parent of the demo tenant, and the demo has parents with children waiting', () => {
    const sessions = demoSessions(300);
    const byId = new Map(sessions.map((s) => [s.id, s]));
    const cache = freshCache();
    cache.applySnapshot(sessions, 1);
    const parents = sessions.filter((s): s is TaskSession => s.kind === 'background_task' && s.task.childIds.length > 0);
    const rows = withRollUps(cache, parents);
    rows.forEach((row, i) => expect(row.rollUp, parents[i]!.id).toEqual(rollUp(parents[i]!, (id) => byId.get(id))));
    expect(rows.some((row) => row.rollUp!.waiting >= 2)).toBe(true);
    cache.close();
  });

  it('a live list hears a child decided: the parent’s waiting count drops with no change to the parent', async () => {
    const { parent, children } = family();
    const cache = freshCache();
    cache.applySnapshot([parent, ...children], 1);
    const views = new LiveQueries({ cache, now: () => NOW, userId: () => 'u_ada', previousPopoverOpen: () => null }, { coalesceMs: 10, tickMs: 60_000 });
    live.push(views);
    const results: SessionsResult[] = [];
    views.watch({ view: 'sessions', filters: { kind: 'background_task' }, offset: 0, limit: 50 }, (r) => results.push(structuredClone(r) as SessionsResult));
    const waitingOf = () => results.at(-1)!.rows.find((r) => r.session.id === 'bt_parent')!.rollUp!.waiting;
    expect(waitingOf()).toBe(3);
    const decided = { ...children[0]!, status: 'running', checkpoint: null, updatedAt: ago(0) } as Session;
    views.changed(cache.applyChanges([{ seq: 2, op: 'upsert', session: decided }]));
    await waitFor(() => waitingOf() === 2, 2000);
    const later = { ...children[3]!, status: 'waiting', checkpoint: { ...checkpoint('cp_run'), requestedAt: ago(MINUTE) }, updatedAt: ago(0) } as Session;
    views.changed(cache.applyChanges([{ seq: 3, op: 'upsert', session: later }]));
    await waitFor(() => waitingOf() === 3, 2000);
    cache.close();
  });
});
