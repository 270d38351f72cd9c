import { describe, expect, it } from 'vitest';
import { cliArgsTarget } from './properties/cli-args';
import { runBounded } from './properties/target';

describe('the CLI under random argv (fuzz)', () => {
  it('exits with a documented code, says why in a sentence, and never prints or writes the token', async () => {
    const coverage = await runBounded(cliArgsTarget, 24);
    expect(coverage.runs).toBe(24);
  }, 120_000);
});
