import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { ExitCode } from '../../../src/main/cli/exit-codes';
import { acquireWriterLock } from '../../../src/main/core/cache/lock';
import { CliProcess, removeDir } from './cli-process';
import { expectPlainSync, startCliFixture, stopCliFixture, type CliFixture } from './cli-fixture';
import { Frozen } from '../../support/frozen';
import { harm, harmArb } from './damage';
import type { FuzzTarget } from './target';
import { check, expectNoSecret, expectSentence, expectWords, SECRET } from './words';

/** Where the harm lands, in a copy of the fixture's template (`legacy` or `profiles`). */
const PLACES = {
  'profiles.json': 'profiles/profiles.json',
  'profile cache': 'profiles/profiles/acme/cache.sqlite',
  'legacy cache': 'legacy/cache.sqlite',
  'legacy WAL': 'legacy/cache.sqlite-wal',
  'cache lock': 'legacy/cache.lock',
} as const;
type Place = keyof typeof PLACES;

/** Commands that only read must leave every file as they found it. */
const READERS = new Set(['sessions', 'transcript', 'diagnostics', 'list']);

const runArb = fc.record({
  place: fc.constantFrom(...(Object.keys(PLACES) as Place[])),
  harm: harmArb,
  locked: fc.constantFrom(false, false, false, false, false, true),
  command: fc.nat(),
});
type Run = typeof runArb extends fc.Arbitrary<infer R> ? R : never;

function commandsFor(fx: CliFixture, layout: string, dir: string): string[][] {
  const out = ['--out', join(dir, '..', 'bundle.json')];
  if (layout === 'legacy') {
    return [
      ['sessions', '--data', dir],
      ['sessions', '--data', dir, '--json', '--view', 'needs-you'],
      ['transcript', 'fr_1', '--data', dir],
      ['sync', '--once', '--timeout', '3', '--backend', fx.url, '--token-file', fx.tokenFile, '--data', dir],
      ['diagnostics', '--data', dir, ...out],
    ];
  }
  return [
    ['sessions', '--data', dir],
    ['sessions', '--data', dir, '--profile', 'acme'],
    ['profiles', '--data', dir, '--json'],
    ['sync', '--once', '--timeout', '3', '--data', dir],
    ['profiles', 'add', 'Globex', '--backend', fx.url, '--token-file', fx.tokenFile, '--data', dir],
    ['profiles', 'remove', 'Acme', '--data', dir, '--yes'],
    ['diagnostics', '--data', dir, ...out],
  ];
}

/** A newer release's file: profiles.json of version 99 with fields this one does not know; a cache of schema v99. */
function newer(file: string): void {
  if (file.endsWith('.json')) {
    const body = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return writeFileSync(file, JSON.stringify({ ...body, version: 99, teams: [{ id: 't' }] }));
  }
  if (file.endsWith('.sqlite')) {
    const db = new Database(file);
    db.pragma('user_version = 99');
    return void db.close();
  }
  writeFileSync(file, 'written by a newer release');
}

const asideOf = (file: string) => (existsSync(dirname(file)) ? readdirSync(dirname(file)).filter((f) => f.startsWith(`${basename(file)}.`) && !/-(wal|shm|journal)$/.test(f)) : []);
const bytesOf = (file: string) => (existsSync(file) && statSync(file).isFile() ? readFileSync(file) : null);

/**
 * The CLI over a data dir with one file damaged, of a newer release, unwritable, or locked by
 * another writer: a documented exit and a sentence, never the token, and nothing destroyed
 * silently. A reader changes nothing; a writer may use a file or move it aside and say so, with
 * its bytes kept; profiles.json that cannot be read is left exactly as it was.
 */
export const dataDirTarget: FuzzTarget<CliFixture & { run: number }> = {
  name: 'data dir files (CLI)',
  slow: true,
  regressions: [
    // A folder where cache.sqlite should be: "internal error: EISDIR" from reading its header.
    [{ place: 'legacy cache', harm: { kind: 'a folder' }, locked: false, command: 0 } satisfies Run],
    // A profiles.json that cannot be written: "internal error: EPERM" from profiles add.
    [{ place: 'profiles.json', harm: { kind: 'read-only' }, locked: false, command: 4 } satisfies Run],
  ],
  start: async () => ({ ...(await startCliFixture('parrot-fuzz-data-')), run: 0 }),
  property(fx, coverage) {
    return fc.asyncProperty(runArb, async (run: Run) => {
      const root = join(fx.root, `run-${fx.run++}`);
      cpSync(fx.template, root, { recursive: true });
      const file = join(root, PLACES[run.place]);
      const layout = PLACES[run.place].split('/')[0]!;
      const dir = join(root, layout);
      const commands = commandsFor(fx, layout, dir);
      const argv = commands[run.command % commands.length]!;
      const frozen = new Frozen();
      const lock = run.locked ? acquireWriterLock(layout === 'legacy' ? dir : join(dir, 'profiles', 'acme'), 100) : null;
      coverage.shape(`${run.harm.kind} ${run.place}`, `command: ${argv.slice(0, argv[0] === 'profiles' ? 2 : 1).join(' ')}`, ...(run.locked ? ['locked by another writer'] : []), ...(frozen.enforced ? [] : ['read-only not enforced']));
      try {
        if (!existsSync(file)) writeFileSync(file, 'x'.repeat(4096));
        harm(file, run.harm, frozen, newer);
        const before = bytesOf(file);
        const profilesBefore = bytesOf(join(dir, 'profiles.json'));
        const ran = await new CliProcess(argv, { cwd: root }).exited;
        frozen.thaw();
        const what = `parrot-tray ${argv.join(' ')} with ${run.harm.kind} ${run.place}${run.locked ? ', locked' : ''}`;
        check(ran.code !== null && Object.values(ExitCode).includes(ran.code as never), `${what} exited with ${ran.code ?? ran.signal}`);
        expectWords(`the stderr of ${what}`, ran.stderr);
        expectNoSecret(`the stdout of ${what}`, ran.stdout);
        if (ran.code !== 0) expectSentence(`the stderr of ${what}`, ran.stderr);
        const bundle = bytesOf(join(root, 'bundle.json'));
        if (bundle) expectNoSecret('the diagnostics bundle', bundle.toString('utf8'));

        const reader = READERS.has(argv[0]!) || (argv[0] === 'profiles' && argv[1] === '--data');
        const after = bytesOf(file);
        const moved = asideOf(file).filter((f) => before !== null && readFileSync(join(dirname(file), f)).equals(before));
        if (run.place === 'profiles.json' && ran.code !== 0) {
          check(before === null ? existsSync(file) : after?.equals(before), `${what} changed a profiles.json it could not read`);
        }
        if (reader && before !== null) check(after !== null && after.equals(before), `${what} changed ${run.place}, though it only reads`);
        if (reader) check(asideOf(file).length === 0, `${what} moved ${run.place} aside, though it only reads`);
        const removed = argv[1] === 'remove' && ran.code === 0;
        if (before !== null && after === null && !removed && run.place !== 'legacy WAL' && run.place !== 'cache lock') {
          check(moved.length > 0, `${what} destroyed ${run.place}: it is gone and no copy was kept`);
        }
        if (moved.length > 0) check(/moved it to/.test(ran.stderr) && ran.stderr.includes(moved[0]!), `${what} moved ${run.place} aside without saying where`);
        if (profilesBefore && argv[0] !== 'profiles') check(bytesOf(join(dir, 'profiles.json'))?.equals(profilesBefore), `${what} rewrote profiles.json`);
      } finally {
        lock?.release();
        frozen.thaw();
        removeDir(root);
      }
    });
  },
  settle: expectPlainSync,
  stop: stopCliFixture,
};
