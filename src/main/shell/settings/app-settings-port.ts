import type { ApiParams, AppSettings, AppSettingsPatch } from '../../../shared/api';
import type { AppSettingsPort, ProfileMethod } from '../../core/api/api-host';
import type { SettingsStore } from './settings-store';

export interface AppSettingsEffects {
  /** Registers the global shortcut; returns why it failed, or null. */
  registerShortcut(accelerator: string): string | null;
  setOpenAtLogin(on: boolean): void;
  setTheme(theme: AppSettings['theme']): void;
  /** The profile list changed (a token included): the core follows it live, without a restart. */
  profilesChanged(): void;
  /** "Update automatically" turned on or off. */
  setAutoUpdate(on: boolean): void;
  /** "Restart to update" or "Check for updates"; refused in words where there is no updater. */
  appUpdate(action: 'install' | 'check'): void;
}

export type AppSettingsStore = Pick<
  SettingsStore,
  'all' | 'profiles' | 'tokenPolicy' | 'getToken' | 'setTokenStorage' | 'update' | 'addProfile' | 'updateProfile' | 'removeProfile' | 'moveProfile'
>;

/**
 * The settings view's view of the desktop app's settings: it reads and writes the store and
 * applies each change where it takes effect. Tokens go in, never out.
 */
export function appSettingsPort(store: AppSettingsStore, effects: AppSettingsEffects): AppSettingsPort & { shortcutError: string | null } {
  const port = {
    shortcutError: null as string | null,
    async get(): Promise<AppSettings> {
      const all = store.all;
      const policy = await store.tokenPolicy();
      const profiles = await Promise.all(store.profiles.map(async (p) => ({ ...p, hasToken: (await store.getToken(p.id)) !== null })));
      return {
        profiles,
        tokenStorage: policy.store,
        tokenWarning: policy.warning ?? null,
        canAcceptPlain: policy.canAcceptPlain,
        openAtLogin: all.openAtLogin,
        shortcut: all.shortcut,
        shortcutError: port.shortcutError,
        theme: all.theme,
        autoUpdate: all.autoUpdate,
      };
    },
    async update(patch: AppSettingsPatch): Promise<AppSettings> {
      if (patch.acceptPlainStorage !== undefined) await store.setTokenStorage(patch.acceptPlainStorage ? 'plain-accepted' : 'keychain');
      if (patch.openAtLogin !== undefined) {
        store.update({ openAtLogin: patch.openAtLogin });
        effects.setOpenAtLogin(patch.openAtLogin);
      }
      if (patch.theme !== undefined) {
        store.update({ theme: patch.theme });
        effects.setTheme(patch.theme);
      }
      if (patch.autoUpdate !== undefined) {
        store.update({ autoUpdate: patch.autoUpdate });
        effects.setAutoUpdate(patch.autoUpdate);
      }
      if (patch.shortcut !== undefined) {
        const error = effects.registerShortcut(patch.shortcut);
        if (error) throw new Error(error);
        store.update({ shortcut: patch.shortcut });
        port.shortcutError = null;
      }
      return port.get();
    },
    async appUpdate(action: 'install' | 'check'): Promise<null> {
      effects.appUpdate(action);
      return null;
    },
    async profile<M extends ProfileMethod>(method: M, params: ApiParams<M>): Promise<AppSettings> {
      await changeProfiles(store, method, params);
      effects.profilesChanged();
      return port.get();
    },
  };
  return port;
}

/** One of Settings' profile requests, on the store; a refused one throws in words and changes nothing. */
async function changeProfiles<M extends ProfileMethod>(store: AppSettingsStore, method: M, raw: ApiParams<M>): Promise<void> {
  // The switch narrows the method, not its generic parameters: each case reads its own shape.
  switch (method) {
    case 'addProfile':
      await store.addProfile(raw as ApiParams<'addProfile'>);
      return;
    case 'updateProfile':
      await store.updateProfile(raw as ApiParams<'updateProfile'>);
      return;
    case 'removeProfile':
      store.removeProfile((raw as ApiParams<'removeProfile'>).id);
      return;
    case 'moveProfile': {
      const { id, index } = raw as ApiParams<'moveProfile'>;
      store.moveProfile(id, index);
      return;
    }
    default:
      throw new Error(`unknown profile request ${String(method)}`);
  }
}
