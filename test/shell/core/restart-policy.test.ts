import { describe, expect, it } from 'vitest';
import { DEFAULT_RESTART_POLICY, exitReason, NO_RESTARTS, planRestart, type RestartState } from '../../../src/main/shell/core/restart-policy';

describe('planRestart', () => {
  it('restarts a core that died at once after 1 s, doubling each time up to 30 s, then gives up', () => {
    let state: RestartState = NO_RESTARTS;
    const delays: number[] = [];
    for (;;) {
      const plan = planRestart(state, 500);
      state = plan.state;
      if ('giveUp' in plan) break;
      delays.push(plan.restartInMs);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000]);
    expect(delays).toHaveLength(DEFAULT_RESTART_POLICY.maxAttempts);
    expect(state.total).toBe(6);
  });

  it('counts a core that ran for a minute as healthy again: its death starts the backoff over', () => {
    let state: RestartState = NO_RESTARTS;
    for (let i = 0; i < 5; i++) state = planRestart(state, 100).state;
    const plan = planRestart(state, DEFAULT_RESTART_POLICY.stableMs);
    expect(plan).toEqual({ state: { streak: 1, total: 6 }, restartInMs: 1_000 });
    const quick = planRestart(state, DEFAULT_RESTART_POLICY.stableMs - 1);
    expect(quick).toEqual({ state: { streak: 6, total: 6 }, restartInMs: 30_000 });
  });

  it('follows the policy it is given', () => {
    const policy = { baseMs: 10, maxMs: 25, maxAttempts: 2, stableMs: 100 };
    const first = planRestart(NO_RESTARTS, 0, policy);
    expect(first).toEqual({ state: { streak: 1, total: 1 }, restartInMs: 10 });
    const second = planRestart(first.state, 0, policy);
    expect(second).toEqual({ state: { streak: 2, total: 2 }, restartInMs: 20 });
    expect('giveUp' in planRestart(second.state, 0, policy)).toBe(true);
  });
});

describe('exitReason', () => {
  it('says how the core stopped', () => {
    expect(exitReason(9)).toBe('exited with code 9');
    expect(exitReason(0)).toBe('exited on its own');
  });
});
