import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../support/temp-dir';
import { ACME, FakeSafeStorage, fileText, GLOBEX, OTHER_TOKEN, open, savedCipher, TOKEN, withAcme } from './settings-harness';

describe('SettingsStore: tokens per profile', () => {
  it('keeps two profiles\' tokens apart, and removing one leaves the other', async () => {
    const dir = tempDir();
    const { settings } = open(dir);
    await settings.addProfile({ ...ACME, token: TOKEN });
    await settings.addProfile({ ...GLOBEX, token: OTHER_TOKEN });
    expect(savedCipher(dir, 'acme')).not.toEqual(savedCipher(dir, 'globex'));
    expect(fileText(dir)).not.toContain(TOKEN);
    expect(fileText(dir)).not.toContain(OTHER_TOKEN);
    const restarted = open(dir).settings;
    expect(await restarted.getToken('acme')).toBe(TOKEN);
    expect(await restarted.getToken('globex')).toBe(OTHER_TOKEN);
    restarted.removeProfile('acme');
    expect(await restarted.getToken('globex')).toBe(OTHER_TOKEN);
    expect(await open(dir).settings.getToken('globex')).toBe(OTHER_TOKEN);
    expect(savedCipher(dir, 'acme')).toBeUndefined();
  });

  it('replaces one profile\'s token through updateProfile, leaving the other alone', async () => {
    const dir = tempDir();
    const { settings } = open(dir);
    await settings.addProfile({ ...ACME, token: TOKEN });
    await settings.addProfile({ ...GLOBEX, token: OTHER_TOKEN });
    await settings.updateProfile({ id: 'acme', token: 'pt_live_replacement_token_0001' });
    const restarted = open(dir).settings;
    expect(await restarted.getToken('acme')).toBe('pt_live_replacement_token_0001');
    expect(await restarted.getToken('globex')).toBe(OTHER_TOKEN);
  });

  it('refuses a token for a profile that does not exist', async () => {
    const { settings } = open(tempDir());
    await expect(settings.setToken('ghost', TOKEN)).rejects.toThrow(/no profile/);
    expect(await settings.getToken('ghost')).toBeNull();
  });

  it('with a keyring, saves only ciphertext and reads it back after a restart', async () => {
    const dir = tempDir();
    const { settings, log } = await withAcme(dir);
    expect(await settings.setToken('acme', TOKEN)).toEqual({ store: 'encrypted', canAcceptPlain: false });
    expect(fileText(dir)).not.toContain(TOKEN);
    expect(fileText(dir)).not.toContain(Buffer.from(TOKEN).toString('base64'));
    expect(typeof savedCipher(dir)).toBe('string');
    expect(inspect(settings, { depth: 10 })).not.toContain(TOKEN);
    expect(inspect(settings.all, { depth: 10 })).not.toContain(TOKEN);
    expect(JSON.stringify(settings.profiles)).not.toContain(TOKEN);
    expect(JSON.stringify(log.mock.calls)).not.toContain(TOKEN);
    expect(await open(dir).settings.getToken('acme')).toBe(TOKEN);
  });

  it('on macOS and Windows asks no Linux backend', async () => {
    const safeStorage = new FakeSafeStorage();
    const backend = vi.spyOn(safeStorage, 'getSelectedStorageBackend');
    const { settings } = await withAcme(tempDir(), safeStorage, 'darwin');
    expect((await settings.setToken('acme', TOKEN)).store).toBe('encrypted');
    expect(backend).not.toHaveBeenCalled();
  });

  it('without a keyring (basic_text), keeps it for this run only and says so', async () => {
    const dir = tempDir();
    const { settings } = await withAcme(dir, new FakeSafeStorage('basic_text'));
    const policy = await settings.setToken('acme', TOKEN);
    expect(policy).toMatchObject({ store: 'session-only', canAcceptPlain: true });
    expect(policy.warning).toMatch(/kept only until you quit/);
    expect(await settings.getToken('acme')).toBe(TOKEN);
    expect(savedCipher(dir)).toBeNull();
    expect(fileText(dir)).not.toContain(TOKEN);
    expect(await open(dir, new FakeSafeStorage('basic_text')).settings.getToken('acme')).toBeNull();
  });

  it('once plain storage is accepted, saves every profile\'s token obfuscated with basic_text and reads them after a restart', async () => {
    const dir = tempDir();
    const { settings, safeStorage } = open(dir, new FakeSafeStorage('basic_text'));
    await settings.addProfile({ ...ACME, token: TOKEN });
    await settings.addProfile({ ...GLOBEX, token: OTHER_TOKEN });
    const policy = await settings.setTokenStorage('plain-accepted');
    expect(policy.store).toBe('plain');
    expect(policy.warning).toMatch(/not encrypted/);
    expect(safeStorage.plainText).toBe(true);
    expect(fileText(dir)).not.toContain(TOKEN);
    const restarted = open(dir, new FakeSafeStorage('basic_text'));
    expect(await restarted.settings.getToken('acme')).toBe(TOKEN);
    expect(await restarted.settings.getToken('globex')).toBe(OTHER_TOKEN);
    expect(restarted.safeStorage.plainText).toBe(true);
  });

  it('keeps the saved token while the keyring is locked, and reads it once it is back', async () => {
    const dir = tempDir();
    await (await withAcme(dir)).settings.setToken('acme', TOKEN);
    const locked = new FakeSafeStorage();
    locked.available = false;
    expect(await open(dir, locked).settings.getToken('acme')).toBeNull();
    expect(savedCipher(dir)).not.toBeNull();
    expect(await open(dir).settings.getToken('acme')).toBe(TOKEN);
  });

  it('re-encrypts when safeStorage asks (a rotated key)', async () => {
    const dir = tempDir();
    await (await withAcme(dir)).settings.setToken('acme', TOKEN);
    const before = savedCipher(dir);
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
    expect(await settings.getToken('acme')).toBe(TOKEN);
    expect(savedCipher(dir)).not.toEqual(before);
    const next = new FakeSafeStorage();
    next.key = 0x33;
    expect(await open(dir, next).settings.getToken('acme')).toBe(TOKEN);
  });

  it('keeps the token for the session when encryption fails, or returns the text unchanged', async () => {
    for (const broken of ['failEncrypt', 'identity'] as const) {
      const dir = tempDir();
      const safeStorage = new FakeSafeStorage();
      safeStorage[broken] = true;
      const { settings } = await withAcme(dir, safeStorage);
      expect(await settings.setToken('acme', TOKEN)).toMatchObject({ store: 'session-only', warning: expect.stringMatching(/could not be encrypted/) });
      expect(await settings.getToken('acme')).toBe(TOKEN);
      expect(fileText(dir)).not.toContain(TOKEN);
      expect(savedCipher(dir)).toBeNull();
    }
  });

  it('asks again when the saved token cannot be decrypted, logging no secret', async () => {
    const dir = tempDir();
    await (await withAcme(dir)).settings.setToken('acme', TOKEN);
    const other = new FakeSafeStorage();
    other.decryptStringAsync = () => Promise.reject(new Error(`bad key for ${TOKEN}`));
    const { settings, log } = open(dir, other);
    expect(await settings.getToken('acme')).toBeNull();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/token of profile "acme" could not be decrypted/));
    expect(JSON.stringify(log.mock.calls)).not.toContain(TOKEN);
  });

  it('does not bring back a token forgotten while it was being decrypted', async () => {
    const dir = tempDir();
    await (await withAcme(dir)).settings.setToken('acme', TOKEN);
    const slow = new FakeSafeStorage();
    const decrypt = slow.decryptStringAsync.bind(slow);
    let release = () => {};
    slow.decryptStringAsync = (data) => new Promise((resolve) => (release = () => resolve(decrypt(data))));
    const { settings } = open(dir, slow);
    const reading = settings.getToken('acme');
    await new Promise((r) => setTimeout(r, 0));
    settings.removeProfile('acme');
    release();
    expect(await reading).toBeNull();
    expect(await settings.getToken('acme')).toBeNull();
  });

  it('forgets it everywhere on null, and session-only removes every saved copy', async () => {
    const dir = tempDir();
    const { settings } = await withAcme(dir);
    await settings.setToken('acme', TOKEN);
    await settings.addProfile({ ...GLOBEX, token: OTHER_TOKEN });
    expect(await settings.setTokenStorage('session-only')).toEqual({ store: 'session-only', canAcceptPlain: false });
    expect(savedCipher(dir, 'acme')).toBeNull();
    expect(savedCipher(dir, 'globex')).toBeNull();
    expect(await settings.getToken('acme')).toBe(TOKEN);
    await settings.setTokenStorage('keychain');
    expect(savedCipher(dir, 'acme')).not.toBeNull();
    expect(savedCipher(dir, 'globex')).not.toBeNull();
    await settings.setToken('acme', null);
    expect(await settings.getToken('acme')).toBeNull();
    expect(savedCipher(dir, 'acme')).toBeNull();
    expect(await settings.getToken('globex')).toBe(OTHER_TOKEN);
  });
});
