import { describe, expect, it } from 'vitest';
import { failuresSince, needsYou, RECENT_WINDOW_MS } from '../../src/shared/sessions';
import { ago, checkpoint, flowRun, HOUR, MINUTE, NOW, task } from './fixtures';

const GRACE = { id: 'u_grace', name: 'Grace Hopper' };
const waitingFor = (id: string, ms: number) => flowRun({ id, status: 'paused', updatedAt: ago(MINUTE), checkpoint: { ...checkpoint(`cp_${id}`), requestedAt: ago(ms) } });

describe('needsYou', () => {
  it('puts every pending checkpoint first, oldest wait first, ties by id, with how long each waited', () => {
    const waiting = [waitingFor('b', 5 * MINUTE), waitingFor('c', HOUR), waitingFor('a', 5 * MINUTE), { ...waitingFor('graces', 2 * HOUR), owner: GRACE }];
    const items = needsYou({ waiting, failed: [], userId: 'u_ada', since: 0, now: NOW });
    expect(items.map((i) => i.session.id)).toEqual(['graces', 'c', 'a', 'b']);
    expect(items.map((i) => i.waitedMs)).toEqual([2 * HOUR, HOUR, 5 * MINUTE, 5 * MINUTE]);
    expect(items.every((i) => i.reason === 'checkpoint')).toBe(true);
  });

  it('adds the person’s own failures after `since`, newest first, and nobody else’s', () => {
    const failed = [
      flowRun({ id: 'old', status: 'failed', updatedAt: ago(3 * HOUR) }),
      flowRun({ id: 'new', status: 'failed', updatedAt: ago(MINUTE) }),
      task({ id: 'mid', status: 'failed', updatedAt: ago(HOUR) }),
      flowRun({ id: 'graces', status: 'failed', owner: GRACE, updatedAt: ago(MINUTE) }),
      flowRun({ id: 'recovered', status: 'running', updatedAt: ago(MINUTE) }),
    ];
    const items = needsYou({ waiting: [waitingFor('w', MINUTE)], failed, userId: 'u_ada', since: NOW - 2 * HOUR, now: NOW });
    expect(items.map((i) => [i.session.id, i.reason])).toEqual([['w', 'checkpoint'], ['new', 'failed'], ['mid', 'failed']]);
    expect(needsYou({ waiting: [], failed, userId: null, since: 0, now: NOW })).toEqual([]);
  });

  it('reads failures since the open before the last, or the past day on a first start', () => {
    expect(failuresSince(NOW - HOUR, NOW)).toBe(NOW - HOUR);
    expect(failuresSince(null, NOW)).toBe(NOW - RECENT_WINDOW_MS);
  });

  it('never lists a session twice, nor one whose checkpoint is gone', () => {
    const both = { ...waitingFor('x', MINUTE), status: 'failed' as const };
    const gone = flowRun({ id: 'y', status: 'running', checkpoint: null });
    const items = needsYou({ waiting: [both, gone], failed: [both], userId: 'u_ada', since: 0, now: NOW });
    expect(items.map((i) => i.session.id)).toEqual(['x']);
  });
});
