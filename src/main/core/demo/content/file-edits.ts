import type { z } from 'zod';
import type { FileEditEntry } from '../../../../shared/protocol/transcript';
import type { Random } from '../random';
import { makeCredential, type CredentialKind } from './credentials';
import { leakFile } from './leak-sites';
import { repoProfile, type RepoLang } from './repos';

export type FileEditBody = z.infer<typeof FileEditEntry>['fileEdit'];

/** Small, plausible edits per language; `before: null` is a new file. */
const EDITS: Record<RepoLang | 'any', readonly FileEditBody[]> = {
  ts: [
    {
      path: 'src/lib/retry.ts',
      before: 'export async function withRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {\n',
      after: 'export async function withRetry<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {\n',
    },
    {
      path: 'test/money.test.ts',
      before: null,
      after: "import { expect, it } from 'vitest';\nimport { formatMoney } from '../src/lib/money';\n\nit('formats euros', () => {\n  expect(formatMoney(1000, 'EUR')).toBe('€10.00');\n});\n",
    },
    {
      path: 'package.json',
      before: '  "dependencies": {\n    "undici": "^6.19.2",\n',
      after: '  "dependencies": {\n    "p-retry": "^6.2.1",\n    "undici": "^6.21.0",\n',
    },
  ],
  go: [
    {
      path: 'internal/webhook/sender.go',
      before: 'client := &http.Client{Timeout: 10 * time.Second}\n',
      after: 'client := &http.Client{Timeout: 30 * time.Second}\n',
    },
    {
      path: 'internal/money/round_test.go',
      before: null,
      after: 'package money\n\nfunc TestRoundHalfEven(t *testing.T) {\n\tgot := RoundHalfEven(decimal.RequireFromString("10.005"))\n\tif got.String() != "10" {\n\t\tt.Fatalf("got %s, want 10", got)\n\t}\n}\n',
    },
  ],
  py: [
    {
      path: 'pipeline/features.py',
      before: '    for i in range(window, len(values)):\n',
      after: '    for i in range(window, len(values) + 1):\n',
    },
    {
      path: 'tests/test_features.py',
      before: null,
      after: 'from pipeline.features import rolling_mean\n\n\ndef test_rolling_mean_window():\n    assert rolling_mean([1, 2, 3, 4], 2) == [1.5, 2.5, 3.5]\n',
    },
  ],
  any: [
    {
      path: '.github/workflows/ci.yml',
      before: '      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n',
      after: '      - uses: actions/setup-node@v4\n        with:\n          node-version: 22\n',
    },
    { path: 'Dockerfile', before: 'FROM node:20-slim AS build\n', after: 'FROM node:22-slim AS build\n' },
  ],
};

/**
 * A file edit in the repo's language. With a secret, the credential is drawn first (see
 * toolCallBody) and lands in `after`: the committed .env or config every team has seen.
 */
export function fileEditBody(rng: Random, ctx: { repo: string; secret?: CredentialKind }): FileEditBody {
  if (ctx.secret) {
    const file = leakFile(makeCredential(rng, ctx.secret).text);
    const isNew = file.without === null || rng.chance(0.4);
    return { path: file.path, before: isNew ? null : file.without, after: file.with };
  }
  const lang = repoProfile(ctx.repo).lang;
  return { ...rng.pick(rng.chance(0.2) ? EDITS.any : EDITS[lang]) };
}
