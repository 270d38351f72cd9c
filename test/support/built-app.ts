import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');

/**
 * The app's built bundles (`npm test` builds them first); a single test file run on its own
 * builds them when they are missing.
 */
export function ensureAppBuilt(root = REPO): string {
  const out = join(root, 'out');
  if (!existsSync(join(out, 'main/index.js')) || !existsSync(join(out, 'preload/index.cjs')) || !existsSync(join(out, 'renderer/index.html'))) {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore', timeout: 110_000 });
  }
  return out;
}
