import { randomInt } from 'node:crypto';
import { beforeEach } from 'vitest';
import { Random } from '../../src/main/core/demo/random';
import type { CredentialKind } from '../../src/main/core/demo/content';

/**
 * Every run draws new credentials, so the rules meet tokens nobody has tuned them to. A failure
 * prints the seed; `REDACT_SEED=<n> npx vitest run test/redact` replays that run.
 */
export const SEED = Number(process.env.REDACT_SEED ?? randomInt(1, 2 ** 32 - 1));

/** A Random of its own for each test file, derived from the run's seed; the seed is printed on failure. */
export function useSeededRandom(salt: number): Random {
  beforeEach((ctx) => {
    ctx.onTestFailed(() => {
      console.error(`redaction test failed with REDACT_SEED=${SEED}`);
    });
  });
  return new Random(SEED ^ salt);
}

/** The marker kind each demo credential must be reported as. */
export const EXPECTED_KIND: Record<CredentialKind, string> = {
  'github-pat': 'github-token',
  'github-oauth': 'github-token',
  'github-user-to-server': 'github-token',
  'github-server-to-server': 'github-token',
  'github-refresh': 'github-token',
  'github-fine-grained-pat': 'github-token',
  'aws-access-key': 'aws-access-key',
  'aws-secret-key': 'aws-secret-key',
  'slack-token': 'slack-token',
  'stripe-secret-key': 'stripe-key',
  'openai-api-key': 'openai-api-key',
  'anthropic-api-key': 'anthropic-api-key',
  'google-api-key': 'google-api-key',
  'gitlab-pat': 'gitlab-token',
  'npm-token': 'npm-token',
  jwt: 'jwt',
  'private-key': 'private-key',
  'url-password': 'url-password',
  bearer: 'authorization-header',
  'basic-auth': 'authorization-header',
  'password-assignment': 'generic-secret',
};

export const marker = (kind: string): string => `[REDACTED:${kind}]`;

/** What redaction must produce: every occurrence of the secret, and nothing else, replaced. */
export const replaced = (text: string, secret: string, kind: string): string => text.split(secret).join(marker(kind));
