import type { SafeStorage } from 'electron';
import { NotifySettings } from '../../../shared/notify-settings';
import { changeProfile, findProfile, moveProfileTo, newProfile, profileEntry, type NewProfileFields, type ProfileChange, type ProfileEntry } from './profile-settings';
import { openSettingsFile, type KeyValueStore, type KeyValueStoreConstructor } from './settings-file';
import { migrateSettings, Settings, type SettingsKey } from './settings-schema';
import { decideTokenStorage, type TokenPolicy } from './token-policy';

export type { KeyValueStore, KeyValueStoreConstructor, SettingsFileOptions } from './settings-file';
export type TokenCrypto = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend' | 'setUsePlainTextEncryption'
>;

export interface OpenSettingsOptions {
  /** electron-store's default export (passed in, so this file never loads Electron itself). */
  Store: KeyValueStoreConstructor;
  cwd?: string;
  safeStorage: TokenCrypto;
  /** process.platform: the keyring backend is asked for on Linux only. */
  platform: string;
  /** Messages about the settings file; never given a token or a setting's value. */
  log?: (message: string) => void;
}

export type EditableSettings = Partial<Pick<Settings, 'notify' | 'openAtLogin' | 'shortcut' | 'theme' | 'autoUpdate'>>;

const NOT_ENCRYPTED: TokenPolicy = {
  store: 'session-only',
  warning: 'Your token could not be encrypted, so it is kept only until you quit Parrot Tray.',
  canAcceptPlain: false,
};

/**
 * The settings file (electron-store) plus each profile's API token. Migrations are the pure ones in
 * settings-schema, run here on open rather than through electron-store's `migrations` option:
 * that one is keyed by the app's version (electron-store supplies app.getVersion() and hides
 * `projectVersion` from its types), while the shape has a version of its own in the file.
 *
 * A token is in the file only as safeStorage ciphertext, in its profile, and only when
 * token-policy allows it; otherwise it lives in a private map for this run. It is never logged.
 */
export class SettingsStore {
  /** Tokens given or decrypted this run, by profile id: the only place one is ever in clear. */
  readonly #tokens = new Map<string, string>();

  private constructor(
    private readonly file: KeyValueStore,
    private current: Settings,
    private readonly options: OpenSettingsOptions,
  ) {}

  /** Opens and migrates the file; `notice` (no values in it) says when something was reset. */
  static open(options: OpenSettingsOptions): { settings: SettingsStore; notice: string | null } {
    const { file, problem } = openSettingsFile(options);
    const raw = file.store;
    const result = migrateSettings(raw);
    // A newer release's file is read as far as it can be but not rewritten, so going back a
    // version does not destroy the newer settings.
    if (!result.newer) {
      for (const key of result.removed) file.delete(key);
      for (const [key, value] of Object.entries(result.settings)) {
        if (JSON.stringify(raw[key]) !== JSON.stringify(value)) file.set(key, value);
      }
    }
    const notices = [
      problem ?? '',
      result.newer ? 'the settings file comes from a newer Parrot Tray; settings it added are kept but not used' : '',
      result.reset.length ? `invalid settings were reset to their defaults: ${result.reset.join(', ')}` : '',
      ...result.profileIssues,
    ].filter(Boolean);
    const notice = notices.length ? notices.join('; ') : null;
    if (notice) options.log?.(notice);
    return { settings: new SettingsStore(file, result.settings, options), notice };
  }

  /** A copy of everything, for the settings view (encryptedToken is ciphertext or null). */
  get all(): Settings {
    return structuredClone(this.current);
  }

  /** Every profile in the person's order, without its token. */
  get profiles(): ProfileEntry[] {
    return this.current.profiles.map(profileEntry);
  }

  /** Adds a profile and keeps its token (as setToken does); throws ProfileSettingsError in words. */
  async addProfile(input: NewProfileFields & { token: string | null }): Promise<ProfileEntry> {
    const profile = newProfile(this.current.profiles, input);
    this.write({ profiles: [...this.current.profiles, profile] });
    if (input.token) await this.setToken(profile.id, input.token);
    return profileEntry(profile);
  }

  /** Changes only the fields given; a token replaces the one kept for the profile. */
  async updateProfile(change: ProfileChange & { token?: string | null }): Promise<ProfileEntry> {
    this.write({ profiles: changeProfile(this.current.profiles, change) });
    if (change.token !== undefined) await this.setToken(change.id, change.token);
    return profileEntry(findProfile(this.current.profiles, change.id));
  }

  /** Removes the profile and every copy of its token (the core deletes its cache). */
  removeProfile(id: string): ProfileEntry {
    const profile = findProfile(this.current.profiles, id);
    this.write({ profiles: this.current.profiles.filter((p) => p.id !== id) });
    this.#tokens.delete(id);
    return profileEntry(profile);
  }

  moveProfile(id: string, index: number): ProfileEntry[] {
    return this.write({ profiles: moveProfileTo(this.current.profiles, id, index) }).profiles.map(profileEntry);
  }

  get notify(): NotifySettings {
    return structuredClone(this.current.notify);
  }

  setNotify(patch: Partial<NotifySettings>): NotifySettings {
    return this.write({ notify: NotifySettings.parse({ ...this.current.notify, ...patch }) }).notify;
  }

  /** Throws (a ZodError) on an invalid value, and then changes nothing. */
  update(patch: EditableSettings): Settings {
    return structuredClone(this.write(patch));
  }

  /** What would happen to a token saved now, with the words to tell the person. */
  async tokenPolicy(): Promise<TokenPolicy> {
    const { safeStorage, platform } = this.options;
    const linuxBackend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined;
    const encryptionAvailable = await safeStorage.isAsyncEncryptionAvailable().catch(() => false);
    const choice = this.current.tokenStorage;
    return decideTokenStorage({
      encryptionAvailable,
      ...(linuxBackend ? { linuxBackend } : {}),
      acceptedPlain: choice === 'plain-accepted',
      sessionOnlyChosen: choice === 'session-only',
    });
  }

  /** The profile's token given this run, else its saved one decrypted; null when the person must give it. */
  async getToken(profileId: string): Promise<string | null> {
    const known = this.#tokens.get(profileId);
    if (known !== undefined) return known;
    const saved = this.cipherOf(profileId);
    if (!saved) return null;
    const policy = await this.tokenPolicy();
    // Kept on disk: a locked keyring may be back at the next start.
    if (policy.store === 'session-only') return null;
    try {
      if (policy.store === 'plain') this.options.safeStorage.setUsePlainTextEncryption(true);
      const { result, shouldReEncrypt } = await this.options.safeStorage.decryptStringAsync(Buffer.from(saved, 'base64'));
      // A token given, or the profile removed, while this was decrypting is newer than what it read.
      if (this.cipherOf(profileId) !== saved) return this.#tokens.get(profileId) ?? null;
      this.#tokens.set(profileId, result);
      if (shouldReEncrypt) await this.save(profileId, result, policy);
      return result;
    } catch {
      this.options.log?.(`the saved token of profile "${profileId}" could not be decrypted (the keyring may have changed); it must be given again`);
      return null;
    }
  }

  /** Keeps the profile's token for this run and saves it if the policy allows; null forgets it everywhere. */
  async setToken(profileId: string, token: string | null): Promise<TokenPolicy> {
    findProfile(this.current.profiles, profileId);
    const policy = await this.tokenPolicy();
    // Removed while the policy was asked for: there is nothing left to keep it for.
    if (this.cipherOf(profileId) === undefined) return policy;
    if (token) this.#tokens.set(profileId, token);
    else this.#tokens.delete(profileId);
    // A saved token that is not this one is stale either way.
    if (!token || policy.store === 'session-only') {
      this.writeCipher(profileId, null);
      return policy;
    }
    return this.save(profileId, token, policy);
  }

  /** Changes where tokens may live and moves every profile's token accordingly. */
  async setTokenStorage(choice: Settings['tokenStorage']): Promise<TokenPolicy> {
    const ids = this.current.profiles.map((p) => p.id);
    const tokens = await Promise.all(ids.map(async (id) => [id, await this.getToken(id)] as const));
    this.write({ tokenStorage: choice });
    let outcome = await this.tokenPolicy();
    for (const [id, token] of tokens) {
      if (token !== null) {
        const policy = await this.setToken(id, token);
        if (policy === NOT_ENCRYPTED) outcome = policy;
      } else if (choice === 'session-only') {
        // Nothing readable to move; a saved one that could not be read now may be readable later.
        this.writeCipher(id, null);
      }
    }
    return outcome;
  }

  /** The profile's saved ciphertext; undefined when there is no such profile. */
  private cipherOf(profileId: string): string | null | undefined {
    return this.current.profiles.find((p) => p.id === profileId)?.encryptedToken;
  }

  private writeCipher(profileId: string, encryptedToken: string | null): void {
    if (this.cipherOf(profileId) === undefined || this.cipherOf(profileId) === encryptedToken) return;
    this.write({ profiles: this.current.profiles.map((p) => (p.id === profileId ? { ...p, encryptedToken } : p)) });
  }

  private async save(profileId: string, token: string, policy: TokenPolicy): Promise<TokenPolicy> {
    try {
      if (policy.store === 'plain') this.options.safeStorage.setUsePlainTextEncryption(true);
      const cipher = await this.options.safeStorage.encryptStringAsync(token);
      // Belt and braces against a safeStorage that hands the text back unchanged (a short token
      // may turn up in random ciphertext by chance, so only a long one is searched for).
      const clear = token.length >= 8 ? cipher.includes(token) : cipher.equals(Buffer.from(token));
      if (cipher.length === 0 || clear) throw new Error('not encrypted');
      this.writeCipher(profileId, cipher.toString('base64'));
      return policy;
    } catch {
      this.writeCipher(profileId, null);
      return NOT_ENCRYPTED;
    }
  }

  private write(patch: Partial<Settings>): Settings {
    const next = Settings.parse({ ...this.current, ...patch });
    for (const key of Object.keys(patch) as SettingsKey[]) this.file.set(key, next[key]);
    this.current = next;
    return next;
  }
}
