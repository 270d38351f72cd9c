import { describe, expect, it } from 'vitest';
import { dataDirTarget } from './properties/data-dir';
import { runBounded } from './properties/target';

describe("the CLI's data dir with damaged, newer, unwritable or locked files (fuzz)", () => {
  it('says what is wrong in a sentence, never the token, and destroys nothing silently', async () => {
    const coverage = await runBounded(dataDirTarget, 20);
    expect(coverage.runs).toBe(20);
  }, 120_000);
});
