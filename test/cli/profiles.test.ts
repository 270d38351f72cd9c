import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackend } from '../support/backend';
import { cli } from '../support/cli';
import { Frozen } from '../support/frozen';
import { tempDir } from '../support/temp-dir';

function tokenFile(token: string): string {
  const file = join(tempDir(), 'token');
  writeFileSync(file, `${token}\n`);
  return file;
}

const jsonLines = <T>(stdout: string): T[] => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);

/** Two tenants at once, with their own tokens; both demo tenants number their sessions alike (fr_1…), so ids overlap. */
async function twoTenants() {
  const acme = await startBackend({ token: 'acme-token', seed: 1, sessions: 40 });
  const globex = await startBackend({ token: 'globex-token', seed: 2, sessions: 40 });
  const data = tempDir();
  for (const [name, t, token] of [['Acme Corp', acme, 'acme-token'], ['Globex', globex, 'globex-token']] as const) {
    const added = await cli(['profiles', 'add', name, '--backend', t.url, '--token-file', tokenFile(token), '--data', data]);
    expect([added.code, added.stderr]).toEqual([0, '']);
  }
  return { acme, globex, data };
}

describe('parrot-tray profiles, and every command across them', () => {
  it('adds, lists, syncs and lists sessions of two tenants, each labelled; the token is never stored', async () => {
    const { acme, globex, data } = await twoTenants();
    const listed = jsonLines<{ id: string; name: string; token: string; cache: string }>((await cli(['profiles', '--data', data, '--json'])).stdout);
    expect(listed.map((p) => [p.id, p.name, p.token, p.cache])).toEqual([['acme-corp', 'Acme Corp', 'ok', 'none'], ['globex', 'Globex', 'ok', 'none']]);
    expect(readFileSync(join(data, 'profiles.json'), 'utf8')).not.toMatch(/acme-token|globex-token/);

    const sync = await cli(['sync', '--data', data, '--once', '--timeout', '60']);
    expect(sync.code).toBe(0);
    expect(sync.stderr).toMatch(/parrot-tray sync \[Acme Corp\]: caught up at seq \d+/);
    expect(sync.stderr).toMatch(/parrot-tray sync \[Globex\]: caught up at seq \d+/);

    const rows = jsonLines<{ id: string; profile: string }>((await cli(['sessions', '--data', data, '--json'])).stdout);
    const ids = (profile: string) => rows.filter((r) => r.profile === profile).map((r) => r.id).sort();
    expect(ids('acme-corp')).toEqual(acme.backend.tenant.all().map((s) => s.id).sort());
    expect(ids('globex')).toEqual(globex.backend.tenant.all().map((s) => s.id).sort());
    // The same id in both tenants: two rows, told apart by their profile.
    const shared = ids('acme-corp').filter((id) => ids('globex').includes(id));
    expect(shared.length).toBeGreaterThan(0);

    const one = jsonLines<{ profile: string }>((await cli(['sessions', '--data', data, '--profile', 'globex', '--json'])).stdout);
    expect(new Set(one.map((r) => r.profile))).toEqual(new Set(['globex']));
    const table = await cli(['sessions', '--data', data, '--view', 'active']);
    expect(table.stdout.split('\n')[0]).toMatch(/^PROFILE\s+STATUS/);
  });

  it('an approval lands only on its own backend, though both tenants have a session with that id', async () => {
    const { acme, globex, data } = await twoTenants();
    expect((await cli(['sync', '--data', data, '--once', '--timeout', '60'])).code).toBe(0);
    const paused = acme.backend.tenant.all().find((s) => s.checkpoint && globex.backend.tenant.get(s.id))!;
    expect(paused, 'the two seeds share no waiting session id').toBeTruthy();
    const theirs = globex.backend.tenant.get(paused.id)!;
    const ok = await cli(['approve', paused.id, '--profile', 'Acme Corp', '--data', data]);
    expect([ok.code, ok.stderr]).toEqual([0, '']);
    expect(acme.backend.tenant.decisionOf(paused.checkpoint!.id)?.decision).toBe('approved');
    expect(globex.backend.tenant.get(paused.id)).toEqual(theirs);
  });

  it('one tenant refusing the token says "sign-in needed" for that profile; the other syncs all the same', async () => {
    const { globex, data } = await twoTenants();
    writeFileSync(jsonLines<{ tokenFile: string }>((await cli(['profiles', '--data', data, '--json'])).stdout)[0]!.tokenFile, 'wrong-token\n');
    const sync = await cli(['sync', '--data', data, '--once', '--timeout', '60']);
    expect(sync.code).toBe(3);
    expect(sync.stderr).toMatch(/parrot-tray sync \[Acme Corp\]: sign-in needed: .*\(check the token file /);
    expect(sync.stderr).toMatch(/parrot-tray sync \[Globex\]: caught up at seq \d+/);
    const rows = jsonLines<{ profile: string }>((await cli(['sessions', '--data', data, '--json'])).stdout);
    expect(rows.length).toBe(globex.backend.tenant.size);
  });

  it('a stopped backend is named offline while the other syncs, and its sessions stay listed from its cache', async () => {
    const { acme, globex, data } = await twoTenants();
    expect((await cli(['sync', '--data', data, '--once', '--timeout', '60'])).code).toBe(0);
    await globex.backend.stop();
    const sync = await cli(['sync', '--data', data, '--once', '--timeout', '3']);
    expect(sync.code).toBe(5);
    expect(sync.stderr).toMatch(/parrot-tray sync \[Globex\]: did not catch up within 3 s \(cannot reach the server\)/);
    expect(sync.stderr).toMatch(/parrot-tray sync \[Acme Corp\]: caught up at seq \d+/);
    // Acme was done long before Globex's wait ended: nothing more is said of it.
    expect(sync.stderr).not.toMatch(/\[Acme Corp\]: did not catch up/);
    const rows = jsonLines<{ profile: string }>((await cli(['sessions', '--data', data, '--json'])).stdout);
    expect(rows.filter((r) => r.profile === 'globex')).toHaveLength(globex.backend.tenant.size);
    expect(rows.filter((r) => r.profile === 'acme-corp')).toHaveLength(acme.backend.tenant.size);
  });

  it('removes a profile with its cache, asking first, and says every mistake in words', async () => {
    const { data } = await twoTenants();
    expect((await cli(['sync', '--data', data, '--profile', 'globex', '--once', '--timeout', '60'])).code).toBe(0);
    expect(existsSync(join(data, 'profiles', 'globex', 'cache.sqlite'))).toBe(true);
    // No terminal to ask on: refused, nothing lost.
    const refused = await cli(['profiles', 'remove', 'Globex', '--data', data]);
    expect([refused.code, refused.stderr]).toEqual([2, 'parrot-tray profiles: not removed: there is no terminal to ask on; add --yes to remove it and its cache (see "parrot-tray profiles --help")\n']);
    expect(existsSync(join(data, 'profiles', 'globex', 'cache.sqlite'))).toBe(true);
    const removed = await cli(['profiles', 'remove', 'Globex', '--data', data, '--yes']);
    expect([removed.code, removed.stdout]).toEqual([0, 'Removed profile Globex and its cache.\n']);
    expect(existsSync(join(data, 'profiles', 'globex'))).toBe(false);

    const unknown = await cli(['sessions', '--data', data, '--profile', 'Initech']);
    expect([unknown.code, unknown.stderr]).toEqual([2, `parrot-tray sessions: no profile named "Initech" in ${data} (there are: Acme Corp) (see "parrot-tray sessions --help")\n`]);
    const twice = await cli(['profiles', 'add', 'acme corp', '--backend', 'ws://127.0.0.1:1', '--token-file', tokenFile('x'), '--data', data]);
    expect([twice.code, twice.stderr]).toEqual([1, 'parrot-tray profiles: there is already a profile named "Acme Corp"\n']);
    const insecure = await cli(['profiles', 'add', 'Far', '--backend', 'ws://example.com/v1', '--token-file', tokenFile('x'), '--data', data]);
    expect(insecure.code).toBe(1);
    expect(insecure.stderr).toMatch(/ws:\/\//);
    writeFileSync(join(data, 'profiles.json'), '{ not json');
    const damaged = await cli(['profiles', '--data', data]);
    expect([damaged.code, damaged.stderr]).toEqual([1, `parrot-tray profiles: ${join(data, 'profiles.json')} is not valid JSON; fix or remove it (it was left as it is)\n`]);
  });

  const frozen = new Frozen();
  afterEach(() => frozen.thaw());

  it.runIf(frozen.enforced)('a data folder that cannot be written: the change is refused in a sentence, the list is kept, nothing is left beside it', async () => {
    const data = tempDir();
    const token = tokenFile('acme-token');
    expect((await cli(['profiles', 'add', 'Acme', '--backend', 'wss://stream.acme.example/v1', '--token-file', token, '--data', data])).code).toBe(0);
    const before = readFileSync(join(data, 'profiles.json'), 'utf8');
    frozen.freeze(data);
    const refused = await cli(['profiles', 'add', 'Globex', '--backend', 'wss://stream.globex.example/v1', '--token-file', token, '--data', data]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`^parrot-tray profiles: could not change the profiles in ${data}: E(PERM|ACCES)\\b`));
    expect(readFileSync(join(data, 'profiles.json'), 'utf8')).toBe(before);
    expect(readdirSync(data).filter((name) => name.startsWith('profiles.json.'))).toEqual([]);
  });
});
