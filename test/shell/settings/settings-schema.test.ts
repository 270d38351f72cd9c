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
  schemaVersion: 2,
  profiles: [],
  notify: { scope: 'mine', failures: false, quietHours: null, snoozedUntil: null, followUps: true, reminderMinutes: 30, sound: true, mutedFlows: [] },
  openAtLogin: false,
  shortcut: 'CommandOrControl+Shift+Space',
  theme: 'system',
  autoUpdate: true,
  tokenStorage: 'keychain',
};
const CIPHER = 'djEwAAECAwQ=';
const profile = (over: Record<string, unknown> = {}) => ({ id: 'parrot-example', name: null, backendUrl: 'wss://parrot.example/', color: null, notify: null, encryptedToken: null, ...over });
const v1 = (over: Record<string, unknown> = {}) => ({ ...storeDefaults(), schemaVersion: 1, ...over });

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

  it("checks each profile's backend URL with checkBackendUrl", () => {
    const withUrl = (backendUrl: string) => Settings.safeParse({ profiles: [profile({ backendUrl })] });
    for (const backendUrl of ['wss://parrot.example/stream', 'ws://localhost:8787/', 'ws://127.0.0.1/x']) {
      expect(withUrl(backendUrl).success).toBe(true);
    }
    const bad = withUrl('ws://parrot.example/stream');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/unencrypted connection is allowed only to this computer/);
    for (const backendUrl of ['https://parrot.example', 'wss://me:pw@parrot.example', 'not a url', '']) {
      expect(withUrl(backendUrl).success).toBe(false);
    }
  });

  it('keeps profile ids unique, and never "demo"', () => {
    expect(Settings.safeParse({ profiles: [profile(), profile({ id: 'other' })] }).success).toBe(true);
    expect(Settings.safeParse({ profiles: [profile(), profile()] }).success).toBe(false);
    expect(Settings.safeParse({ profiles: [profile({ id: 'demo' })] }).success).toBe(false);
    expect(Settings.safeParse({ profiles: [profile({ id: 'Has Caps' })] }).success).toBe(false);
  });

  it('takes keyboard shortcuts and rejects what is not one', () => {
    for (const shortcut of ['CommandOrControl+Shift+Space', 'Alt+F4', 'Super+Plus', 'Ctrl+Shift+/', 'F12']) {
      expect(Settings.safeParse({ shortcut }).success, shortcut).toBe(true);
    }
    for (const shortcut of ['', 'Ctrl+', '+A', 'Ctrl Shift', 'A'.repeat(101)]) {
      expect(Settings.safeParse({ shortcut }).success, shortcut).toBe(false);
    }
  });

  it('holds each token only as base64 ciphertext', () => {
    expect(Settings.safeParse({ profiles: [profile({ encryptedToken: CIPHER })] }).success).toBe(true);
    for (const encryptedToken of ['', 'not base64!', 'abc']) expect(Settings.safeParse({ profiles: [profile({ encryptedToken })] }).success).toBe(false);
  });

  it('takes only the known enums', () => {
    expect(Settings.safeParse({ theme: 'dark', tokenStorage: 'plain-accepted' }).success).toBe(true);
    expect(Settings.safeParse({ theme: 'blue' }).success).toBe(false);
    expect(Settings.safeParse({ tokenStorage: 'plain' }).success).toBe(false);
  });
});

describe('migrateSettings', () => {
  it('turns a v0 notifyAll into notify.scope, over the default electron-store filled in, then its backend into a profile', () => {
    const v0 = { ...storeDefaults(), notifyAll: true, backendUrl: 'wss://parrot.example/', theme: 'dark' };
    const result = migrateSettings(v0);
    expect(result).toMatchObject({ from: 0, removed: ['notifyAll', 'backendUrl'], reset: [], profileIssues: [], newer: false });
    expect(result.settings).toEqual({ ...DEFAULTS, notify: { ...DEFAULTS.notify, scope: 'all' }, profiles: [profile()], theme: 'dark' });
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
      expect(migrateSettings(raw)).toEqual({ settings: DEFAULTS, from: 0, removed: [], reset: [], profileIssues: [], newer: false });
    }
  });

  it('leaves current settings as they are', () => {
    const current = { ...DEFAULTS, theme: 'light', openAtLogin: true, profiles: [profile({ name: 'Acme', encryptedToken: CIPHER, notify: 'all' })] };
    expect(migrateSettings(current)).toEqual({ settings: current, from: 2, removed: [], reset: [], profileIssues: [], newer: false });
  });

  it('resets only the invalid fields and says which', () => {
    const raw = { ...DEFAULTS, theme: 'blue', openAtLogin: true, shortcut: 'Ctrl+' };
    const result = migrateSettings(raw);
    expect(result.reset).toEqual(['shortcut', 'theme']);
    expect(result.settings).toEqual({ ...DEFAULTS, openAtLogin: true });
  });

  it('drops only the profile entries that cannot be read, naming positions, never values', () => {
    const raw = {
      ...DEFAULTS,
      profiles: [
        profile({ id: 'acme', encryptedToken: CIPHER }),
        profile({ id: 'evil', backendUrl: 'ws://evil.example/?token=hunter2' }),
        'garbage',
        profile({ id: 'acme' }),
        profile({ id: 'globex', color: 'red', name: ' Globex ', encryptedToken: 'not base64!' }),
        { backendUrl: 'wss://no-id.example/' },
      ],
    };
    const result = migrateSettings(raw);
    expect(result.settings.profiles).toEqual([profile({ id: 'acme', encryptedToken: CIPHER }), profile({ id: 'globex', name: 'Globex' })]);
    expect(result.reset).toEqual([]);
    expect(result.profileIssues).toEqual([
      'profile 2 was dropped: its backendUrl is not valid',
      'profile 3 was dropped: it is not a profile',
      'profile 4 was dropped: another profile has its id',
      'profile 5: its color was not valid and was reset',
      'profile 5: its encryptedToken was not valid and was reset',
      'profile 6 was dropped: its id is not valid',
    ]);
    expect(JSON.stringify(result.profileIssues)).not.toContain('hunter2');
    expect(migrateSettings({ ...DEFAULTS, profiles: 'x' })).toMatchObject({ settings: DEFAULTS, profileIssues: ['the profile list could not be read and was emptied'] });
  });

  it('reads a newer file leniently without migrating it', () => {
    const result = migrateSettings({ ...DEFAULTS, schemaVersion: 7, theme: 'dark', addedLater: 1, notifyAll: true, backendUrl: 'wss://x.example/' });
    expect(result).toMatchObject({ from: 7, newer: true, removed: [], reset: [] });
    expect(result.settings).toEqual({ ...DEFAULTS, theme: 'dark' });
  });

  it('treats a nonsense version as v0', () => {
    expect(migrateSettings({ schemaVersion: '1', notifyAll: true }).settings.notify.scope).toBe('all');
    expect(migrateSettings({ schemaVersion: -1, notifyAll: true }).from).toBe(0);
  });
});

describe('migrateSettings v1 → v2: the one backend becomes the first profile', () => {
  const v1ToV2 = MIGRATIONS[1]!;
  const muted = (...ids: string[]) => ids.map((id) => ({ id, name: 'Nightly build' }));

  it('moves the URL and the encrypted token, unchanged, into a profile named after the host', () => {
    const raw = v1({ backendUrl: 'wss://Acme.Parrot.example/stream', encryptedToken: CIPHER, notify: { ...DEFAULTS.notify, mutedFlows: muted('fl_1', 'a/b') } });
    const result = migrateSettings(raw);
    expect(result).toMatchObject({ from: 1, removed: ['backendUrl', 'encryptedToken'], reset: [], profileIssues: [], newer: false });
    // The token is not asked again: the very ciphertext moves, nothing is decrypted.
    expect(result.settings.profiles).toEqual([{ id: 'acme-parrot-example', name: null, backendUrl: 'wss://Acme.Parrot.example/stream', color: null, notify: null, encryptedToken: CIPHER }]);
    expect(result.settings.notify.mutedFlows).toEqual(muted('acme-parrot-example/fl_1', 'acme-parrot-example/a/b'));
  });

  it("does not let electron-store's present profiles default hide the v1 backend", () => {
    expect(storeDefaults().profiles).toEqual([]);
    expect(migrateSettings(v1({ backendUrl: 'ws://localhost:8787/', profiles: [] })).settings.profiles).toEqual([profile({ id: 'localhost', backendUrl: 'ws://localhost:8787/' })]);
  });

  it('without a backend, gives no profile and scopes muted flows to the demo', () => {
    const result = migrateSettings(v1({ backendUrl: null, encryptedToken: CIPHER, notify: { ...DEFAULTS.notify, mutedFlows: muted('fl_1') } }));
    expect(result.settings.profiles).toEqual([]);
    expect(result.settings.notify.mutedFlows).toEqual(muted('demo/fl_1'));
    expect(result.removed).toEqual(['backendUrl', 'encryptedToken']);
    expect(migrateSettings(v1({})).settings).toEqual(DEFAULTS);
  });

  it('never takes the demo id, and falls back to "default" for a URL without a host', () => {
    expect(v1ToV2({ backendUrl: 'wss://demo/' }).profiles).toEqual([profile({ id: 'demo-2', backendUrl: 'wss://demo/' })]);
    expect((v1ToV2({ backendUrl: 'not a url' }).profiles as Array<{ id: string }>)[0]?.id).toBe('default');
  });

  it('drops a v1 backend that no longer passes the check, and says so', () => {
    const result = migrateSettings(v1({ backendUrl: 'ws://evil.example/?token=hunter2', encryptedToken: CIPHER }));
    expect(result.settings.profiles).toEqual([]);
    expect(result.profileIssues).toEqual(['profile 1 was dropped: its backendUrl is not valid']);
  });

  it('keeps the backend when only its saved token was unreadable', () => {
    expect(migrateSettings(v1({ backendUrl: 'wss://parrot.example/', encryptedToken: 'plain token!' })).settings.profiles).toEqual([profile()]);
  });

  it('is pure and total', () => {
    const old = { backendUrl: 'wss://parrot.example/', encryptedToken: CIPHER, notify: { mutedFlows: [{ id: 'x' }, 'junk', { id: 3 }] } };
    const copy = structuredClone(old);
    expect(v1ToV2(old)).toEqual({
      profiles: [profile({ encryptedToken: CIPHER })],
      notify: { mutedFlows: [{ id: 'parrot-example/x' }, 'junk', { id: 3 }] },
      schemaVersion: 2,
    });
    expect(old).toEqual(copy);
    for (const weird of [{}, { backendUrl: 42 }, { backendUrl: '' }, { notify: 'x' }, { notify: { mutedFlows: 'x' } }, { profiles: 'x', backendUrl: [] }]) {
      expect(() => v1ToV2(weird)).not.toThrow();
      expect(v1ToV2(weird).schemaVersion).toBe(2);
    }
  });
});
