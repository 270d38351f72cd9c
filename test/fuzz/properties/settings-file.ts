import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ACME, FakeSafeStorage, GLOBEX, open, OTHER_TOKEN, TOKEN } from '../../shell/settings/settings-harness';
import { removeDir, scratchDir } from './cli-process';
import { Frozen } from '../../support/frozen';
import { harm, harmArb } from './damage';
import type { FuzzTarget } from './target';
import { check, expectNoSecret, expectSentence, expectWords, SECRET } from './words';

const SECRETS = [SECRET, TOKEN, OTHER_TOKEN];

/** A field of the file replaced by what a hand edit, another program or an old bug leaves there. */
const junkFieldArb = fc.record({
  path: fc.constantFrom(['theme'], ['shortcut'], ['notify'], ['notify', 'scope'], ['profiles'], ['profiles', 0], ['profiles', 0, 'backendUrl'], ['profiles', 1, 'id'], ['profiles', 1, 'encryptedToken'], ['tokenStorage'], ['schemaVersion'], ['__proto__']),
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(`ws://evil.example/?token=${SECRET}`, 'demo', null, 3, -1, '', [], {}, 'x'.repeat(10_000))),
});
const oldArb = fc.constantFrom(
  { notifyAll: true, backendUrl: 'wss://acme.example/stream', theme: 'dark' },
  { schemaVersion: 1, backendUrl: `wss://acme.example/stream?token=${SECRET}`, encryptedToken: 'not base64!' },
  { schemaVersion: 1, backendUrl: 42, notify: { mutedFlows: [{ id: 7 }, 'x', { id: 'fl_1', name: 'N' }] } },
);
const caseArb = fc.oneof(
  { weight: 6, arbitrary: harmArb.map((h) => ({ kind: 'harm' as const, harm: h })) },
  { weight: 3, arbitrary: junkFieldArb.map((j) => ({ kind: 'junk field' as const, ...j })) },
  { weight: 1, arbitrary: oldArb.map((old) => ({ kind: 'older file' as const, old })) },
  { weight: 1, arbitrary: fc.constantFrom('\uFEFF', ' \n', '// settings\n').map((prefix) => ({ kind: 'prefixed' as const, prefix })) },
);
type Case = typeof caseArb extends fc.Arbitrary<infer C> ? C : never;

function setPath(target: any, path: ReadonlyArray<string | number>, value: unknown): void {
  let at = target;
  for (const key of path.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null) return;
    at = at[key];
  }
  at[path[path.length - 1]!] = value;
}

/** Writes the case's file into `dir`; returns a label. */
function prepare(dir: string, template: string, c: Case, frozen: Frozen): string {
  const file = join(dir, 'settings.json');
  writeFileSync(file, template);
  if (c.kind === 'harm') {
    harm(file, c.harm, frozen, (f) => writeFileSync(f, JSON.stringify({ ...JSON.parse(template), schemaVersion: 3, teams: [{ id: 't' }] })));
    return c.harm.kind;
  }
  if (c.kind === 'junk field') {
    const body = JSON.parse(template);
    setPath(body, c.path, c.value);
    writeFileSync(file, JSON.stringify(body));
    return `junk ${c.path.join('.')}`;
  }
  if (c.kind === 'older file') {
    writeFileSync(file, JSON.stringify(c.old));
    return 'older file';
  }
  writeFileSync(file, c.prefix + template);
  return 'prefixed';
}

const parsesAsObject = (text: string): boolean => {
  try {
    const v = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
};
const bytesOf = (file: string) => (existsSync(file) && statSync(file).isFile() ? readFileSync(file) : null);

/**
 * The desktop app's settings file (electron-store) damaged, from a newer or older release, a folder,
 * or unwritable: opening it never stops the app, says in words (never with a token or a secret
 * pasted into a URL) what was reset, and destroys nothing silently: a file that is not JSON is kept
 * beside the new one, a newer release's file is left as it is, and no valid profile goes unsaid.
 */
export const settingsFileTarget: FuzzTarget<{ template: string }> = {
  name: 'desktop settings file',
  slow: false,
  regressions: [
    // Text that is not JSON: electron-store wrote the defaults over it, profiles and tokens gone, nothing said.
    [{ kind: 'harm', harm: { kind: 'truncated', at: 0.5 } } satisfies Case],
    [{ kind: 'prefixed', prefix: '\uFEFF' } satisfies Case],
    // A version that is not a number: migrated from v0, which dropped every profile, nothing said.
    [{ kind: 'junk field', path: ['schemaVersion'], value: '2' } satisfies Case],
    // A folder where the file should be: open threw EISDIR, and the app would not start.
    [{ kind: 'harm', harm: { kind: 'a folder' } } satisfies Case],
  ],
  async start() {
    const dir = scratchDir('parrot-fuzz-settings-');
    try {
      const { settings } = open(dir);
      await settings.addProfile({ ...ACME, token: TOKEN });
      await settings.addProfile({ ...GLOBEX, token: OTHER_TOKEN });
      return { template: readFileSync(join(dir, 'settings.json'), 'utf8') };
    } finally {
      removeDir(dir);
    }
  },
  property(env, coverage) {
    return fc.asyncProperty(caseArb, async (c) => {
      const dir = scratchDir('parrot-fuzz-settings-');
      const file = join(dir, 'settings.json');
      const frozen = new Frozen();
      try {
        const label = prepare(dir, env.template, c, frozen);
        coverage.shape(label, ...(frozen.enforced ? [] : ['read-only not enforced']));
        const before = bytesOf(file);
        let opened: ReturnType<typeof open> | null = null;
        let thrown: Error | null = null;
        try {
          opened = open(dir, new FakeSafeStorage());
        } catch (error) {
          thrown = error as Error;
        }
        const said = [opened?.notice ?? '', ...(opened?.log.mock.calls.flat() ?? []).map(String), thrown?.message ?? ''].join('\n');
        expectWords('what opening the settings said', said, SECRETS);
        check(thrown === null, `opening the settings (${label}) threw, so the app would not start: ${thrown?.message}`);
        const { settings, notice } = opened!;
        const after = bytesOf(file);
        if (before !== null && !parsesAsObject(before.toString('utf8')) && !after?.equals(before)) {
          const kept = readdirSync(dir).filter((f) => f !== 'settings.json' && readFileSync(join(dir, f), 'utf8') === before.toString('utf8'));
          check(kept.length > 0, `a settings file that is not JSON (${label}) was replaced, and no copy of it was kept`);
          check(notice?.includes(kept[0]!), `the unreadable settings file was kept as ${kept[0]} without saying so: ${notice}`);
        }
        if (c.kind === 'harm' && c.harm.kind === 'newer') check(after?.equals(before!), "a newer release's settings file was rewritten on open");
        // Both profiles still written as they were, and nothing said: both must still be there.
        const profilesOf = (text: string) => (parsesAsObject(text) ? JSON.stringify(JSON.parse(text).profiles) : null);
        if (notice === null && before !== null && profilesOf(before.toString('utf8')) === profilesOf(env.template)) {
          check(settings.profiles.length === 2, `profiles were lost without a word (${settings.profiles.length} of 2 left, ${label})`);
        }
        for (const p of settings.profiles) {
          const token = await settings.getToken(p.id);
          check(token === null || token === TOKEN || token === OTHER_TOKEN, `profile ${p.id} decrypted to something else`);
        }
        try {
          settings.update({ theme: 'dark' });
        } catch (error) {
          expectSentence('a refused settings change', (error as Error).message, SECRETS);
        }
        frozen.thaw();
        const text = existsSync(file) && statSync(file).isFile() ? readFileSync(file, 'utf8') : '';
        expectNoSecret('the settings file', text, [TOKEN, OTHER_TOKEN]);
        open(dir, new FakeSafeStorage());
      } finally {
        frozen.thaw();
        removeDir(dir);
      }
    });
  },
  settle: async () => undefined,
  stop: async () => undefined,
};

