import { describe, expect, it } from 'vitest';
import { bridgeTarget } from './properties/bridge';
import { runBounded } from './properties/target';

describe('the web preview bridge under hostile frames (fuzz)', () => {
  it('admits only the page, answers every call in words, leaks nothing, and keeps serving every session', async () => {
    const coverage = await runBounded(bridgeTarget, 60);
    expect(coverage.runs).toBe(60);
  }, 90_000);
});
