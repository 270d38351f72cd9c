import { describe, expect, it } from 'vitest';
import { AppSettings } from '../../../src/shared/api';
import { appSettingsPort } from '../../../src/main/shell/settings/app-settings-port';
import { tempDir } from '../../support/temp-dir';
import { FakeSafeStorage, open } from './settings-harness';

const SECRET = 'secret-token-value-0001';

function effects() {
  const log: string[] = [];
  return {
    log,
    registerShortcut: (a: string) => (a === 'Taken+Key' ? 'the shortcut Taken+Key could not be registered' : (log.push(`shortcut ${a}`), null)),
    setOpenAtLogin: (on: boolean) => void log.push(`login ${on}`),
    setTheme: (t: string) => void log.push(`theme ${t}`),
    profilesChanged: () => void log.push('profiles'),
    setAutoUpdate: (on: boolean) => void log.push(`auto-update ${on}`),
    appUpdate: (action: string) => void log.push(`update ${action}`),
  };
}

// The real store on a temporary file: the port is wiring, and what it wires is the store.
function setup(safeStorage = new FakeSafeStorage()) {
  const { settings } = open(tempDir(), safeStorage);
  const fx = effects();
  return { settings, fx, port: appSettingsPort(settings, fx) };
}

describe('the settings view port of the desktop app', () => {
  it('with no profile, reports an empty list (the demo runs) and the token policy', async () => {
    const { port } = setup();
    const settings = await port.get();
    expect(AppSettings.parse(settings)).toEqual(settings);
    expect(settings).toMatchObject({ profiles: [], tokenStorage: 'encrypted', shortcut: 'CommandOrControl+Shift+Space', shortcutError: null });
  });

  it('applies each change where it takes effect, and refuses a taken shortcut in words', async () => {
    const { port, fx, settings } = setup();
    await port.update({ openAtLogin: true, theme: 'dark', shortcut: 'Alt+P' });
    expect(fx.log).toEqual(['login true', 'theme dark', 'shortcut Alt+P']);
    await expect(port.update({ shortcut: 'Taken+Key' })).rejects.toThrow(/could not be registered/);
    expect(settings.all.shortcut).toBe('Alt+P');
  });

  it('adds, changes, moves and removes profiles, telling the core each time, and never returns a token', async () => {
    const { port, fx } = setup();
    let result = await port.profile('addProfile', { name: 'Acme', backendUrl: 'wss://acme.example/', token: SECRET });
    result = await port.profile('addProfile', { backendUrl: 'wss://globex.example/', token: SECRET, color: '#ef4444' });
    expect(result.profiles).toEqual([
      { id: 'acme', name: 'Acme', backendUrl: 'wss://acme.example/', hasToken: true, color: null, notify: null },
      { id: 'globex-example', name: null, backendUrl: 'wss://globex.example/', hasToken: true, color: '#ef4444', notify: null },
    ]);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    result = await port.profile('updateProfile', { id: 'globex-example', name: 'Globex', notify: 'off' });
    expect(result.profiles[1]).toMatchObject({ id: 'globex-example', name: 'Globex', notify: 'off', hasToken: true });
    result = await port.profile('moveProfile', { id: 'globex-example', index: 0 });
    expect(result.profiles.map((p) => p.id)).toEqual(['globex-example', 'acme']);
    result = await port.profile('removeProfile', { id: 'acme' });
    expect(result.profiles.map((p) => p.id)).toEqual(['globex-example']);
    expect(fx.log).toEqual(['profiles', 'profiles', 'profiles', 'profiles', 'profiles']);
    expect(AppSettings.parse(result)).toEqual(result);
  });

  it('refuses a bad profile change in words, without telling the core anything changed', async () => {
    const { port, fx } = setup();
    await expect(port.profile('addProfile', { name: 'Acme', backendUrl: 'ws://acme.example/', token: SECRET })).rejects.toThrow(/allowed only to this computer/);
    await expect(port.profile('removeProfile', { id: 'acme' })).rejects.toThrow(/no profile "acme"/);
    expect(fx.log).toEqual([]);
    expect((await port.get()).profiles).toEqual([]);
  });

  it('says a profile has no token when its token could only be kept for the run and the run ended', async () => {
    const dir = tempDir();
    const first = open(dir, new FakeSafeStorage('basic_text')).settings;
    await appSettingsPort(first, effects()).profile('addProfile', { name: 'Acme', backendUrl: 'wss://acme.example/', token: SECRET });
    expect((await appSettingsPort(first, effects()).get()).profiles[0]?.hasToken).toBe(true);
    const next = open(dir, new FakeSafeStorage('basic_text')).settings;
    const settings = await appSettingsPort(next, effects()).get();
    expect(settings).toMatchObject({ tokenStorage: 'session-only', canAcceptPlain: true, profiles: [{ id: 'acme', hasToken: false }] });
  });
});
