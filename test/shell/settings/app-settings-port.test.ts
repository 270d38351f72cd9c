import { describe, expect, it } from 'vitest';
import { appSettingsPort } from '../../../src/main/shell/settings/app-settings-port';

function fakeStore() {
  const state = { backendUrl: null as string | null, token: null as string | null, openAtLogin: false, shortcut: 'CommandOrControl+Shift+Space', theme: 'system' as const, tokenStorage: 'keychain' };
  return {
    state,
    get all() {
      return { ...state, notify: {} } as never;
    },
    get backendUrl() {
      return state.backendUrl;
    },
    setBackendUrl(raw: string | null) {
      if (raw && !raw.startsWith('wss://')) return { ok: false as const, message: `refusing ${raw}` };
      state.backendUrl = raw;
      return { ok: true as const, url: raw as string };
    },
    tokenPolicy: async () => ({ store: 'encrypted' as const, canAcceptPlain: false }),
    getToken: async () => state.token,
    setToken: async (t: string | null) => {
      state.token = t;
      return { store: 'encrypted' as const, canAcceptPlain: false };
    },
    setTokenStorage: async (c: string) => {
      state.tokenStorage = c;
      return { store: 'encrypted' as const, canAcceptPlain: false };
    },
    update: (patch: object) => Object.assign(state, patch) as never,
  };
}

function effects() {
  const log: string[] = [];
  return {
    log,
    registerShortcut: (a: string) => (a === 'Taken+Key' ? 'the shortcut Taken+Key could not be registered' : (log.push(`shortcut ${a}`), null)),
    setOpenAtLogin: (on: boolean) => void log.push(`login ${on}`),
    setTheme: (t: string) => void log.push(`theme ${t}`),
    useToken: () => void log.push('token used'),
    restartForBackend: () => void log.push('restart'),
  };
}

describe('the settings view port of the desktop app', () => {
  it('reports settings without ever returning the token', async () => {
    const store = fakeStore();
    store.state.token = 'secret-token-value';
    const settings = await appSettingsPort(store as never, effects()).get();
    expect(settings).toMatchObject({ backendUrl: null, hasToken: true, tokenStorage: 'encrypted', shortcut: 'CommandOrControl+Shift+Space' });
    expect(JSON.stringify(settings)).not.toContain('secret-token-value');
  });

  it('applies each change where it takes effect, and refuses a bad URL or a taken shortcut in words', async () => {
    const store = fakeStore();
    const fx = effects();
    const port = appSettingsPort(store as never, fx);
    await port.update({ token: 'new-token', openAtLogin: true, theme: 'dark', shortcut: 'Alt+P' });
    expect(fx.log).toEqual(['token used', 'login true', 'theme dark', 'shortcut Alt+P']);
    await expect(port.update({ backendUrl: 'ws://example.com' })).rejects.toThrow(/refusing/);
    await expect(port.update({ shortcut: 'Taken+Key' })).rejects.toThrow(/could not be registered/);
    expect(store.state.shortcut).toBe('Alt+P');
    await port.update({ backendUrl: 'wss://stream.example' });
    await new Promise((r) => setTimeout(r, 400));
    expect(fx.log).toContain('restart');
  });
});
