/**
 * The tenant's repositories. Each carries its runtime and a few real-looking paths so an
 * origin, a tool call and a file edit about the same repo agree with one another
 * (a Go repo runs `go test`, not `npm test`).
 */
export type RepoLang = 'ts' | 'go' | 'py';

export interface RepoProfile {
  repo: string;
  runtime: string;
  lang: RepoLang;
  files: readonly string[];
}

export const REPOS: readonly RepoProfile[] = [
  {
    repo: 'acme/api',
    runtime: 'node22',
    lang: 'ts',
    files: ['src/routes/invoices.ts', 'src/lib/retry.ts', 'src/db/pool.ts', 'test/invoices.test.ts'],
  },
  {
    repo: 'acme/web',
    runtime: 'node22',
    lang: 'ts',
    files: ['src/app/settings/page.tsx', 'src/flags/client.ts', 'src/lib/format-date.ts', 'e2e/checkout.spec.ts'],
  },
  {
    repo: 'acme/ledger',
    runtime: 'go1.23',
    lang: 'go',
    files: ['internal/reconcile/job.go', 'internal/store/postgres.go', 'cmd/ledger/main.go', 'internal/money/round.go'],
  },
  {
    repo: 'acme/payments',
    runtime: 'go1.23',
    lang: 'go',
    files: ['internal/webhook/sender.go', 'internal/stripe/client.go', 'internal/webhook/sender_test.go'],
  },
  {
    repo: 'acme/ml-pipeline',
    runtime: 'python3.12',
    lang: 'py',
    files: ['pipeline/features.py', 'pipeline/train.py', 'tests/test_features.py', 'pipeline/io.py'],
  },
  {
    repo: 'acme/docs',
    runtime: 'node20',
    lang: 'ts',
    files: ['docs/runbooks/pg16.md', 'scripts/sync-openapi.ts', 'docs/api/invoices.md'],
  },
];

const FALLBACK_FILES = ['src/index.ts', 'src/config.ts', 'test/index.test.ts'];

/** A repo not in the catalog still gets a usable TypeScript profile, so callers may pass any name. */
export function repoProfile(repo: string): RepoProfile {
  return REPOS.find((r) => r.repo === repo) ?? { repo, runtime: 'node22', lang: 'ts', files: FALLBACK_FILES };
}
