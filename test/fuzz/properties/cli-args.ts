import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import fc from 'fast-check';
import { ExitCode } from '../../../src/main/cli/exit-codes';
import { CliProcess, removeDir } from './cli-process';
import { expectPlainSync, startCliFixture, stopCliFixture, type CliFixture } from './cli-fixture';
import type { FuzzTarget } from './target';
import { check, expectNoSecret, expectSentence, expectWords, SECRET } from './words';

/**
 * A value in argv, chosen before the run's folders exist: resolved against them when it runs.
 * `$…` names a prepared path or the backend's URL; anything else is passed as it is.
 */
const DIR = fc.constantFrom('$legacy', '$profiles', '$fresh', '$file', '$under-file', '', '$legacy/');
const URL_ = fc.constantFrom('$url', '$url', 'demo', 'ws://evil.example/stream', 'wss://', 'http://127.0.0.1/', 'ws://127.0.0.1:1', 'ws://[::1', `wss://x.example/?token=${SECRET}`);
const TOKEN_FILE = fc.constantFrom('$token', '$token', '$two-words', '$empty', '$missing', '$fresh');
const NUMBER = fc.constantFrom('1', '0', '-1', '3.5', '1e999', 'NaN', '0x10', '', ' ', '99999999999', '2');
const WORD = fc.oneof(fc.constantFrom('fr_1', 'acme', 'Acme', 'all', 'needs-you', 'flow_run', '#ff0000', 'x'.repeat(300), '%', '\u2028', '--data'), fc.string({ maxLength: 12 }));

const flagArb: fc.Arbitrary<readonly string[]> = fc.oneof(
  { weight: 4, arbitrary: DIR.map((d) => ['--data', d]) },
  { weight: 3, arbitrary: URL_.map((u) => ['--backend', u]) },
  { weight: 2, arbitrary: TOKEN_FILE.map((t) => ['--token-file', t]) },
  { weight: 1, arbitrary: fc.constantFrom(['--token', SECRET], [`--token=${SECRET}`], ['--token', ''], ['--token']) },
  { weight: 2, arbitrary: fc.constantFrom(['--once'], ['--events'], ['--json'], ['--yes'], ['-h'], ['--help'], ['--'], ['-x'], ['--once=yes'], ['---'], ['-']) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('--timeout', '--port', '--seed', '--sessions', '--rate', '--heartbeat-ms'), NUMBER).map(([f, n]) => [f, n]) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('--profile', '--view', '--kind', '--owner', '--search', '--comment', '--checkpoint', '--color', '--out', '--unknown'), WORD).map(([f, w]) => [f, w]) },
  { weight: 2, arbitrary: WORD.map((w) => [w]) },
);

const COMMANDS = ['sync', 'sessions', 'transcript', 'approve', 'reject', 'resume', 'cancel', 'end', 'web', 'profiles', 'diagnostics', 'demo-backend'];
const argvArb = fc.record({
  command: fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...COMMANDS) }, fc.constantFrom('', 'SYNC', 'help', '--help', '-h', 'web2', 'profiles add'), fc.string({ maxLength: 8 })),
  sub: fc.constantFrom([], [], ['add', 'Acme 2'], ['remove', 'Acme'], ['fr_1'], ['list']),
  flags: fc.array(flagArb, { maxLength: 6 }),
  // Most runs give up quickly, so a command that waits on a backend does not hold the run.
  timeout: fc.constantFrom(true, true, true, false),
  envToken: fc.boolean(),
});
type Argv = typeof argvArb extends fc.Arbitrary<infer A> ? A : never;

interface Env extends CliFixture {
  run: number;
}

const VALID_CODES = new Set<number>(Object.values(ExitCode));
const LONG_RUNNING = new Set(['web', 'demo-backend', 'sync']);

function resolve(env: Env, dir: string, value: string): string {
  if (!value.startsWith('$')) return value;
  const [name, rest = ''] = [value.slice(1).replace(/\/$/, ''), value.endsWith('/') ? '/' : ''];
  const paths: Record<string, string> = {
    url: env.url,
    legacy: join(dir, 'legacy'),
    profiles: join(dir, 'profiles'),
    fresh: join(dir, 'fresh'),
    file: join(dir, 'a-file'),
    'under-file': join(dir, 'a-file', 'child'),
    token: env.tokenFile,
    'two-words': join(env.root, 'two-words'),
    empty: join(env.root, 'empty'),
    missing: join(env.root, 'missing'),
  };
  return (paths[name] ?? value) + rest;
}

/** The argv as the person typed it, with the run's own paths put in. */
function argvOf(env: Env, dir: string, spec: Argv): string[] {
  const flags = spec.flags.flat().map((v) => resolve(env, dir, v));
  const timeout = spec.timeout ? ['--timeout', '1'] : [];
  return [spec.command, ...spec.sub, ...flags, ...timeout];
}

/**
 * The CLI run as a person would, with random argv: every exit is a documented code, every failure a
 * sentence on stderr (never a stack trace or an "internal error"), and the token (from a file,
 * --token or PARROT_TOKEN) never appears on stdout, stderr, in profiles.json or a diagnostics bundle.
 */
export const cliArgsTarget: FuzzTarget<Env> = {
  name: 'CLI flags and arguments',
  slow: true,
  async start() {
    const fixture = await startCliFixture('parrot-fuzz-cli-');
    writeFileSync(join(fixture.root, 'two-words'), `${SECRET} more\n`);
    writeFileSync(join(fixture.root, 'empty'), '');
    writeFileSync(join(fixture.template, 'a-file'), 'not a folder');
    return { ...fixture, run: 0 };
  },
  property(env, coverage) {
    return fc.asyncProperty(argvArb, async (spec) => {
      const dir = join(env.root, `run-${env.run++}`);
      cpSync(env.template, dir, { recursive: true });
      const argv = argvOf(env, dir, spec);
      const long = LONG_RUNNING.has(spec.command) && !(spec.command === 'sync' && argv.includes('--once'));
      coverage.shape(`command: ${COMMANDS.includes(spec.command) ? spec.command : 'unknown'}`, ...spec.flags.map((f) => `flag: ${f[0]!.startsWith('-') ? f[0] : 'positional'}`));
      // --host is left out: demo-backend would listen wherever it says, and tests stay on loopback.
      const ran = await new CliProcess(argv, { env: spec.envToken ? { PARROT_TOKEN: SECRET } : {}, deadlineMs: long ? 2_000 : 8_000, cwd: dir, stopOnOutput: long }).exited;
      try {
        const what = `parrot-tray ${argv.join(' ').slice(0, 200)}`;
        if (!ran.stopped) check(ran.code !== null && VALID_CODES.has(ran.code), `${what} exited with ${ran.code ?? ran.signal}, not a documented code`);
        expectWords(`the stderr of ${what}`, ran.stderr);
        expectNoSecret(`the stdout of ${what}`, ran.stdout);
        if (!ran.stopped && ran.code !== 0) expectSentence(`the stderr of ${what} (exit ${ran.code})`, ran.stderr);
        for (const written of [join(dir, 'profiles', 'profiles.json'), join(dir, 'fresh', 'profiles.json'), ...argv.filter((_, i) => argv[i - 1] === '--out').map((f) => resolvePath(dir, f))]) {
          if (existsSync(written) && statSync(written).isFile()) expectNoSecret(written, readFileSync(written, 'utf8'));
        }
      } finally {
        removeDir(dir);
      }
    });
  },
  settle: expectPlainSync,
  stop: stopCliFixture,
};
