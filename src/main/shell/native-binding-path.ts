import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where better-sqlite3's Electron build is: out/native/electron-<version>/ in development (made by
 * `npm start` through scripts/electron-native.mjs), resources/native/ when packaged. Undefined under
 * plain Node, which keeps node_modules' own build.
 */
export function nativeBindingPath(
  versions: NodeJS.ProcessVersions = process.versions,
  resourcesPath: string | undefined = (process as { resourcesPath?: string }).resourcesPath,
  appRoot = join(import.meta.dirname, '../..'),
): string | undefined {
  const electron = versions.electron;
  if (!electron) return undefined;
  const candidates = [
    ...(resourcesPath ? [join(resourcesPath, 'native', `electron-${electron}`, 'better_sqlite3.node')] : []),
    join(appRoot, 'out', 'native', `electron-${electron}`, 'better_sqlite3.node'),
  ];
  return candidates.find((c) => existsSync(c));
}
