// The pure half of scripts/check-node.mjs. Plain ES2020 on purpose: it has to run, and say
// something useful, on the old Node it is there to turn away. Tested in test/scripts/node-version.test.ts.

/**
 * The minimum of a `>=X.Y.Z` range (what package.json's engines.node and Electron's say).
 * @param {string} range
 * @returns {[number, number, number] | null}
 */
export function minimumOf(range) {
  const m = /^\s*>=\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(range);
  return m ? [Number(m[1]), Number(m[2] || 0), Number(m[3] || 0)] : null;
}

/**
 * @param {string} version e.g. process.versions.node ('20.20.2')
 * @param {[number, number, number]} minimum
 */
export function atLeast(version, minimum) {
  const v = version.replace(/^v/, '').split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < 3; i++) {
    if ((v[i] || 0) !== minimum[i]) return (v[i] || 0) > minimum[i];
  }
  return true;
}

/**
 * Null when this Node can run the app from source, else the paragraph to print.
 * @param {{ found: string, execPath: string, required: string, electronVersion: string | null, testsRequire: string | null }} r
 * @returns {string | null}
 */
export function nodeVersionProblem({ found, execPath, required, electronVersion, testsRequire }) {
  const minimum = minimumOf(required);
  if (!minimum || atLeast(found, minimum)) return null;
  const needed = minimum.join('.').replace(/\.0$/, '');
  const testsMin = testsRequire ? minimumOf(testsRequire) : null;
  return [
    `Parrot Tray needs Node.js ${needed} or later to run from source (npm start, npm run dev, npm run dist):`,
    `${electronVersion ? `Electron ${electronVersion}` : 'Electron'} requires it.`,
    `This is Node.js ${found.replace(/^v/, '')} (${execPath}).`,
    `Install Node.js ${needed} or later (https://nodejs.org/, or \`nvm install 22\`), then run \`npm rebuild better-sqlite3\` (node_modules' copy is built for the Node that installed it) and \`npm start\` again.`,
    testsMin ? `The tests and the CLI (\`npm test\`, bin/parrot-tray) also work on Node.js ${testsMin.join('.').replace(/\.0$/, '')} or later.` : '',
  ].filter(Boolean).join(' ');
}
