import type { AppSettings, ProfileSettings } from '../../../src/shared/api';
import type { NotifySettings } from '../../../src/shared/notify-settings';
import { freeId, slugOf } from '../../../src/shared/profiles/profile-fields';
import { SettingsPage } from '../../../src/renderer/src/views/settings/SettingsPage';
import { renderWithApi } from '../components/render-helpers';
import { FakeApi, type FakeOptions } from '../fake-api';

export const NOTIFY: NotifySettings = {
  scope: 'mine',
  failures: false,
  quietHours: null,
  snoozedUntil: null,
  followUps: true,
  reminderMinutes: 30,
  sound: true,
  mutedFlows: [],
};

export const ACME: ProfileSettings = { id: 'acme', name: null, backendUrl: 'wss://acme.example.com/ws', hasToken: true, color: null, notify: null };
export const GLOBEX: ProfileSettings = { id: 'globex', name: 'Globex', backendUrl: 'wss://globex.example.com/ws', hasToken: true, color: '#10b981', notify: 'all' };

export const APP: AppSettings = {
  profiles: [ACME],
  tokenStorage: 'encrypted',
  tokenWarning: null,
  canAcceptPlain: false,
  openAtLogin: false,
  shortcut: 'CommandOrControl+Shift+Space',
  shortcutError: null,
  theme: 'system',
  autoUpdate: true,
};

export interface SetupOptions {
  app?: AppSettings | null;
  notify?: Partial<NotifySettings>;
  status?: FakeOptions;
}

/** A fake main side that keeps what it is sent, as the real one does, profiles included. */
export function setup(options: SetupOptions = {}) {
  const api = new FakeApi([], options.status);
  let notify: NotifySettings = { ...NOTIFY, ...options.notify };
  let app: AppSettings | null = options.app === undefined ? APP : options.app;
  const current = () => app ?? APP;
  const withProfiles = (profiles: ProfileSettings[]) => (app = { ...current(), profiles });
  api.answers.getSettings = () => notify;
  api.answers.updateSettings = (patch) => (notify = { ...notify, ...patch } as NotifySettings);
  // As the core does it: one flow in or out of the list it holds.
  api.answers.muteFlow = ({ flow, muted }) => {
    const others = notify.mutedFlows.filter((f) => f.id !== flow.id);
    return (notify = { ...notify, mutedFlows: muted ? [...others, flow] : others });
  };
  api.answers.getAppSettings = () => app;
  api.answers.updateAppSettings = (patch) => {
    const { acceptPlainStorage, ...rest } = patch;
    app = { ...current(), ...rest };
    if (acceptPlainStorage !== undefined) app = { ...app, tokenStorage: acceptPlainStorage ? 'plain' : 'encrypted' };
    return app;
  };
  api.answers.addProfile = ({ name, backendUrl, color }) => {
    const taken = new Set(current().profiles.map((p) => p.id));
    const id = freeId(slugOf(name ?? new URL(backendUrl).hostname), taken);
    return withProfiles([...current().profiles, { id, name: name ?? null, backendUrl, hasToken: true, color: color ?? null, notify: null }]);
  };
  api.answers.updateProfile = ({ id, token, ...patch }) =>
    withProfiles(current().profiles.map((p) => (p.id === id ? { ...p, ...patch, ...(token ? { hasToken: true } : {}) } : p)));
  api.answers.removeProfile = ({ id }) => withProfiles(current().profiles.filter((p) => p.id !== id));
  api.answers.moveProfile = ({ id, index }) => {
    const moving = current().profiles.find((p) => p.id === id)!;
    const rest = current().profiles.filter((p) => p.id !== id);
    return withProfiles([...rest.slice(0, index), moving, ...rest.slice(index)]);
  };
  renderWithApi(<SettingsPage />, api);
  return api;
}

export type SettingsMethod = 'updateSettings' | 'updateAppSettings' | 'muteFlow' | 'addProfile' | 'updateProfile' | 'removeProfile' | 'moveProfile';

export const callsOf = (api: FakeApi, method: SettingsMethod) => api.calls.filter((c) => c.method === method).map((c) => c.params);
