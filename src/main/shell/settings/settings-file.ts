import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { stamp } from '../../core/cache/move-aside';
import { storeDefaults } from './settings-schema';

/** The part of electron-store used here; its default export fits `KeyValueStoreConstructor`. */
export interface KeyValueStore {
  readonly store: Record<string, unknown>;
  /** Where the file is (electron-store resolves it from userData when no cwd is given). */
  readonly path: string;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}
export interface SettingsFileOptions {
  name: string;
  /** Left out in the app: electron-store then uses app.getPath('userData'). */
  cwd?: string;
  defaults: Record<string, unknown>;
  /** A file that is not JSON at all starts over from the defaults instead of stopping the app. */
  clearInvalidConfig: boolean;
  /** Reads the file's text; see openSettingsFile for what it does with text that is not an object. */
  deserialize: (text: string) => Record<string, unknown>;
}
export type KeyValueStoreConstructor = new (options: SettingsFileOptions) => KeyValueStore;

/**
 * The settings file as electron-store opens it, with two failures it would otherwise turn into a
 * lost file or an app that cannot start: text that is not a JSON object (a crash mid-write, a bad
 * sector), which electron-store replaces with the defaults, is kept beside the fresh file and the
 * notice says where; a file it cannot open at all (a folder in its place, no permission) leaves
 * this run on settings in memory, said too.
 */
export function openSettingsFile(options: { Store: KeyValueStoreConstructor; cwd?: string }): { file: KeyValueStore; problem: string | null } {
  let unreadable: string | null = null;
  const deserialize = (text: string): Record<string, unknown> => {
    try {
      // A byte-order mark (Notepad's) is no reason to reset anyone's settings.
      const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // Kept below, like any other text that is not an object.
    }
    unreadable ??= text;
    return {};
  };
  let file: KeyValueStore;
  try {
    file = new options.Store({ name: 'settings', ...(options.cwd ? { cwd: options.cwd } : {}), defaults: storeDefaults(), clearInvalidConfig: true, deserialize });
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { file: new MemoryStore(storeDefaults()), problem: `the settings file could not be opened (${why}); settings changed now last until Parrot Tray quits` };
  }
  if (unreadable === null) return { file, problem: null };
  const kept = `${file.path}.unreadable-${stamp(Date.now())}`;
  try {
    writeFileSync(kept, unreadable, { mode: 0o600 });
  } catch (error) {
    return { file, problem: `the settings file could not be read and started again from the defaults; its old text could not be kept (${(error as NodeJS.ErrnoException).code ?? 'unwritable'})` };
  }
  return { file, problem: `the settings file could not be read and started again from the defaults; the old one was kept as ${basename(kept)}` };
}

/** Settings for this run only, when the file cannot be opened. */
class MemoryStore implements KeyValueStore {
  readonly path = '';
  readonly store: Record<string, unknown>;

  constructor(defaults: Record<string, unknown>) {
    this.store = { ...defaults };
  }

  set(key: string, value: unknown): void {
    this.store[key] = value;
  }

  delete(key: string): void {
    delete this.store[key];
  }
}
