import type { AppSettings, AppSettingsPatch } from '../../../shared/api';
import type { AppSettingsPort } from '../../core/api/api-host';
import type { SettingsStore } from './settings-store';

export interface AppSettingsEffects {
  /** Registers the global shortcut; returns why it failed, or null. */
  registerShortcut(accelerator: string): string | null;
  setOpenAtLogin(on: boolean): void;
  setTheme(theme: AppSettings['theme']): void;
  /** A new token reaches the running connection at once. */
  useToken(token: string | null): void;
  /** A new backend needs a fresh core: the app restarts onto it. */
  restartForBackend(): void;
}

/**
 * The settings view's view of the desktop app's settings: it reads and writes the store and
 * applies each change where it takes effect. The token goes in, never out.
 */
export function appSettingsPort(store: Pick<SettingsStore, 'all' | 'backendUrl' | 'setBackendUrl' | 'tokenPolicy' | 'getToken' | 'setToken' | 'setTokenStorage' | 'update'>, effects: AppSettingsEffects): AppSettingsPort & { shortcutError: string | null } {
  const port = {
    shortcutError: null as string | null,
    async get(): Promise<AppSettings> {
      const all = store.all;
      const policy = await store.tokenPolicy();
      return {
        backendUrl: all.backendUrl,
        hasToken: (await store.getToken()) !== null,
        tokenStorage: policy.store,
        tokenWarning: policy.warning ?? null,
        canAcceptPlain: policy.canAcceptPlain,
        openAtLogin: all.openAtLogin,
        shortcut: all.shortcut,
        shortcutError: port.shortcutError,
        theme: all.theme,
      };
    },
    async update(patch: AppSettingsPatch): Promise<AppSettings> {
      if (patch.backendUrl !== undefined) {
        const before = store.backendUrl;
        // An emptied field means "no backend": the demo backend again.
        const check = store.setBackendUrl(patch.backendUrl?.trim() ? patch.backendUrl : null);
        if (!check.ok) throw new Error(check.message);
        if (store.backendUrl !== before) setTimeout(() => effects.restartForBackend(), 300);
      }
      if (patch.acceptPlainStorage !== undefined) await store.setTokenStorage(patch.acceptPlainStorage ? 'plain-accepted' : 'keychain');
      if (patch.token !== undefined) {
        await store.setToken(patch.token);
        effects.useToken(patch.token);
      }
      if (patch.openAtLogin !== undefined) {
        store.update({ openAtLogin: patch.openAtLogin });
        effects.setOpenAtLogin(patch.openAtLogin);
      }
      if (patch.theme !== undefined) {
        store.update({ theme: patch.theme });
        effects.setTheme(patch.theme);
      }
      if (patch.shortcut !== undefined) {
        const error = effects.registerShortcut(patch.shortcut);
        if (error) throw new Error(error);
        store.update({ shortcut: patch.shortcut });
        port.shortcutError = null;
      }
      return port.get();
    },
  };
  return port;
}
