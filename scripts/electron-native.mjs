#!/usr/bin/env node
// Makes better-sqlite3 for Electron's ABI at out/native/electron-<version>-abi<modules>/better_sqlite3.node,
// leaving node_modules on Node's ABI so `npm test` and the CLI keep working after `npm start` or
// `npm run dist`. The app passes the file to better-sqlite3 as its nativeBinding
// (src/main/shell/native-binding-path.ts); installers carry out/native/ as a resource.
//
// 1. the prebuilt binary better-sqlite3 publishes for this Electron (prebuild-install, as
//    better-sqlite3's own install runs it, in a temporary copy of the package; needs github.com);
// 2. failing that, node-gyp against Electron's headers (needs electronjs.org, once, and a compiler).
// Whatever comes out is checked: a file whose module ABI is not Electron's is never left under
// Electron's name (it is deleted, and the script says why and exits 1).
//
//   node scripts/electron-native.mjs [--force] [--from-source] [--verbose]
//   --force        rebuild even if a good build is there (which is kept if the rebuild fails)
//   --from-source  skip the prebuilt binary
//   --verbose      print the tools' output as well
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { checkAbi, checkTarget, classifyCompile, classifyPrebuilt, electronAbi, failureMessage, nodeGypEnv, planBuild, readBinaryTarget, readModuleAbi } from './lib/native-build.mjs';

const args = new Set(process.argv.slice(2));
const force = args.has('--force');
const verbose = args.has('--verbose');
const fromSource = args.has('--from-source');

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const electronDir = dirname(require.resolve('electron/package.json'));
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
const source = dirname(require.resolve('better-sqlite3/package.json'));
const fromSqlite = createRequire(join(source, 'package.json'));
const prebuildInstall = fromSqlite.resolve('prebuild-install/bin.js');
const fromPrebuild = createRequire(prebuildInstall);

const abiFile = join(electronDir, 'abi_version');
const expectedAbi = electronAbi(existsSync(abiFile) ? readFileSync(abiFile, 'utf8') : undefined, () => fromPrebuild('node-abi').getAbi(electronVersion, 'electron'));
const hostNode = { abi: Number(process.versions.modules), version: process.versions.node };
const arch = process.env.npm_config_arch || process.arch;
const platform = process.platform;
// Named by Electron's version and module ABI: the app looks for the folder of the ABI it runs on
// (process.versions.modules), so a process of another ABI (plain Node running the built main, as
// the tests' Electron stand-in does) never loads this file (src/main/shell/native-binding-path.ts).
const target = join(root, 'out', 'native', `electron-${electronVersion}-abi${expectedAbi}`, 'better_sqlite3.node');
const shown = relative(root, target);
const logFile = join(tmpdir(), `parrot-native-electron-${electronVersion}.log`);
const label = `better-sqlite3 for Electron ${electronVersion} (module ABI ${expectedAbi}, ${platform}-${arch})`;

/** node-gyp: the project's (locked), else the one npm ships and names in npm_config_node_gyp. Never npx, which re-exports the npm config. */
function findNodeGyp() {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    const npms = process.env.npm_config_node_gyp;
    return npms && existsSync(npms) ? npms : null;
  }
}

/** Is this file what Electron on this machine can load: its module ABI, platform and CPU? */
function inspect(file) {
  const bytes = readFileSync(file);
  const abi = checkAbi(readModuleAbi(bytes), expectedAbi, hostNode);
  return abi.ok ? checkTarget(readBinaryTarget(bytes), platform, arch) : abi;
}

function run(step, work, log) {
  const [cmd, argv, env] =
    step === 'prebuilt'
      ? [process.execPath, [prebuildInstall, '--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--platform', platform, '--verbose'], process.env]
      : [process.execPath, [findNodeGyp(), 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers', `--arch=${arch}`], nodeGypEnv(process.env)];
  if (argv[0] === null) return { step, outcome: 'failed', detail: 'node-gyp is not installed (run `npm install`)' };
  const r = spawnSync(cmd, argv, { cwd: work, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? `\n${r.error.message}` : ''}`;
  log.push(`$ ${[cmd, ...argv].join(' ')}`, output);
  if (verbose) process.stdout.write(output);
  return step === 'prebuilt' ? classifyPrebuilt(output, r.status) : classifyCompile(output, r.status);
}

function main() {
  const existing = existsSync(target) ? inspect(target) : null;
  const plan = planBuild({ existing, force, fromSource });
  if (plan.done) {
    console.log(`${label}: already built (${shown})`);
    return 0;
  }
  let removed = null;
  if (plan.removeExisting && existing && !existing.ok) {
    rmSync(target, { force: true });
    removed = existing.why;
    console.log(`${label}: removed ${shown}: ${existing.why}`);
  }

  const work = mkdtempSync(join(tmpdir(), 'parrot-native-'));
  const log = [];
  const attempts = [];
  try {
    const ownBuild = join(source, 'build');
    cpSync(source, work, { recursive: true, filter: (p) => p !== ownBuild && !p.startsWith(ownBuild + sep) });
    for (const step of plan.steps) {
      rmSync(join(work, 'build'), { recursive: true, force: true });
      console.log(step === 'prebuilt' ? `${label}: fetching the prebuilt binary…` : `${label}: compiling against Electron's headers (a minute or two)…`);
      let attempt = run(step, work, log);
      if (attempt.outcome === 'ok') {
        const built = join(work, 'build', 'Release', 'better_sqlite3.node');
        const check = existsSync(built) ? inspect(built) : { ok: false, why: 'it produced no build/Release/better_sqlite3.node' };
        if (check.ok) {
          mkdirSync(dirname(target), { recursive: true });
          copyFileSync(built, `${target}.tmp`);
          renameSync(`${target}.tmp`, target);
          rmSync(logFile, { force: true });
          console.log(`${label}: ${step === 'prebuilt' ? 'prebuilt binary' : 'compiled'}, checked, at ${shown}`);
          return 0;
        }
        attempt = { step, outcome: 'wrong-abi', detail: check.why };
      }
      attempts.push(attempt);
      if (attempt.outcome !== 'skipped') console.log(`  ${attempt.step === 'prebuilt' ? 'prebuilt binary' : 'compiling'}: ${attempt.outcome === 'offline' ? 'offline? ' : ''}${attempt.detail}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(`${target}.tmp`, { force: true });
  }
  // No empty out/native/electron-<version>-abi<modules>/ either: electron-builder would ship it.
  if (existsSync(dirname(target)) && readdirSync(dirname(target)).length === 0) rmSync(dirname(target), { recursive: true });

  writeFileSync(logFile, log.join('\n'));
  const keptExisting = existsSync(target);
  console.error(`\n${failureMessage({ electronVersion, expectedAbi, target: shown, attempts, removed, keptExisting, logFile })}`);
  return 1;
}

process.exitCode = main();
