import { z } from 'zod';
import { checkBackendUrl } from '../../../shared/backend-url';
import { NotifySettings } from '../../../shared/notify-settings';
import { DEMO_PROFILE_ID, freeId, ProfileColor, ProfileId, ProfileName, ProfileNotify, slugOf } from '../../../shared/profiles/profile-fields';

/** Bump with a new entry in MIGRATIONS whenever the shape changes. */
export const SETTINGS_VERSION = 2;

const BackendUrl = z.string().superRefine((value, ctx) => {
  const check = checkBackendUrl(value);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
});

const EncryptedToken = z.base64().min(1);

/**
 * One backend and its sign-in. The id is chosen once and never changes: it names the profile's
 * cache folder and scopes its session ids, so a rename moves nothing. 'demo' is never stored: it
 * belongs to the demo backend, whose cache a real profile must not inherit.
 */
export const StoredProfile = z.object({
  id: ProfileId.refine((id) => id !== DEMO_PROFILE_ID, 'the id "demo" belongs to the demo backend'),
  /** Null: the tenant's name from `hello` is shown. */
  name: ProfileName.nullable().default(null),
  backendUrl: BackendUrl,
  color: ProfileColor.nullable().default(null),
  notify: ProfileNotify.default(null),
  /** safeStorage's ciphertext in base64. The clear token is never in the settings file. */
  encryptedToken: EncryptedToken.nullable().default(null),
});
export type StoredProfile = z.infer<typeof StoredProfile>;

const Profiles = z.array(StoredProfile).superRefine((profiles, ctx) => {
  const ids = profiles.map((p) => p.id);
  if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'two profiles share an id' });
});

// An Electron accelerator: modifiers and one key joined by '+' ('Plus' names the + key itself).
const Accelerator = z.string().max(100).regex(/^[A-Za-z0-9]+(\+[A-Za-z0-9=\-[\];',./`\\]+)*$/, 'not a keyboard shortcut such as CommandOrControl+Shift+Space');

export const Theme = z.enum(['system', 'light', 'dark']);
/**
 * What the person chose for the tokens: 'keychain' saves them encrypted by the OS keyring when
 * there is one (else for the session only, see token-policy); 'session-only' never saves them;
 * 'plain-accepted' also saves them where the only "keyring" is Linux's basic_text obfuscation.
 * One choice for every profile: it is about this computer's keyring, not about a backend.
 */
export const TokenStorage = z.enum(['keychain', 'session-only', 'plain-accepted']);

export const Settings = z.object({
  schemaVersion: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
  /** In the person's order. Empty: the demo backend runs as the one profile. */
  profiles: Profiles.default([]),
  notify: NotifySettings.prefault({}),
  /** When launched at login the app starts hidden in the tray; off until the person turns it on. */
  openAtLogin: z.boolean().default(false),
  shortcut: Accelerator.default('CommandOrControl+Shift+Space'),
  theme: Theme.default('system'),
  /** "Update automatically": on unless the person turns it off (issue 15). */
  autoUpdate: z.boolean().default(true),
  tokenStorage: TokenStorage.default('keychain'),
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

/** The profile id a pre-profiles backend gets: its host's slug, never the demo's. */
function legacyProfileId(backendUrl: string): string {
  let host = '';
  try {
    host = new URL(backendUrl.trim()).hostname;
  } catch {
    // An unparsable URL fails validation later anyway; the id only has to be valid meanwhile.
  }
  return freeId(host ? slugOf(host) : 'default', new Set([DEMO_PROFILE_ID]));
}

/** Muted flows are named by scoped id since profiles: `<profile>/<flow>`. */
function scopeMutedFlows(notify: unknown, profile: string): unknown {
  if (!isRecord(notify) || !Array.isArray(notify.mutedFlows)) return notify;
  const mutedFlows = notify.mutedFlows.map((flow: unknown) => (isRecord(flow) && typeof flow.id === 'string' ? { ...flow, id: `${profile}/${flow.id}` } : flow));
  return { ...notify, mutedFlows };
}

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
  // v1 → v2: the one backend became the first profile, its token with it, so nothing is asked
  // again. A `profiles` key here can only be electron-store's default (v1 had none), so it is
  // replaced rather than merged.
  function v1ToV2(old) {
    const { backendUrl, encryptedToken, profiles: _default, ...rest } = old;
    if (typeof backendUrl !== 'string' || backendUrl === '') {
      return { ...rest, profiles: [], notify: scopeMutedFlows(rest.notify, DEMO_PROFILE_ID), schemaVersion: 2 };
    }
    const id = legacyProfileId(backendUrl);
    // A token v1 could not read either (not base64) is dropped alone, not with its backend.
    const token = EncryptedToken.safeParse(encryptedToken).success ? encryptedToken : null;
    const profile = { id, name: null, backendUrl, color: null, notify: null, encryptedToken: token };
    return { ...rest, profiles: [profile], notify: scopeMutedFlows(rest.notify, id), schemaVersion: 2 };
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
  /** What was wrong with single profiles, in words without values ("profile 2 was dropped: …"). */
  profileIssues: string[];
  /** Written by a newer release: read what can be read, but leave the file alone. */
  newer: boolean;
}

// Without these a profile is not one: anything else wrong in it falls back to its default.
const ESSENTIAL = new Set(['id', 'backendUrl']);

/**
 * Each profile on its own, so one bad entry costs only itself. Messages name positions, never
 * values: a URL may carry a secret the person pasted by mistake.
 */
function readProfiles(raw: unknown): { profiles: StoredProfile[]; issues: string[] } {
  if (!Array.isArray(raw)) return { profiles: [], issues: raw === undefined ? [] : ['the profile list could not be read and was emptied'] };
  const profiles: StoredProfile[] = [];
  const issues: string[] = [];
  raw.forEach((entry: unknown, index) => {
    const where = `profile ${index + 1}`;
    if (!isRecord(entry)) return void issues.push(`${where} was dropped: it is not a profile`);
    const fields: Raw = {};
    for (const [key, schema] of Object.entries(StoredProfile.shape)) {
      const parsed = schema.safeParse(entry[key]);
      if (parsed.success) fields[key] = parsed.data;
      else if (ESSENTIAL.has(key)) return void issues.push(`${where} was dropped: its ${key} is not valid`);
      else {
        fields[key] = schema.parse(undefined);
        issues.push(`${where}: its ${key} was not valid and was reset`);
      }
    }
    const profile = StoredProfile.parse(fields);
    if (profiles.some((p) => p.id === profile.id)) return void issues.push(`${where} was dropped: another profile has its id`);
    profiles.push(profile);
  });
  return { profiles, issues };
}

/**
 * The version a file was written at. One whose version is missing or unreadable (a hand edit) but
 * that holds profiles is a v2 file, not a v0 one: migrating it from 0 would drop every profile and
 * its token. (electron-store's default stands in for a v0 or v1 file's missing list, and is empty.)
 */
function versionOf(data: Raw): number {
  const found = data.schemaVersion;
  if (typeof found === 'number' && Number.isInteger(found) && found >= 0) return found;
  return Array.isArray(data.profiles) && data.profiles.length > 0 && data.backendUrl === undefined ? SETTINGS_VERSION : 0;
}

/**
 * Whatever the file holds → current settings. Lenient by field: one bad value (a hand edit, a
 * URL that no longer passes the check) falls back to its default and is reported, rather than
 * costing the person every other setting; for profiles, by entry.
 */
export function migrateSettings(raw: unknown): MigrationResult {
  let data: Raw = isRecord(raw) ? { ...raw } : {};
  const from = versionOf(data);
  const newer = from > SETTINGS_VERSION;
  if (!newer) for (const migrate of MIGRATIONS.slice(from)) data = migrate(data);
  const removed = isRecord(raw) ? Object.keys(raw).filter((key) => !(key in data)) : [];

  const { profiles, issues } = readProfiles(data.profiles);
  const fields: Raw = { profiles };
  const reset: SettingsKey[] = [];
  for (const key of SETTINGS_KEYS) {
    if (key === 'profiles') continue;
    const field = Settings.shape[key];
    const value = key === 'schemaVersion' ? SETTINGS_VERSION : data[key];
    const parsed = field.safeParse(value);
    if (parsed.success) fields[key] = parsed.data;
    else {
      fields[key] = field.parse(undefined);
      reset.push(key);
    }
  }
  return { settings: Settings.parse(fields), from, removed, reset, profileIssues: issues, newer };
}
