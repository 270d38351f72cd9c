#!/usr/bin/env node
// Run first by `npm start`, `npm run dev` and `npm run dist`: running the app from source needs the
// Node that Electron's own package requires (package.json's engines.node), while the tests and the
// CLI still run on an older one. On an older Node this prints one paragraph and exits 1, instead of
// whatever Electron or electron-vite would throw further on.
import { readFileSync } from 'node:fs';
import { nodeVersionProblem } from './lib/node-version.mjs';

/** The oldest Node for `npm test` and bin/parrot-tray (vitest 4, @types/node 20). */
const TESTS_REQUIRE = '>=20.19';

const readJson = (rel) => {
  try {
    return JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8'));
  } catch {
    return null;
  }
};
const pkg = readJson('../package.json');
const electron = readJson('../node_modules/electron/package.json');

const problem = nodeVersionProblem({
  found: process.versions.node,
  execPath: process.execPath,
  required: (pkg && pkg.engines && pkg.engines.node) || '>=22.12',
  electronVersion: electron ? electron.version : null,
  testsRequire: TESTS_REQUIRE,
});
if (problem) {
  console.error(problem);
  process.exit(1);
}
