import { join } from 'node:path';
import type { UpdateStatus } from '../../../shared/update/update-status';
import { Updater } from './updater';

/** Where released builds look for updates: electron-builder.yml's `publish` (a test holds the two together). */
export const RELEASE_FEED = 'https://updates.discoparrot.example/parrot-tray/';

/** A loopback feed for tests, honoured only by an app run from source (never by a packaged build). */
export const TEST_FEED_ENV = 'PARROT_TRAY_UPDATE_FEED';

/**
 * The feed this build updates from: the release feed when packaged; run from source, none (there
 * is nothing installed to replace) unless a test names its own feed.
 */
export function updateFeed(packaged: boolean, env: NodeJS.ProcessEnv): { url: string; testing: boolean } | null {
  if (packaged) return { url: RELEASE_FEED, testing: false };
  const test = env[TEST_FEED_ENV];
  return test ? { url: test, testing: true } : null;
}

export interface StartUpdatesDeps {
  app: { isPackaged: boolean; getAppPath(): string };
  env: NodeJS.ProcessEnv;
  automatic: boolean;
  log: (line: string) => void;
  onChange: (status: UpdateStatus) => void;
}

/** The updater of this build, started (a first check when automatic), or null where there is none. */
export async function startUpdates(deps: StartUpdatesDeps): Promise<Updater | null> {
  const feed = updateFeed(deps.app.isPackaged, deps.env);
  if (!feed) return null;
  // Loaded only where it runs: its updater reads the app's version and install type on first use.
  const { default: updaterModule } = await import('electron-updater');
  const updater = updaterModule.autoUpdater;
  if (feed.testing) {
    // electron-updater's own way to run unpackaged: its config file names the download cache folder.
    updater.forceDevUpdateConfig = true;
    updater.updateConfigPath = join(deps.app.getAppPath(), 'resources', 'dev-app-update.yml');
  }
  const running = new Updater({ updater, feedUrl: feed.url, testing: feed.testing, automatic: deps.automatic, log: deps.log, onChange: deps.onChange });
  running.start();
  deps.onChange(running.current);
  return running;
}
