#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into out/native/, leaving node_modules on Node's ABI,
// so `npm test` and the CLI keep working after `npm start` or `npm run dist`. The app passes the
// result to better-sqlite3 as its nativeBinding. Needs Electron's headers (fetched by node-gyp
// from electronjs.org) and a compiler: fine on a developer's machine, not in this project's CI.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const target = join(root, 'out', 'native', `electron-${electronVersion}`, 'better_sqlite3.node');

if (existsSync(target) && !process.argv.includes('--force')) {
  console.log(`better-sqlite3 for Electron ${electronVersion}: already built (${target})`);
  process.exit(0);
}

const source = dirname(require.resolve('better-sqlite3/package.json'));
const work = mkdtempSync(join(tmpdir(), 'parrot-native-'));
try {
  cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${join('build', '')}`) });
  console.log(`building better-sqlite3 for Electron ${electronVersion} (this takes a minute)…`);
  execFileSync(
    process.platform === 'win32' ? 'npx.cmd' : 'npx',
    ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    // A nodedir in the npm config would point node-gyp at Node's headers instead of Electron's.
    { cwd: work, stdio: 'inherit', env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k.toLowerCase() !== 'npm_config_nodedir')) },
  );
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  console.log(`built ${target}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
