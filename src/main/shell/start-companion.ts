import { randomBytes } from 'node:crypto';
import { ApiHost, type AppSettingsPort } from '../core/api/api-host';
import { useNativeBinding } from '../core/cache/native-binding';
import { Companion } from '../core/companion';
import { DemoBackend } from '../core/demo/server';
import { nativeBindingPath } from './native-binding-path';
import type { SettingsStore } from './settings/settings-store';

export interface RunningCompanion {
  companion: Companion;
  host: ApiHost;
  demo: boolean;
  stop(): Promise<void>;
}

/**
 * The core, as the app runs it: against the configured backend with the stored token, or, when
 * none is configured, against the demo backend in this process, so a first start shows live work.
 */
export async function startCompanion(options: {
  settings: SettingsStore;
  dataDir: string;
  openExternal: (url: string) => Promise<void>;
  appSettings: AppSettingsPort;
}): Promise<RunningCompanion> {
  const { settings } = options;
  useNativeBinding(nativeBindingPath());
  let demo: DemoBackend | null = null;
  let backend: { url: string; token: string | null };
  if (settings.backendUrl) {
    backend = { url: settings.backendUrl, token: await settings.getToken() };
  } else {
    const token = randomBytes(16).toString('base64url');
    demo = new DemoBackend({ token });
    backend = { url: await demo.start(), token };
  }
  const { companion, notice } = Companion.open({ backendUrl: backend.url, token: backend.token, dataDir: options.dataDir, notify: settings.notify });
  if (notice) console.warn(notice);
  const host = new ApiHost(companion, {
    demo: demo !== null,
    openExternal: options.openExternal,
    onSettingsChanged: (notify) => settings.setNotify(notify),
    appSettings: options.appSettings,
  });
  companion.start();
  return {
    companion,
    host,
    demo: demo !== null,
    async stop() {
      companion.close();
      await demo?.stop();
    },
  };
}
