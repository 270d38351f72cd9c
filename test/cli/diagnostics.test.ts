import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSecrets } from '../demo/gitleaks-subset';
import { startBackend } from '../support/backend';
import { cli } from '../support/cli';
import { tempDir } from '../support/temp-dir';

// Shaped as gitleaks finds them (a GitHub token): if either leaked, the scan below would say so.
const ACME_TOKEN = 'ghp_4yQ8bX2nR7kL1mT9vW3cZ6pD0sF5hJ8aE2gU';
const GLOBEX_TOKEN = 'ghp_9pL2kM7nB4vC1xZ8qW3eR6tY0uI5oA2sD7fG';

function tokenFile(token: string): string {
  const file = join(tempDir(), 'token');
  writeFileSync(file, `${token}\n`);
  return file;
}

describe('parrot-tray diagnostics', () => {
  it('writes a bundle with counts and sizes, and no token, secret or session content in it', async () => {
    const acme = await startBackend({ token: ACME_TOKEN, seed: 1, sessions: 30 });
    const globex = await startBackend({ token: GLOBEX_TOKEN, seed: 2, sessions: 20 });
    const data = tempDir();
    // A secret pasted into a profile's name by mistake is redacted on the way out all the same.
    for (const [name, t, token] of [['Acme Corp', acme, ACME_TOKEN], [`Globex ${GLOBEX_TOKEN}`, globex, GLOBEX_TOKEN]] as const) {
      expect((await cli(['profiles', 'add', name, '--backend', t.url, '--token-file', tokenFile(token), '--data', data])).code).toBe(0);
    }
    expect((await cli(['sync', '--data', data, '--once', '--timeout', '60'])).code).toBe(0);

    const out = join(tempDir(), 'report.json');
    const run = await cli(['diagnostics', '--data', data, '--out', out]);
    expect([run.code, run.stdout]).toEqual([0, `Wrote ${out}: 2 caches, no token and no session content. Read it before you send it.\n`]);
    const text = readFileSync(out, 'utf8');
    expect(findSecrets(text)).toEqual([]);
    expect(text).not.toContain(ACME_TOKEN);
    expect(text).not.toContain(GLOBEX_TOKEN);
    // No session's title, nor its id.
    for (const s of [...acme.backend.tenant.all(), ...globex.backend.tenant.all()]) {
      expect(text).not.toContain(s.title);
      expect(text).not.toContain(`"${s.id}"`);
    }
    const bundle = JSON.parse(text) as { kind: string; settings: { profiles: Array<{ name: string; tokenFile: string }> }; caches: Array<{ profile: string; sessions: { total: number }; fileBytes: number }> };
    expect(bundle.kind).toBe('parrot-tray-diagnostics');
    expect(bundle.settings.profiles.map((p) => [p.name.startsWith('Globex') ? 'Globex' : p.name, p.tokenFile])).toEqual([
      ['Acme Corp', 'set'],
      ['Globex', 'set'],
    ]);
    expect(bundle.caches.map((c) => [c.profile, c.sessions.total])).toEqual([
      ['acme-corp', acme.backend.tenant.size],
      [bundle.caches[1]!.profile, globex.backend.tenant.size],
    ]);
    expect(bundle.caches.every((c) => c.fileBytes > 0)).toBe(true);
  });

  it('says every mistake in words and never writes over a file', async () => {
    const data = tempDir();
    const existing = join(tempDir(), 'report.json');
    writeFileSync(existing, 'mine');
    const taken = await cli(['diagnostics', '--data', data, '--out', existing]);
    expect([taken.code, taken.stderr]).toEqual([1, `parrot-tray diagnostics: ${existing} already exists; choose another file\n`]);
    expect(readFileSync(existing, 'utf8')).toBe('mine');
    const noOut = await cli(['diagnostics', '--data', data]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out FILE is required');
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    const notDir = await cli(['diagnostics', '--data', file, '--out', join(tempDir(), 'r.json')]);
    expect([notDir.code, notDir.stderr]).toEqual([1, `parrot-tray diagnostics: ${file} is a file, not a directory: --data needs a folder (one that does not exist yet is created)\n`]);
    expect(existsSync(join(data, 'profiles.json'))).toBe(false);
  });
});
