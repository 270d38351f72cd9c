import { describe, expect, it } from 'vitest';
import { streamTarget } from './properties/stream';
import { runBounded } from './properties/target';

describe('the stream protocol under hostile whole frames (fuzz)', () => {
  it('lands every valid session around the junk, never stops, and logs neither the token nor a stack', async () => {
    const coverage = await runBounded(streamTarget, 40);
    expect(coverage.runs).toBe(40);
  }, 120_000);
});
