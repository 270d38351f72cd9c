import type { SafeStorage } from 'electron';
import { checkBackendUrl, type BackendUrlCheck } from '../../../shared/backend-url';
import { NotifySettings } from '../../../shared/notify-settings';
import { migrateSettings, Settings, storeDefaults, type SettingsKey } from './settings-schema';
import { decideTokenStorage, type TokenPolicy } from './token-policy';

/** The part of electron-store used here; its default export fits `KeyValueStoreConstructor`. */
export interface KeyValueStore {
  readonly store: Record<string, unknown>;
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
}
export type KeyValueStoreConstructor = new (options: SettingsFileOptions) => KeyValueStore;
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

export type EditableSettings = Partial<Pick<Settings, 'notify' | 'openAtLogin' | 'shortcut' | 'theme'>>;

const NOT_ENCRYPTED: TokenPolicy = {
  store: 'session-only',
  warning: 'Your token could not be encrypted, so it is kept only until you quit Parrot Tray.',
  canAcceptPlain: false,
};

/**
 * The settings file (electron-store) plus the API token. Migrations are the pure ones in
 * settings-schema, run here on open rather than through electron-store's `migrations` option:
 * that one is keyed by the app's version (electron-store supplies app.getVersion() and hides
 * `projectVersion` from its types), while the shape has a version of its own in the file.
 *
 * The token is in the file only as safeStorage ciphertext, and only when token-policy allows it;
 * otherwise it lives in a private field for this run. It is never logged.
 */
export class SettingsStore {
  #token: string | null = null;

  private constructor(
    private readonly file: KeyValueStore,
    private current: Settings,
    private readonly options: OpenSettingsOptions,
  ) {}

  /** Opens and migrates the file; `notice` (no values in it) says when something was reset. */
  static open(options: OpenSettingsOptions): { settings: SettingsStore; notice: string | null } {
    const file = new options.Store({ name: 'settings', ...(options.cwd ? { cwd: options.cwd } : {}), defaults: storeDefaults(), clearInvalidConfig: true });
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
      result.newer ? 'the settings file comes from a newer Parrot Tray; settings it added are kept but not used' : '',
      result.reset.length ? `invalid settings were reset to their defaults: ${result.reset.join(', ')}` : '',
    ].filter(Boolean);
    const notice = notices.length ? notices.join('; ') : null;
    if (notice) options.log?.(notice);
    return { settings: new SettingsStore(file, result.settings, options), notice };
  }

  /** A copy of everything, for the settings view (encryptedToken is ciphertext or null). */
  get all(): Settings {
    return structuredClone(this.current);
  }

  get backendUrl(): string | null {
    return this.current.backendUrl;
  }

  /** Saves the normalized URL when it passes checkBackendUrl; null clears it. */
  setBackendUrl(raw: string | null): BackendUrlCheck | { ok: true; url: null } {
    if (raw === null) {
      this.write({ backendUrl: null });
      return { ok: true, url: null };
    }
    const check = checkBackendUrl(raw);
    if (check.ok) this.write({ backendUrl: check.url });
    return check;
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

  /** The token given this run, else the saved one decrypted; null when the person must give it. */
  async getToken(): Promise<string | null> {
    if (this.#token !== null) return this.#token;
    const saved = this.current.encryptedToken;
    if (saved === null) return null;
    const policy = await this.tokenPolicy();
    // Kept on disk: a locked keyring may be back at the next start.
    if (policy.store === 'session-only') return null;
    try {
      if (policy.store === 'plain') this.options.safeStorage.setUsePlainTextEncryption(true);
      const { result, shouldReEncrypt } = await this.options.safeStorage.decryptStringAsync(Buffer.from(saved, 'base64'));
      this.#token = result;
      if (shouldReEncrypt) await this.save(result, policy);
      return result;
    } catch {
      this.options.log?.('the saved token could not be decrypted (the keyring may have changed); it must be given again');
      return null;
    }
  }

  /** Keeps the token for this run and saves it if the policy allows; null forgets it everywhere. */
  async setToken(token: string | null): Promise<TokenPolicy> {
    const policy = await this.tokenPolicy();
    this.#token = token || null;
    // A saved token that is not this one is stale either way.
    if (!this.#token || policy.store === 'session-only') {
      this.write({ encryptedToken: null });
      return policy;
    }
    return this.save(this.#token, policy);
  }

  /** Changes where the token may live and moves the current token accordingly. */
  async setTokenStorage(choice: Settings['tokenStorage']): Promise<TokenPolicy> {
    const token = await this.getToken();
    this.write({ tokenStorage: choice });
    if (token !== null) return this.setToken(token);
    // Nothing readable to move; a saved one that could not be read now may be readable later.
    if (choice === 'session-only') this.write({ encryptedToken: null });
    return this.tokenPolicy();
  }

  private async save(token: string, policy: TokenPolicy): Promise<TokenPolicy> {
    try {
      if (policy.store === 'plain') this.options.safeStorage.setUsePlainTextEncryption(true);
      const cipher = await this.options.safeStorage.encryptStringAsync(token);
      // Belt and braces against a safeStorage that hands the text back unchanged (a short token
      // may turn up in random ciphertext by chance, so only a long one is searched for).
      const clear = token.length >= 8 ? cipher.includes(token) : cipher.equals(Buffer.from(token));
      if (cipher.length === 0 || clear) throw new Error('not encrypted');
      this.write({ encryptedToken: cipher.toString('base64') });
      return policy;
    } catch {
      this.write({ encryptedToken: null });
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
