import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchNetwork } from '../../src/main/shell/network-watch';

afterEach(() => vi.useRealTimers());

describe('watchNetwork', () => {
  it('calls back once each time the network comes back, not while it stays up or down', () => {
    vi.useFakeTimers();
    const states = [true, false, false, true, true, false, true];
    let i = 0;
    let backs = 0;
    const stop = watchNetwork(() => states[Math.min(i++, states.length - 1)]!, () => backs++, 1000);
    vi.advanceTimersByTime(6000);
    stop();
    expect(backs).toBe(2);
  });
});
