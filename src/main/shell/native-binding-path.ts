import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where better-sqlite3's Electron build is: out/native/electron-<version>-abi<modules>/ in
 * development (made by `npm start` through scripts/electron-native.mjs), resources/native/ when
 * packaged. Keyed by the module ABI this process runs (process.versions.modules), so a build for
 * another ABI is never loaded: a process that reports an Electron version but runs Node's ABI (the
 * tests' Electron stand-in) keeps node_modules' own build, as plain Node does.
 */
export function nativeBindingPath(
  versions: NodeJS.ProcessVersions = process.versions,
  resourcesPath: string | undefined = (process as { resourcesPath?: string }).resourcesPath,
  appRoot = join(import.meta.dirname, '../..'),
): string | undefined {
  const electron = versions.electron;
  if (!electron) return undefined;
  const folder = `electron-${electron}-abi${versions.modules}`;
  const candidates = [
    ...(resourcesPath ? [join(resourcesPath, 'native', folder, 'better_sqlite3.node')] : []),
    join(appRoot, 'out', 'native', folder, 'better_sqlite3.node'),
  ];
  return candidates.find((c) => existsSync(c));
}
