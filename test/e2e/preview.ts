import { test as base } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ApiHost } from '../../src/main/core/api/api-host';
import { Companion } from '../../src/main/core/companion';
import { DemoBackend } from '../../src/main/core/demo/server';
import { WebPreviewServer } from '../../src/main/web/web-server';

export interface Preview {
  url: string;
  backend: DemoBackend;
  companion: Companion;
}

const RENDERER = resolve(import.meta.dirname, '../../out/web');

/**
 * The web preview in this process: the real core against the demo backend, so a test can move
 * the tenant (or stop it) and watch the page follow. The renderer is the built out/web.
 */
export const test = base.extend<{ preview: Preview }>({
  preview: async ({}, use) => {
    const backend = new DemoBackend({ token: 'e2e-token', seed: 1, sessions: 60, rate: 0 });
    const backendUrl = await backend.start();
    const dataDir = mkdtempSync(join(tmpdir(), 'parrot-e2e-'));
    const { companion } = Companion.open({ backendUrl, token: 'e2e-token', dataDir });
    const server = new WebPreviewServer(RENDERER, new ApiHost(companion, { demo: true }));
    const url = await server.listen(0);
    companion.start();
    await new Promise<void>((r) => companion.once('caughtUp', () => r()));
    await use({ url, backend, companion });
    await server.close();
    companion.close();
    await backend.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
