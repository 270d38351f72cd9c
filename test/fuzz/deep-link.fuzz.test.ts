import { describe, expect, it } from 'vitest';
import { deepLinkTarget } from './properties/deep-link';
import { runBounded } from './properties/target';

// test/shell/deep-link/deep-link.test.ts holds the examples and the round trips of valid ids; this
// bends valid links, and follows links through argv and the app's events.
describe('discoparrot:// links, bent and carried (fuzz)', () => {
  it('never throws; what it accepts is a clean id that reads the same written out again; only that is opened', async () => {
    const coverage = await runBounded(deepLinkTarget, 300);
    expect(coverage.runs).toBe(300);
  });
});
