import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import fc from 'fast-check';
import { ExitCode } from '../../../src/main/cli/exit-codes';
import { DemoBackend } from '../../../src/main/core/demo/server';
import { CliProcess, ensureCliBuilt, removeDir, scratchDir } from './cli-process';
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

interface Env {
  backend: DemoBackend;
  url: string;
  root: string;
  /** A data dir synced once before profiles (`legacy`) and one with a profile (`profiles`), copied per run. */
  template: string;
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
    token: join(env.root, 'token'),
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
    ensureCliBuilt();
    const backend = new DemoBackend({ token: SECRET, rate: 0, sessions: 12, seed: 5 });
    const url = await backend.start();
    const root = scratchDir('parrot-fuzz-cli-');
    writeFileSync(join(root, 'token'), `${SECRET}\n`);
    writeFileSync(join(root, 'two-words'), `${SECRET} more\n`);
    writeFileSync(join(root, 'empty'), '');
    const template = join(root, 'template');
    const tokenFile = join(root, 'token');
    for (const args of [
      ['sync', '--once', '--backend', url, '--token-file', tokenFile, '--data', join(template, 'legacy')],
      ['profiles', 'add', 'Acme', '--backend', url, '--token-file', tokenFile, '--data', join(template, 'profiles')],
      ['sync', '--once', '--data', join(template, 'profiles')],
    ]) {
      const done = await new CliProcess(args).exited;
      if (done.code !== 0) throw new Error(`preparing the data dirs failed: ${args[0]} exited ${done.code}: ${done.stderr}`);
    }
    writeFileSync(join(template, 'a-file'), 'not a folder');
    return { backend, url, root, template, run: 0 };
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
  async settle(env) {
    // The backend the runs used still serves a plain sync.
    const dir = join(env.root, 'settle');
    mkdirSync(dir);
    const done = await new CliProcess(['sync', '--once', '--backend', env.url, '--token-file', join(env.root, 'token'), '--data', dir]).exited;
    check(done.code === 0, `a plain sync after the runs exited ${done.code}: ${done.stderr}`);
  },
  async stop(env) {
    await env.backend.stop();
    removeDir(env.root);
  },
};
