import { randomBytes } from 'node:crypto';
import type { NotifySettings } from '../../../shared/notify-settings';
import { ApiHost, type ApiHostOptions } from '../api/api-host';
import { useNativeBinding } from '../cache/native-binding';
import { Companion } from '../companion';
import { DemoBackend } from '../demo/server';
import { silentLogger, type Logger } from '../log';

export interface StartCoreOptions {
  /** Null: run the demo backend in this process (a first start, `web --backend demo`). */
  backendUrl: string | null;
  token: string | null;
  dataDir: string;
  /** better-sqlite3 built for another ABI (Electron's); undefined keeps node_modules' own. */
  nativeBinding?: string;
  notify?: Partial<NotifySettings>;
  /** The demo tenant, when the demo backend runs. */
  demo?: { seed?: number; sessions?: number; rate?: number };
  logger?: Logger;
  /** The host's ports to the outside (links, settings); the web preview has none of them. */
  host?: Omit<ApiHostOptions, 'demo'>;
}

export interface RunningCore {
  companion: Companion;
  host: ApiHost;
  /** True when the demo backend runs in this process. */
  demo: boolean;
  /** Set when a damaged cache was moved aside on open. */
  notice: string | null;
  /** Stops the stream, closes the database cleanly and stops the demo backend. */
  stop(): Promise<void>;
}

/**
 * The one core entry: the CLI's web preview and the app's utility process both start the core
 * through here, so they cannot drift apart. No Electron here; whoever runs it brings the carrier.
 * Throws what Companion.open throws (CacheError), after stopping a demo backend it started.
 */
export async function startCore(options: StartCoreOptions): Promise<RunningCore> {
  useNativeBinding(options.nativeBinding);
  const logger = options.logger ?? silentLogger;
  let demo: DemoBackend | null = null;
  let backend: { url: string; token: string | null };
  if (options.backendUrl) {
    backend = { url: options.backendUrl, token: options.token };
  } else {
    const token = randomBytes(16).toString('base64url');
    demo = new DemoBackend({ token, ...options.demo });
    backend = { url: await demo.start(), token };
  }
  let opened: ReturnType<typeof Companion.open>;
  try {
    opened = Companion.open({ backendUrl: backend.url, token: backend.token, dataDir: options.dataDir, notify: options.notify, logger });
  } catch (error) {
    await demo?.stop();
    throw error;
  }
  const { companion, notice } = opened;
  const host = new ApiHost(companion, { ...options.host, demo: demo !== null });
  companion.start();
  let stopping: Promise<void> | null = null;
  return {
    companion,
    host,
    demo: demo !== null,
    notice,
    stop() {
      stopping ??= (async () => {
        companion.close();
        await demo?.stop();
      })();
      return stopping;
    },
  };
}
