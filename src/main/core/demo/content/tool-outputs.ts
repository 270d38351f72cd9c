import type { Random } from '../random';
import type { RepoLang } from './repos';

/**
 * What real tools print, per language, trimmed to a few lines: a transcript entry should
 * stay a few hundred bytes. Each builder returns the command and its output, ok or failed.
 */
export interface ShellRun {
  cmd: string;
  output: string;
}

export function testRun(rng: Random, lang: RepoLang, failed: boolean): ShellRun {
  const total = rng.int(12, 240);
  const secs = (rng.int(80, 900) / 100).toFixed(2);
  if (lang === 'go') {
    const pkg = rng.pick(['internal/reconcile', 'internal/money', 'internal/webhook']);
    const output = failed
      ? `--- FAIL: TestRoundHalfEven (0.00s)\n    round_test.go:41: got 10.01, want 10.00\nFAIL\nFAIL\tgithub.com/acme/ledger/${pkg}\t0.029s`
      : `ok  \tgithub.com/acme/ledger/${pkg}\t${secs}s\nok  \tgithub.com/acme/ledger/internal/store\t0.031s\n?   \tgithub.com/acme/ledger/cmd/ledger\t[no test files]`;
    return { cmd: 'go test ./...', output };
  }
  if (lang === 'py') {
    const output = failed
      ? `FAILED tests/test_features.py::test_rolling_mean_window - AssertionError: 7 != 6\n1 failed, ${total - 1} passed in ${secs}s`
      : `${'.'.repeat(Math.min(total, 60))} [100%]\n${total} passed in ${secs}s`;
    return { cmd: 'pytest -q', output };
  }
  const output = failed
    ? ` ❯ test/invoices.test.ts (14 tests | 2 failed)\n   × rounds EUR totals to 2 decimals\n     → expected '10.01' to be '10.00'\n\n Test Files  1 failed | 5 passed (6)\n      Tests  2 failed | ${total - 2} passed (${total})`
    : ` ✓ test/invoices.test.ts (14 tests) 412ms\n ✓ test/retry.test.ts (7 tests) 88ms\n\n Test Files  6 passed (6)\n      Tests  ${total} passed (${total})\n   Duration  ${secs}s`;
  return { cmd: rng.pick(['npm test', 'npx vitest run']), output };
}

const COMMIT_SUBJECTS = [
  'fix(invoices): round totals half-even',
  'chore(deps): bump undici from 6.19.2 to 6.21.0',
  'feat(webhooks): retry with exponential backoff',
  'test: cover proration on downgrade',
  'docs: add the pg16 upgrade runbook',
  'refactor(ledger): split reconcile job into phases',
  'ci: cache the pnpm store between jobs',
];

export function gitLog(rng: Random, failed: boolean): ShellRun {
  if (failed) {
    return {
      cmd: 'git log --oneline origin/release..HEAD',
      output: "fatal: ambiguous argument 'origin/release..HEAD': unknown revision or path not in the working tree.",
    };
  }
  const lines: string[] = [];
  for (let i = 0; i < 4; i++) lines.push(`${rng.chars('0123456789abcdef', 7)} ${rng.pick(COMMIT_SUBJECTS)}`);
  return { cmd: 'git log --oneline -4', output: lines.join('\n') };
}

export function install(rng: Random, lang: RepoLang, failed: boolean): ShellRun {
  if (lang === 'go') {
    return failed
      ? { cmd: 'go get golang.org/x/net@v0.99.0', output: 'go: golang.org/x/net@v0.99.0: invalid version: unknown revision v0.99.0' }
      : { cmd: 'go get golang.org/x/net@v0.33.0', output: 'go: upgraded golang.org/x/net v0.30.0 => v0.33.0' };
  }
  if (lang === 'py') {
    return failed
      ? { cmd: 'pip install polars==9.0.0', output: 'ERROR: Could not find a version that satisfies the requirement polars==9.0.0' }
      : { cmd: 'pip install polars==1.15.0', output: 'Successfully installed polars-1.15.0' };
  }
  if (failed) {
    return {
      cmd: 'npm install react-dom@19.2.0',
      output: 'npm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree\nnpm ERR! peer react@"^19.2.0" from react-dom@19.2.0',
    };
  }
  const added = rng.int(1, 9);
  return {
    cmd: 'npm install p-retry@6.2.1',
    output: `added ${added} packages, and audited ${rng.int(400, 1200)} packages in ${rng.int(2, 9)}s\n\nfound 0 vulnerabilities`,
  };
}

/** A few lines from the top of a source file, in the repo's language. */
export function snippet(rng: Random, lang: RepoLang): string {
  const byLang: Record<RepoLang, readonly string[]> = {
    ts: [
      "import { setTimeout as sleep } from 'node:timers/promises';\n\nexport async function withRetry<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {\n  for (let i = 1; ; i++) {\n    try {\n      return await fn();\n    } catch (err) {\n      if (i >= attempts) throw err;\n      await sleep(2 ** i * 100);\n    }\n  }\n}",
      "export function formatMoney(cents: number, currency: string): string {\n  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 100);\n}",
    ],
    go: [
      'func (j *Job) Run(ctx context.Context) error {\n\trows, err := j.store.Unreconciled(ctx, j.since)\n\tif err != nil {\n\t\treturn fmt.Errorf("load unreconciled: %w", err)\n\t}\n\treturn j.match(ctx, rows)\n}',
      'func RoundHalfEven(v decimal.Decimal) decimal.Decimal {\n\treturn v.RoundBank(2)\n}',
    ],
    py: [
      'def rolling_mean(values: list[float], window: int) -> list[float]:\n    out = []\n    for i in range(window, len(values)):\n        out.append(sum(values[i - window : i]) / window)\n    return out',
      'def load_events(path: Path) -> pl.DataFrame:\n    return pl.read_parquet(path).filter(pl.col("kind") != "heartbeat")',
    ],
  };
  return rng.pick(byLang[lang]);
}

/** Search results as ripgrep prints them: path:line:text. */
export function searchHits(rng: Random, lang: RepoLang): { query: string; output: string } {
  const byLang: Record<RepoLang, readonly { query: string; hits: readonly string[] }[]> = {
    ts: [
      { query: 'withRetry', hits: ['src/lib/retry.ts:3:export async function withRetry<T>(', 'src/routes/invoices.ts:41:  const rows = await withRetry(() => listInvoices(db, page));'] },
      { query: 'formatMoney(', hits: ['src/lib/money.ts:1:export function formatMoney(cents: number, currency: string): string {', 'src/app/settings/page.tsx:88:        {formatMoney(plan.priceCents, plan.currency)}'] },
    ],
    go: [
      { query: 'Unreconciled(', hits: ['internal/store/postgres.go:112:func (s *Store) Unreconciled(ctx context.Context, since time.Time) ([]Row, error) {', 'internal/reconcile/job.go:27:\trows, err := j.store.Unreconciled(ctx, j.since)'] },
      { query: 'RoundBank', hits: ['internal/money/round.go:9:\treturn v.RoundBank(2)'] },
    ],
    py: [
      { query: 'rolling_mean', hits: ['pipeline/features.py:14:def rolling_mean(values: list[float], window: int) -> list[float]:', 'pipeline/train.py:52:    feats["spend_7d"] = rolling_mean(spend, 7)'] },
      { query: 'read_parquet', hits: ['pipeline/io.py:8:    return pl.read_parquet(path).filter(pl.col("kind") != "heartbeat")'] },
    ],
  };
  const found = rng.pick(byLang[lang]);
  return { query: found.query, output: found.hits.join('\n') };
}
