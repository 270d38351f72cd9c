// Boots the real built app (out/, built by `npm test` or here when missing) under the stand-in:
// it gets ready, puts up a tray, and its window loads the renderer with the preload's API in place.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAppBuilt, REPO } from '../support/built-app';
import { launch, type StandinApp } from './driver';

// These run inside the pages (page.evaluate); tsconfig.node.json has no DOM lib, so the page
// globals they touch are declared here, for this module only.
declare const window: { parrotTray?: unknown };
declare const document: { readyState: string; getElementById(id: string): { childElementCount: number } | null };

describe('the real app under the stand-in', () => {
  let app: StandinApp;
  let preload: string;
  beforeAll(() => {
    preload = join(ensureAppBuilt(), 'preload/index.cjs');
    app = launch({ root: REPO, argv: [] });
  }, 120_000);
  afterAll(() => app?.close());

  it('gets ready, puts up a tray, and a window loads the renderer with the preload in place', async () => {
    await app.waitForReady(20_000);
    await app.waitForTray();
    const tray = await app.tray();
    expect(tray?.image.empty).toBe(false);
    expect(tray?.menu?.length).toBeGreaterThan(0);

    const win = await app.firstWindow(20_000);
    // From the app's own scheme, as main sees it (the page itself sits behind the stand-in's loopback server).
    await win.page.waitForURL(/\/index\.html$/);
    expect((await app.windows())[0]?.url).toBe('parrot-tray://app/index.html');
    await win.page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);
    // A failed preload is reported as Electron reports it; its lines make the failure readable.
    expect(app.eventsOf('preload-error'), app.stderr.join('\n')).toEqual([]);
    expect(app.stderr.join('\n')).not.toContain(`Unable to load preload script: ${preload}`);
    expect(await win.page.evaluate(() => typeof window.parrotTray)).toBe('object');
    expect(app.eventsOf('uncaught-exception')).toEqual([]);
    expect(await app.quit()).toBe(0);
  }, 60_000);
});
