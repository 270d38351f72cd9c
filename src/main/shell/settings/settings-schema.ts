import { z } from 'zod';
import { checkBackendUrl } from '../../../shared/backend-url';
import { NotifySettings } from '../../../shared/notify-settings';

/** Bump with a new entry in MIGRATIONS whenever the shape changes. */
export const SETTINGS_VERSION = 1;

const BackendUrl = z
  .string()
  .nullable()
  .default(null)
  .superRefine((value, ctx) => {
    if (value === null) return;
    const check = checkBackendUrl(value);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
  });

// An Electron accelerator: modifiers and one key joined by '+' ('Plus' names the + key itself).
const Accelerator = z.string().max(100).regex(/^[A-Za-z0-9]+(\+[A-Za-z0-9=\-[\];',./`\\]+)*$/, 'not a keyboard shortcut such as CommandOrControl+Shift+Space');

export const Theme = z.enum(['system', 'light', 'dark']);
/**
 * What the person chose for the token: 'keychain' saves it encrypted by the OS keyring when there
 * is one (else for the session only, see token-policy); 'session-only' never saves it;
 * 'plain-accepted' also saves it where the only "keyring" is Linux's basic_text obfuscation.
 */
export const TokenStorage = z.enum(['keychain', 'session-only', 'plain-accepted']);

export const Settings = z.object({
  schemaVersion: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
  /** Null until the person gives one; always passes checkBackendUrl when set. */
  backendUrl: BackendUrl,
  notify: NotifySettings.prefault({}),
  /** When launched at login the app starts hidden in the tray; off until the person turns it on. */
  openAtLogin: z.boolean().default(false),
  shortcut: Accelerator.default('CommandOrControl+Shift+Space'),
  theme: Theme.default('system'),
  tokenStorage: TokenStorage.default('keychain'),
  /** safeStorage's ciphertext in base64. The clear token is never in the settings file. */
  encryptedToken: z.base64().min(1).nullable().default(null),
});
export type Settings = z.infer<typeof Settings>;
export type SettingsKey = keyof Settings;
export const SETTINGS_KEYS = Object.keys(Settings.shape) as SettingsKey[];

export const defaultSettings = (): Settings => Settings.parse({});

/**
 * The defaults handed to electron-store. schemaVersion is left out on purpose: electron-store
 * fills missing top-level keys from its defaults when it opens the file, so a default version
 * would stamp an old file as current before migrateSettings could see how old it is.
 */
export function storeDefaults(): Omit<Settings, 'schemaVersion'> {
  const { schemaVersion: _version, ...rest } = defaultSettings();
  return rest;
}

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * MIGRATIONS[n] takes a version-n object to version n+1. Each is pure and total: it gets whatever
 * was on disk (hand-edited files included) and must not throw. Because electron-store has already
 * filled missing keys with current defaults, an old field must win over a present default.
 */
export const MIGRATIONS: ReadonlyArray<(old: Raw) => Raw> = [
  // v0 → v1: one `notifyAll` switch became the notify settings' scope.
  function v0ToV1(old) {
    const { notifyAll, ...rest } = old;
    const notify = isRecord(rest.notify) ? rest.notify : {};
    const scope = notifyAll === true ? 'all' : notifyAll === false ? 'mine' : notify.scope;
    return { ...rest, notify: scope === undefined ? notify : { ...notify, scope }, schemaVersion: 1 };
  },
];

export interface MigrationResult {
  settings: Settings;
  /** The version found: 0 when the file had none. */
  from: number;
  /** Keys the migrations removed; the store deletes them from the file. */
  removed: string[];
  /** Keys whose stored value was invalid and is now the default. */
  reset: SettingsKey[];
  /** Written by a newer release: read what can be read, but leave the file alone. */
  newer: boolean;
}

/**
 * Whatever the file holds → current settings. Lenient by field: one bad value (a hand edit, a
 * URL that no longer passes the check) falls back to its default and is reported, rather than
 * costing the person every other setting.
 */
export function migrateSettings(raw: unknown): MigrationResult {
  let data: Raw = isRecord(raw) ? { ...raw } : {};
  const found = data.schemaVersion;
  const from = typeof found === 'number' && Number.isInteger(found) && found >= 0 ? found : 0;
  const newer = from > SETTINGS_VERSION;
  if (!newer) for (const migrate of MIGRATIONS.slice(from)) data = migrate(data);
  const removed = isRecord(raw) ? Object.keys(raw).filter((key) => !(key in data)) : [];

  const fields: Raw = {};
  const reset: SettingsKey[] = [];
  for (const key of SETTINGS_KEYS) {
    const field = Settings.shape[key];
    const value = key === 'schemaVersion' ? SETTINGS_VERSION : data[key];
    const parsed = field.safeParse(value);
    if (parsed.success) fields[key] = parsed.data;
    else {
      fields[key] = field.parse(undefined);
      reset.push(key);
    }
  }
  return { settings: Settings.parse(fields), from, removed, reset, newer };
}
