import Database from 'better-sqlite3';

/**
 * better-sqlite3 is a native addon built for one ABI. npm test and the CLI run on Node's build in
 * node_modules; the Electron app runs on a copy built for Electron's ABI (scripts/electron-native.mjs),
 * whose path the shell gives here once at start. Process-wide because the ABI is.
 */
let nativeBinding: string | undefined;

export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

export function openDatabase(file: string, options: Database.Options = {}): Database.Database {
  return new Database(file, nativeBinding ? { ...options, nativeBinding } : options);
}
