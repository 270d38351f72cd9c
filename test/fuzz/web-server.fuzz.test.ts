import { describe, expect, it } from 'vitest';
import { runBounded } from './properties/target';
import { webServerTarget } from './properties/web-server';

describe('the web preview HTTP server under hostile requests (fuzz)', () => {
  it('stays up, answers in words, serves nothing but the renderer, and keeps serving every session', async () => {
    const coverage = await runBounded(webServerTarget, 80);
    expect(coverage.runs).toBe(80);
  }, 60_000);
});
