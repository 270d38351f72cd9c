import { describe, expect, it } from 'vitest';
import { BEHIND_CHANGES, CatchUp } from '../../src/main/core/sync/catch-up';

const at = (applied: number | null, accepted = applied, writing = false) => ({ applied, accepted, writing });

describe('CatchUp', () => {
  it('says so once the cache holds the head of the hello, and only once per hello', () => {
    const c = new CatchUp();
    expect(c.check(at(10))).toBe(false);
    c.hello(100);
    expect(c.check(at(99, 100))).toBe(false);
    expect(c.check(at(100, 100, true))).toBe(false);
    expect(c.check(at(100))).toBe(true);
    expect(c.check(at(101))).toBe(false);
    c.down();
    c.hello(101);
    expect(c.check(at(101))).toBe(true);
  });

  it('once live, says so again after a backlog of BEHIND_CHANGES or more is written, not after a live batch', () => {
    const c = new CatchUp();
    c.hello(0);
    expect(c.check(at(0))).toBe(true);
    c.received(BEHIND_CHANGES - 1, 0);
    expect(c.check(at(BEHIND_CHANGES - 1))).toBe(false);
    c.received(2 * BEHIND_CHANGES, BEHIND_CHANGES);
    expect(c.check(at(2 * BEHIND_CHANGES - 1, 2 * BEHIND_CHANGES))).toBe(false);
    expect(c.check(at(2 * BEHIND_CHANGES))).toBe(true);
    expect(c.check(at(2 * BEHIND_CHANGES))).toBe(false);
  });
});
