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

describe('a token of one kind inside the random body of a token of another', () => {
  it('redacts the wider token whole (a ghs_… run inside an sk-proj-… key), and the result is stable', () => {
    const rng = new Random(SEED);
    const URLSAFE = `${ALNUM}_-`;
    // sk-proj- + 74 + T3BlbkFJ + 74, with a ghs_ + 36 run at the start of the first 74 (CI seed 676793231 drew one).
    const inner = `ghs_${rng.chars(ALNUM, 36)}`;
    const key = `sk-proj-${inner}${rng.chars(ALNUM, 74 - inner.length)}T3BlbkFJ${rng.chars(URLSAFE, 73)}A`;
    const text = `NODE_ENV=production\nOPENAI=${key}\n`;
    const out = redactText(text);
    expect(out, `seed ${SEED}`).toBe('NODE_ENV=production\nOPENAI=[REDACTED:openai-api-key]\n');
    expect(redactText(out)).toBe(out);
  });

  it('keeps a named token’s marker when a generic value around it is wider', () => {
    const rng = new Random(SEED);
    const token = `ghp_${rng.chars(ALNUM, 36)}`;
    expect(redactText(`TOKEN=${token}`)).toBe('TOKEN=[REDACTED:github-token]');
  });
});
