import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import type { SafeStorage } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { SettingsStore, type KeyValueStoreConstructor, type TokenCrypto } from '../../../src/main/shell/settings/settings-store';
import { tempDir } from '../../support/temp-dir';

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

const TOKEN = 'pt_live_Zq7xK2mP9vR4tY8wB3nL6cH1jF5dS0aE';
type Backend = ReturnType<SafeStorage['getSelectedStorageBackend']>;

/** safeStorage as far as the store can tell: XOR "encryption" behind a v10 prefix, with every failure it can show. */
class FakeSafeStorage implements TokenCrypto {
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

function open(dir: string, safeStorage = new FakeSafeStorage(), platform = 'linux') {
  const log = vi.fn();
  const { settings, notice } = SettingsStore.open({ Store, cwd: dir, safeStorage, platform, log });
  return { settings, notice, log, safeStorage };
}
const fileText = (dir: string) => readFileSync(join(dir, 'settings.json'), 'utf8');
const file = (dir: string) => JSON.parse(fileText(dir)) as Record<string, unknown>;

describe('SettingsStore: the file', () => {
  it('starts from the defaults and writes them with the schema version', () => {
    const dir = tempDir();
    const { settings, notice } = open(dir);
    expect(notice).toBeNull();
    expect(settings.all).toMatchObject({ schemaVersion: 1, backendUrl: null, theme: 'system', encryptedToken: null });
    expect(file(dir)).toMatchObject({ schemaVersion: 1, notify: { scope: 'mine' }, shortcut: 'CommandOrControl+Shift+Space' });
  });

  it('migrates a v0 file on open and drops the old key', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ notifyAll: true, backendUrl: 'wss://parrot.example/', theme: 'dark' }));
    const { settings } = open(dir);
    expect(settings.notify.scope).toBe('all');
    expect(file(dir)).toMatchObject({ schemaVersion: 1, notify: { scope: 'all' }, backendUrl: 'wss://parrot.example/', theme: 'dark' });
    expect(file(dir)).not.toHaveProperty('notifyAll');
  });

  it('resets invalid values, naming the keys and never the values', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 1, backendUrl: 'ws://evil.example/?token=hunter2', theme: 'blue' }));
    const { settings, notice, log } = open(dir);
    expect(notice).toBe('invalid settings were reset to their defaults: backendUrl, theme');
    expect(log).toHaveBeenCalledWith(notice);
    expect(settings.backendUrl).toBeNull();
    expect(fileText(dir)).not.toContain('hunter2');
  });

  it('starts over from the defaults when the file is not JSON', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), '{ not json');
    expect(open(dir).settings.all.theme).toBe('system');
  });

  it("leaves a newer release's file as it is, changing only what is set", () => {
    const dir = tempDir();
    const text = JSON.stringify({ schemaVersion: 9, theme: 'dark', addedLater: { x: 1 } });
    writeFileSync(join(dir, 'settings.json'), text);
    const { settings, notice } = open(dir);
    expect(notice).toMatch(/newer Parrot Tray/);
    expect(settings.all.theme).toBe('dark');
    settings.update({ openAtLogin: true });
    expect(file(dir)).toMatchObject({ schemaVersion: 9, theme: 'dark', addedLater: { x: 1 }, openAtLogin: true });
  });

  it('saves a normalized backend URL, refuses an unsafe one and keeps it across restarts', () => {
    const dir = tempDir();
    const { settings } = open(dir);
    expect(settings.setBackendUrl(' wss://Parrot.Example/stream ')).toEqual({ ok: true, url: 'wss://parrot.example/stream' });
    const refused = settings.setBackendUrl('ws://parrot.example/stream');
    expect(refused.ok).toBe(false);
    expect(open(dir).settings.backendUrl).toBe('wss://parrot.example/stream');
    expect(settings.setBackendUrl(null)).toEqual({ ok: true, url: null });
    expect(open(dir).settings.backendUrl).toBeNull();
  });

  it('merges notify settings, validates every update and changes nothing on a bad one', () => {
    const dir = tempDir();
    const { settings } = open(dir);
    expect(settings.setNotify({ failures: true, quietHours: { start: '22:00', end: '07:00' } })).toMatchObject({ scope: 'mine', failures: true });
    expect(() => settings.setNotify({ quietHours: { start: '25:00', end: '07:00' } })).toThrow();
    expect(settings.update({ theme: 'light', shortcut: 'Alt+Space' })).toMatchObject({ theme: 'light', shortcut: 'Alt+Space' });
    expect(() => settings.update({ theme: 'blue' as never, openAtLogin: true })).toThrow();
    const reopened = open(dir).settings.all;
    expect(reopened).toMatchObject({ theme: 'light', shortcut: 'Alt+Space', openAtLogin: false, notify: { failures: true, quietHours: { start: '22:00', end: '07:00' } } });
  });

  it('hands out copies, not its own state', () => {
    const { settings } = open(tempDir());
    settings.all.notify.scope = 'all';
    settings.notify.failures = true;
    expect(settings.notify).toMatchObject({ scope: 'mine', failures: false });
  });
});

describe('SettingsStore: the token', () => {
  it('with a keyring, saves only ciphertext and reads it back after a restart', async () => {
    const dir = tempDir();
    const { settings, log } = open(dir);
    expect(await settings.setToken(TOKEN)).toEqual({ store: 'encrypted', canAcceptPlain: false });
    expect(fileText(dir)).not.toContain(TOKEN);
    expect(fileText(dir)).not.toContain(Buffer.from(TOKEN).toString('base64'));
    expect(typeof file(dir).encryptedToken).toBe('string');
    expect(inspect(settings, { depth: 10 })).not.toContain(TOKEN);
    expect(JSON.stringify(log.mock.calls)).not.toContain(TOKEN);
    expect(await open(dir).settings.getToken()).toBe(TOKEN);
  });

  it('on macOS and Windows asks no Linux backend', async () => {
    const safeStorage = new FakeSafeStorage();
    const backend = vi.spyOn(safeStorage, 'getSelectedStorageBackend');
    const { settings } = open(tempDir(), safeStorage, 'darwin');
    expect((await settings.setToken(TOKEN)).store).toBe('encrypted');
    expect(backend).not.toHaveBeenCalled();
  });

  it('without a keyring (basic_text), keeps it for this run only and says so', async () => {
    const dir = tempDir();
    const { settings } = open(dir, new FakeSafeStorage('basic_text'));
    const policy = await settings.setToken(TOKEN);
    expect(policy).toMatchObject({ store: 'session-only', canAcceptPlain: true });
    expect(policy.warning).toMatch(/kept only until you quit/);
    expect(await settings.getToken()).toBe(TOKEN);
    expect(file(dir).encryptedToken).toBeNull();
    expect(fileText(dir)).not.toContain(TOKEN);
    expect(await open(dir, new FakeSafeStorage('basic_text')).settings.getToken()).toBeNull();
  });

  it('once plain storage is accepted, saves it obfuscated with basic_text and reads it after a restart', async () => {
    const dir = tempDir();
    const { settings, safeStorage } = open(dir, new FakeSafeStorage('basic_text'));
    await settings.setToken(TOKEN);
    const policy = await settings.setTokenStorage('plain-accepted');
    expect(policy.store).toBe('plain');
    expect(policy.warning).toMatch(/not encrypted/);
    expect(safeStorage.plainText).toBe(true);
    expect(fileText(dir)).not.toContain(TOKEN);
    const restarted = open(dir, new FakeSafeStorage('basic_text'));
    expect(await restarted.settings.getToken()).toBe(TOKEN);
    expect(restarted.safeStorage.plainText).toBe(true);
  });

  it('keeps the saved token while the keyring is locked, and reads it once it is back', async () => {
    const dir = tempDir();
    await open(dir).settings.setToken(TOKEN);
    const locked = new FakeSafeStorage();
    locked.available = false;
    expect(await open(dir, locked).settings.getToken()).toBeNull();
    expect(file(dir).encryptedToken).not.toBeNull();
    expect(await open(dir).settings.getToken()).toBe(TOKEN);
  });

  it('re-encrypts when safeStorage asks (a rotated key)', async () => {
    const dir = tempDir();
    await open(dir).settings.setToken(TOKEN);
    const before = file(dir).encryptedToken;
    const rotating = new FakeSafeStorage();
    rotating.rotate = true;
    // The old key still decrypts; the new one is in use from then on.
    const decrypt = rotating.decryptStringAsync.bind(rotating);
    rotating.decryptStringAsync = async (data) => {
      const out = await decrypt(data);
      rotating.key = 0x33;
      return out;
    };
    const { settings } = open(dir, rotating);
    expect(await settings.getToken()).toBe(TOKEN);
    expect(file(dir).encryptedToken).not.toEqual(before);
    const next = new FakeSafeStorage();
    next.key = 0x33;
    expect(await open(dir, next).settings.getToken()).toBe(TOKEN);
  });

  it('keeps the token for the session when encryption fails, or returns the text unchanged', async () => {
    for (const broken of ['failEncrypt', 'identity'] as const) {
      const dir = tempDir();
      const safeStorage = new FakeSafeStorage();
      safeStorage[broken] = true;
      const { settings } = open(dir, safeStorage);
      expect(await settings.setToken(TOKEN)).toMatchObject({ store: 'session-only', warning: expect.stringMatching(/could not be encrypted/) });
      expect(await settings.getToken()).toBe(TOKEN);
      expect(fileText(dir)).not.toContain(TOKEN);
      expect(file(dir).encryptedToken).toBeNull();
    }
  });

  it('asks again when the saved token cannot be decrypted, logging no secret', async () => {
    const dir = tempDir();
    await open(dir).settings.setToken(TOKEN);
    const other = new FakeSafeStorage();
    other.decryptStringAsync = () => Promise.reject(new Error(`bad key for ${TOKEN}`));
    const { settings, log } = open(dir, other);
    expect(await settings.getToken()).toBeNull();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/could not be decrypted/));
    expect(JSON.stringify(log.mock.calls)).not.toContain(TOKEN);
  });

  it('forgets it everywhere on null, and session-only removes the saved copy', async () => {
    const dir = tempDir();
    const { settings } = open(dir);
    await settings.setToken(TOKEN);
    expect(await settings.setTokenStorage('session-only')).toEqual({ store: 'session-only', canAcceptPlain: false });
    expect(file(dir).encryptedToken).toBeNull();
    expect(await settings.getToken()).toBe(TOKEN);
    await settings.setTokenStorage('keychain');
    expect(file(dir).encryptedToken).not.toBeNull();
    await settings.setToken(null);
    expect(await settings.getToken()).toBeNull();
    expect(file(dir).encryptedToken).toBeNull();
  });
});
