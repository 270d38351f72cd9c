import { describe, expect, it } from 'vitest';
import { WriteQueue, type QueuedJob } from '../../src/main/core/sync/write-queue';

/** A job of `slices` steps that records which turn ran each one. */
function job(log: string[], name: string, slices: number, cancelled: string[] = []): QueuedJob {
  let left = slices;
  return {
    step: () => {
      log.push(name);
      return --left === 0;
    },
    cancel: () => cancelled.push(name),
  };
}

/** A queue driven by hand: `turn()` runs one deferred slice, with a clock the test moves. */
function manual() {
  const turns: Array<() => void> = [];
  let clock = 0;
  const queue = new WriteQueue({ budgetMs: 5, now: () => clock, defer: (run) => turns.push(run) });
  return {
    queue,
    turn: () => turns.shift()?.(),
    pending: () => turns.length,
    advance: (ms: number) => (clock += ms),
  };
}

describe('WriteQueue', () => {
  it('runs jobs in order, one slice per turn when each slice uses the budget, and says when it is idle', () => {
    const log: string[] = [];
    const m = manual();
    let idle = 0;
    m.queue.on('idle', () => idle++);
    // Each step takes the whole budget, so every turn runs exactly one.
    m.queue.push({ step: () => (log.push('a'), m.advance(5), log.filter((x) => x === 'a').length === 2), cancel: () => undefined });
    m.queue.push({ step: () => (log.push('b'), m.advance(5), true), cancel: () => undefined });
    m.turn();
    expect(log).toEqual(['a']);
    m.turn();
    expect(log).toEqual(['a', 'a']);
    expect(idle).toBe(0);
    m.turn();
    expect(log).toEqual(['a', 'a', 'b']);
    expect(idle).toBe(1);
    expect(m.queue.idle).toBe(true);
    expect(m.pending()).toBe(0);
  });

  it('ends the turn when a job ends (it may just have committed)', () => {
    const log: string[] = [];
    const m = manual();
    m.queue.push(job(log, 'a', 1));
    m.queue.push(job(log, 'b', 1));
    m.turn();
    expect(log).toEqual(['a']);
    m.turn();
    expect(log).toEqual(['a', 'b']);
  });

  it('cancels every job on clear, and drainNow runs what is left in one go', () => {
    const log: string[] = [];
    const cancelled: string[] = [];
    const m = manual();
    m.queue.push(job(log, 'a', 3, cancelled));
    m.queue.push(job(log, 'b', 1, cancelled));
    m.queue.clear();
    expect(cancelled).toEqual(['a', 'b']);
    m.queue.push(job(log, 'c', 3));
    m.queue.drainNow();
    expect(log).toEqual(['c', 'c', 'c']);
  });

  it('drops a job that throws and keeps going with the next', () => {
    const log: string[] = [];
    const m = manual();
    m.queue.push({ step: () => { throw new Error('disk full'); }, cancel: () => undefined });
    m.queue.push(job(log, 'b', 1));
    expect(() => m.turn()).toThrow('disk full');
    m.turn();
    expect(log).toEqual(['b']);
  });
});
