// Boots the real built app (out/, from `npx electron-vite build`) under the stand-in.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, launch, type StandinApp } from './driver';

// These run inside the pages (page.evaluate); tsconfig.node.json has no DOM lib, so the page
// globals they touch are declared here, for this module only.
declare const window: any;
declare const document: { readyState: string; getElementById(id: string): { childElementCount: number } | null };

// STANDIN_APP_ROOT points the test at another checkout's build (e.g. an older, broken one).
const ROOT = process.env.STANDIN_APP_ROOT ?? REPO_ROOT;
const OUT = join(ROOT, 'out');
const PRELOAD = join(OUT, 'preload/index.cjs');
/** The modules docs/tutorial/sandbox.md lets a sandboxed preload require. */
const SANDBOX_MODULES = new Set(['electron', 'electron/common', 'electron/renderer', 'events', 'node:events', 'timers', 'node:timers', 'url', 'node:url']);

describe('the real app under the stand-in', () => {
  let app: StandinApp;
  beforeAll(() => {
    // `npm test` does not build the Electron bundles; build them when they are missing.
    if (!existsSync(join(OUT, 'main/index.js'))) execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore', timeout: 110_000 });
    app = launch({ root: ROOT, argv: [] });
  }, 120_000);
  afterAll(() => app?.close());

  it('gets ready, puts up a tray, and a window loads the renderer with the preload judged as Electron would', async () => {
    await app.waitForReady(20_000);
    await app.waitForTray();
    const tray = await app.tray();
    expect(tray?.image.empty).toBe(false);
    expect(tray?.menu?.length).toBeGreaterThan(0);

    const win = await app.firstWindow(20_000);
    await win.page.waitForURL(/out\/renderer\/index\.html$/);
    await win.page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);

    // What Electron's sandboxed preload would make of the built bundle: the first require outside the list fails.
    const required = [...readFileSync(PRELOAD, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);
    const outside = required.find((name) => !SANDBOX_MODULES.has(name));
    const api = await win.page.evaluate(() => typeof (window as unknown as { parrotTray?: unknown }).parrotTray);
    if (outside) {
      await app.waitForEvent('preload-error');
      expect(app.stderr).toContain(`Unable to load preload script: ${PRELOAD}`);
      expect(app.stderr).toContain(`Error: module not found: ${outside}`);
      expect(api).toBe('undefined');
    } else {
      expect(app.eventsOf('preload-error')).toEqual([]);
      expect(api).toBe('object');
    }
    expect(app.eventsOf('uncaught-exception')).toEqual([]);
    expect(await app.quit()).toBe(0);
  }, 60_000);
});
