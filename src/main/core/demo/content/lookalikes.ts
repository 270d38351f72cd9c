import { HEX, type Random } from '../random';

function uuid(rng: Random): string {
  const variant = rng.pick(['8', '9', 'a', 'b']);
  return `${rng.chars(HEX, 8)}-${rng.chars(HEX, 4)}-4${rng.chars(HEX, 3)}-${variant}${rng.chars(HEX, 3)}-${rng.chars(HEX, 12)}`;
}

/**
 * Strings that look a little like secrets and must survive redaction untouched: a redactor
 * that eats commit SHAs or the word "password" makes transcripts useless. None of them
 * sits next to a keyword and an assignment, which is what gitleaks' generic rule needs.
 * Stripe test keys are left out on purpose: gitleaks flags sk_test_ too.
 */
export const BENIGN_LOOKALIKES = (rng: Random): string[] => [
  `commit ${rng.chars(HEX, 40)}`,
  `trace_id=${uuid(rng)}`,
  `https://github.com/acme/api/pull/${rng.int(100, 2999)}`,
  `packages/api/src/auth/refresh-token.ts`,
  'Rotate the deploy token and move the password into the vault before Friday.',
  `#${rng.chars(HEX, 6)}`,
];
