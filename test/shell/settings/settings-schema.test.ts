import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  migrateSettings,
  MIGRATIONS,
  Settings,
  SETTINGS_VERSION,
  storeDefaults,
} from '../../../src/main/shell/settings/settings-schema';

const DEFAULTS = {
  schemaVersion: 1,
  backendUrl: null,
  notify: { scope: 'mine', failures: false, quietHours: null, snoozedUntil: null, followUps: true, reminderMinutes: 30, sound: true, mutedFlows: [] },
  openAtLogin: false,
  shortcut: 'CommandOrControl+Shift+Space',
  theme: 'system',
  tokenStorage: 'keychain',
  encryptedToken: null,
};

describe('Settings schema', () => {
  it('has a default for everything', () => {
    expect(defaultSettings()).toEqual(DEFAULTS);
    expect(SETTINGS_VERSION).toBe(MIGRATIONS.length);
  });

  it("leaves schemaVersion out of electron-store's defaults, so an old file still reads as old", () => {
    const { schemaVersion: _v, ...rest } = DEFAULTS;
    expect(storeDefaults()).toEqual(rest);
    expect(JSON.parse(JSON.stringify(storeDefaults()))).toEqual(rest);
  });

  it('checks the backend URL with checkBackendUrl', () => {
    for (const backendUrl of ['wss://parrot.example/stream', 'ws://localhost:8787/', 'ws://127.0.0.1/x']) {
      expect(Settings.safeParse({ backendUrl }).success).toBe(true);
    }
    const bad = Settings.safeParse({ backendUrl: 'ws://parrot.example/stream' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/unencrypted connection is allowed only to this computer/);
    for (const backendUrl of ['https://parrot.example', 'wss://me:pw@parrot.example', 'not a url', '']) {
      expect(Settings.safeParse({ backendUrl }).success).toBe(false);
    }
  });

  it('takes keyboard shortcuts and rejects what is not one', () => {
    for (const shortcut of ['CommandOrControl+Shift+Space', 'Alt+F4', 'Super+Plus', 'Ctrl+Shift+/', 'F12']) {
      expect(Settings.safeParse({ shortcut }).success, shortcut).toBe(true);
    }
    for (const shortcut of ['', 'Ctrl+', '+A', 'Ctrl Shift', 'A'.repeat(101)]) {
      expect(Settings.safeParse({ shortcut }).success, shortcut).toBe(false);
    }
  });

  it('holds the token only as base64 ciphertext', () => {
    expect(Settings.safeParse({ encryptedToken: 'djEwAAECAwQ=' }).success).toBe(true);
    for (const encryptedToken of ['', 'not base64!', 'abc']) expect(Settings.safeParse({ encryptedToken }).success).toBe(false);
  });

  it('takes only the known enums', () => {
    expect(Settings.safeParse({ theme: 'dark', tokenStorage: 'plain-accepted' }).success).toBe(true);
    expect(Settings.safeParse({ theme: 'blue' }).success).toBe(false);
    expect(Settings.safeParse({ tokenStorage: 'plain' }).success).toBe(false);
  });
});

describe('migrateSettings', () => {
  it('turns a v0 notifyAll into notify.scope, over the default electron-store filled in', () => {
    const v0 = { ...storeDefaults(), notifyAll: true, backendUrl: 'wss://parrot.example/', theme: 'dark' };
    const result = migrateSettings(v0);
    expect(result).toMatchObject({ from: 0, removed: ['notifyAll'], reset: [], newer: false });
    expect(result.settings).toEqual({ ...DEFAULTS, notify: { ...DEFAULTS.notify, scope: 'all' }, backendUrl: 'wss://parrot.example/', theme: 'dark' });
    expect(migrateSettings({ notifyAll: false, notify: { scope: 'all', failures: true } }).settings.notify).toEqual({ ...DEFAULTS.notify, failures: true });
  });

  it('v0 → v1 alone is pure and total', () => {
    const v0ToV1 = MIGRATIONS[0]!;
    const old = { notifyAll: true, notify: 'garbage' };
    expect(v0ToV1(old)).toEqual({ notify: { scope: 'all' }, schemaVersion: 1 });
    expect(old).toEqual({ notifyAll: true, notify: 'garbage' });
    expect(v0ToV1({})).toEqual({ notify: {}, schemaVersion: 1 });
    expect(v0ToV1({ notifyAll: 'yes' })).toEqual({ notify: {}, schemaVersion: 1 });
  });

  it('gives the defaults for an empty, missing or non-object file', () => {
    for (const raw of [{}, undefined, null, 'text', 42, []]) {
      expect(migrateSettings(raw)).toEqual({ settings: DEFAULTS, from: 0, removed: [], reset: [], newer: false });
    }
  });

  it('leaves current settings as they are', () => {
    const current = { ...DEFAULTS, theme: 'light', openAtLogin: true };
    expect(migrateSettings(current)).toEqual({ settings: current, from: 1, removed: [], reset: [], newer: false });
  });

  it('resets only the invalid fields and says which', () => {
    const raw = { ...DEFAULTS, backendUrl: 'http://evil.example', theme: 'blue', openAtLogin: true, encryptedToken: 'plain token!' };
    const result = migrateSettings(raw);
    expect(result.reset).toEqual(['backendUrl', 'theme', 'encryptedToken']);
    expect(result.settings).toEqual({ ...DEFAULTS, openAtLogin: true });
  });

  it('reads a newer file leniently without migrating it', () => {
    const result = migrateSettings({ ...DEFAULTS, schemaVersion: 7, theme: 'dark', addedLater: 1, notifyAll: true });
    expect(result).toMatchObject({ from: 7, newer: true, removed: [], reset: [] });
    expect(result.settings).toEqual({ ...DEFAULTS, theme: 'dark' });
  });

  it('treats a nonsense version as v0', () => {
    expect(migrateSettings({ schemaVersion: '1', notifyAll: true }).settings.notify.scope).toBe('all');
    expect(migrateSettings({ schemaVersion: -1, notifyAll: true }).from).toBe(0);
  });
});
