import { test as base } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Companion } from '../../src/main/core/companion';
import { DemoBackend } from '../../src/main/core/demo/server';
import type { ProfileHub } from '../../src/main/core/profiles/profile-hub';
import { startProfiles } from '../../src/main/core/runtime/start-profiles';
import { silentLogger } from '../../src/main/core/log';
import { WebPreviewServer } from '../../src/main/web/web-server';

export interface Preview {
  url: string;
  backend: DemoBackend;
  /** The one profile's core (its cache, its connection). */
  companion: Companion;
  hub: ProfileHub;
}

/** The one profile the preview runs: session ids in the page are scoped by it (`demo/ft_1`). */
export const PREVIEW_PROFILE = 'demo';

const RENDERER = resolve(import.meta.dirname, '../../out/web');

/**
 * The web preview in this process, wired as `parrot-tray web` wires it (startProfiles, one profile):
 * the real core against the demo backend, so a test can move the tenant (or stop it) and watch the
 * page follow. The renderer is the built out/web.
 */
export const test = base.extend<{ preview: Preview }>({
  preview: async ({}, use) => {
    const backend = new DemoBackend({ token: 'e2e-token', seed: 1, sessions: 60, rate: 0 });
    const backendUrl = await backend.start();
    const dataDir = mkdtempSync(join(tmpdir(), 'parrot-e2e-'));
    const hub = await startProfiles([{ id: PREVIEW_PROFILE, name: null, color: null, notify: null, backendUrl, token: 'e2e-token', dataDir }], { logger: silentLogger });
    const companion = hub.running[0]!.core.companion;
    // No I/O turn has passed since the connection started, so its first catch-up is still ahead.
    const caughtUp = new Promise<void>((r) => companion.once('caughtUp', () => r()));
    const server = new WebPreviewServer(RENDERER, hub);
    const url = await server.listen(0);
    await caughtUp;
    await use({ url, backend, companion, hub });
    await server.close();
    await hub.close();
    await backend.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
