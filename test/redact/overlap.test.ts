import { describe, expect, it } from 'vitest';
import { ALNUM, Random } from '../../src/main/core/demo/random';
import { redactText } from '../../src/main/core/redact';
import { SEED } from './support';

describe('a token of one kind inside a wider token of the same kind', () => {
  it('redacts the wider token whole (a ghs_… run inside a github_pat_… body)', () => {
    const rng = new Random(SEED);
    // github_pat_ + 22 + _ + 59, with a ghs_ + 36 run planted inside the 59.
    const inner = `ghs_${rng.chars(ALNUM, 36)}`;
    const token = `github_pat_${rng.chars(ALNUM, 22)}_${rng.chars(ALNUM, 10)}${inner}${rng.chars(ALNUM, 59 - 10 - inner.length)}`;
    const out = redactText(`export GITHUB_TOKEN=${token}\n`);
    expect(out, `seed ${SEED}`).toBe('export GITHUB_TOKEN=[REDACTED:github-token]\n');
  });
});
