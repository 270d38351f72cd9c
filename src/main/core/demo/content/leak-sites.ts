/**
 * Where a leaked credential lives: the file an agent would `cat`, read or commit. The
 * credential's text is kept verbatim as one line (or block) among ordinary ones, so a
 * test can look for it exactly and a redactor must find it in context, not alone.
 */
export interface LeakFile {
  path: string;
  /** The file before the secret was added, or null when the secret arrives in a new file. */
  without: string | null;
  with: string;
}

interface Site {
  test: RegExp;
  path: string;
  head: readonly string[];
  tail: readonly string[];
}

// First match wins; the shapes mirror the wraps in credentials.ts.
const SITES: readonly Site[] = [
  { test: /^-----BEGIN/, path: 'deploy/keys/deploy_key', head: [], tail: [] },
  {
    test: /^curl /,
    path: 'scripts/smoke-test.sh',
    head: ['#!/usr/bin/env bash', 'set -euo pipefail'],
    tail: ['echo "smoke test passed"'],
  },
  { test: /^ {2}"/, path: 'config/local.json', head: ['{', '  "region": "eu-west-1",'], tail: ['  "timeoutMs": 5000', '}'] },
  {
    test: /^ {2}\w+: /,
    path: 'config/settings.yaml',
    head: ['service: billing', 'region: eu-west-1', 'integrations:'],
    tail: ['  timeout_ms: 5000'],
  },
  { test: /^\/\//, path: '.npmrc', head: ['registry=https://registry.npmjs.org/'], tail: ['save-exact=true'] },
  { test: /^aws_/, path: '.aws/credentials', head: ['[default]', 'region = eu-west-1'], tail: ['output = json'] },
  { test: /^(export )?[A-Z_]+=/, path: '.env', head: ['NODE_ENV=production', 'PORT=8080'], tail: ['LOG_LEVEL=info'] },
  { test: /./, path: 'config/settings.py', head: ['DEBUG = False', 'ALLOWED_HOSTS = ["billing.acme.dev"]'], tail: ['TIME_ZONE = "UTC"'] },
];

export function leakFile(text: string): LeakFile {
  const site = SITES.find((s) => s.test.test(text)) ?? SITES[SITES.length - 1]!;
  const around = [...site.head, ...site.tail];
  return {
    path: site.path,
    without: around.length === 0 ? null : around.join('\n') + '\n',
    with: [...site.head, text, ...site.tail].join('\n') + '\n',
  };
}
