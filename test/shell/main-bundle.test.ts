// The core runs in its utility process (out/main/core.js), never in Electron's main process: the
// main bundle's module graph must not reach better-sqlite3 (a native addon whose load, or a long
// SQLite step, would stall the tray and every window). Read from the built files, following every
// import the bundler left (static and dynamic), so a new import path is caught as well.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureAppBuilt } from '../support/built-app';

let main: string;

/** Every bare module a built entry reaches, through the relative imports between built files. */
function reachedPackages(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = [];
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.includes(file)) continue;
    files.push(file);
    const text = readFileSync(file, 'utf8');
    // The bundler's own import statements (each at the start of a line), and its dynamic chunk
    // imports; string literals elsewhere in the code (demo content quoting an import) are not imports.
    const specifiers = [
      ...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gm),
      ...text.matchAll(/^import\s*["']([^"']+)["']/gm),
      ...text.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g),
    ].map((m) => m[1]!);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier));
      else packages.add(specifier);
    }
  }
  return { files, packages };
}

describe('the built main process', () => {
  beforeAll(() => {
    main = join(ensureAppBuilt(), 'main');
  }, 120_000);

  it('never loads better-sqlite3; the core entry does', () => {
    const shell = reachedPackages(join(main, 'index.js'));
    const core = reachedPackages(join(main, 'core.js'));
    expect(core.packages).toContain('better-sqlite3');
    expect([...shell.packages].filter((p) => /sqlite/.test(p))).toEqual([]);
    expect(shell.packages).toContain('electron');
    // The core entry has no Electron import: parentPort is a property of its process.
    expect([...core.packages].filter((p) => p.startsWith('electron'))).toEqual([]);
  });
});
