/** The real electron-store and a fake safeStorage, shared by the settings store's tests. */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { vi } from 'vitest';
import { SettingsStore, type KeyValueStoreConstructor, type TokenCrypto } from '../../../src/main/shell/settings/settings-store';

// The real electron-store, in plain Node. It imports 'electron' only to find userData and the app
// version, both unused once `cwd` is given; what stops it here is electron's package entry, which
// tries to download the binary. ELECTRON_OVERRIDE_DIST_PATH (electron's own switch) makes that
// entry just return a path, so nothing is fetched and nothing Electron runs.
const previous = process.env.ELECTRON_OVERRIDE_DIST_PATH;
process.env.ELECTRON_OVERRIDE_DIST_PATH = join(tmpdir(), 'parrot-tray-no-electron');
const { default: ElectronStore } = await import('electron-store');
if (previous === undefined) delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
else process.env.ELECTRON_OVERRIDE_DIST_PATH = previous;
const Store: KeyValueStoreConstructor = ElectronStore;

export const TOKEN = 'pt_live_Zq7xK2mP9vR4tY8wB3nL6cH1jF5dS0aE';
export const OTHER_TOKEN = 'pt_live_Globex9vR4tY8wB3nL6cH1jF5dS0aEZq7';
export const ACME = { name: 'Acme', backendUrl: 'wss://acme.example/stream' };
export const GLOBEX = { name: 'Globex', backendUrl: 'wss://globex.example/stream' };
type Backend = ReturnType<SafeStorage['getSelectedStorageBackend']>;

/** safeStorage as far as the store can tell: XOR "encryption" behind a v10 prefix, with every failure it can show. */
export class FakeSafeStorage implements TokenCrypto {
  available = true;
  plainText = false;
  rotate = false;
  failEncrypt = false;
  identity = false;
  key = 0x5a;
  constructor(public backend: Backend = 'gnome_libsecret') {}
  async isAsyncEncryptionAvailable() {
    return this.available || (this.backend === 'basic_text' && this.plainText);
  }
  getSelectedStorageBackend() {
    return this.backend;
  }
  setUsePlainTextEncryption(value: boolean) {
    this.plainText = value;
  }
  async encryptStringAsync(text: string) {
    if (this.failEncrypt || !(await this.isAsyncEncryptionAvailable())) throw new Error('encryption is not available');
    if (this.identity) return Buffer.from(text);
    return Buffer.concat([Buffer.from('v10'), Buffer.from(text).map((b) => b ^ this.key)]);
  }
  async decryptStringAsync(data: Buffer) {
    if (!(await this.isAsyncEncryptionAvailable()) || data.subarray(0, 3).toString() !== 'v10') throw new Error('decryption failed');
    return { result: Buffer.from(data.subarray(3).map((b) => b ^ this.key)).toString(), shouldReEncrypt: this.rotate };
  }
}

export function open(dir: string, safeStorage = new FakeSafeStorage(), platform = 'linux') {
  const log = vi.fn();
  const { settings, notice } = SettingsStore.open({ Store, cwd: dir, safeStorage, platform, log });
  return { settings, notice, log, safeStorage };
}
export const fileText = (dir: string) => readFileSync(join(dir, 'settings.json'), 'utf8');
export const file = (dir: string) => JSON.parse(fileText(dir)) as Record<string, unknown>;
export const savedCipher = (dir: string, id = 'acme') => (file(dir).profiles as Array<{ id: string; encryptedToken: string | null }>).find((p) => p.id === id)?.encryptedToken;
/** A store with Acme in it, no token yet. */
export async function withAcme(dir: string, safeStorage?: FakeSafeStorage, platform?: string) {
  const opened = open(dir, safeStorage, platform);
  await opened.settings.addProfile({ ...ACME, token: null });
  return opened;
}

