import type { z } from 'zod';
import type { Origin as OriginSchema } from '../../../../shared/protocol/session';
import type { Random } from '../random';
import { REPOS } from './repos';

type Origin = z.infer<typeof OriginSchema>;

export const SURFACES = ['web', 'vscode', 'schedule'] as const;
export type Surface = (typeof SURFACES)[number];

// Repeats weight the pick: most sessions run in the default profile.
const PROFILES = ['default', 'default', 'default', 'large', 'readonly'] as const;

const TOPIC_SLUGS = [
  'retry-webhooks',
  'invoice-currency',
  'audit-pagination',
  'fix-flaky-checkout',
  'pg16-prep',
  'date-fns',
  'csp-tighten',
  'ledger-advisory-lock',
] as const;

const SCHEDULED_BRANCHES = ['deps/nightly', 'bot/docs-sync', 'bot/weekly-report', 'main'] as const;
const DEVELOPERS = ['ada', 'grace', 'margaret', 'alan', 'barbara', 'edsger'] as const;

/** Branch names follow each surface's habits: bots use fixed branches, people name theirs. */
function branchFor(rng: Random, surface: Surface): string {
  if (surface === 'schedule') return rng.pick(SCHEDULED_BRANCHES);
  if (surface === 'vscode') return `${rng.pick(DEVELOPERS)}/${rng.pick(TOPIC_SLUGS)}`;
  return rng.chance(0.3) ? 'main' : `agent/${rng.pick(TOPIC_SLUGS)}-${rng.int(2, 99)}`;
}

export function makeOrigin(rng: Random, surface: Surface): Origin {
  const repo = rng.pick(REPOS);
  return {
    surface,
    sandbox: `sbx_${rng.int(10, 999)}`,
    profile: rng.pick(PROFILES),
    runtime: repo.runtime,
    repo: repo.repo,
    branch: branchFor(rng, surface),
  };
}
