// What a person sees if the app's preload ever fails to load again (the bug where it required zod,
// which Electron's sandbox cannot load): the built app, copied with its preload broken that way,
// through the Electron stand-in. The window must say so in words, not "Connecting…" forever, and
// must not fall back to the web preview's transport.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO_ROOT, launch } from '../electron-standin/driver';

test('a window whose preload failed says so, and never reaches for another transport', async () => {
  const root = mkdtempSync(join(tmpdir(), 'parrot-broken-preload-'));
  try {
    cpSync(join(REPO_ROOT, 'out'), join(root, 'out'), { recursive: true });
    cpSync(join(REPO_ROOT, 'package.json'), join(root, 'package.json'));
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'));
    symlinkSync(join(REPO_ROOT, 'resources'), join(root, 'resources'));
    const preload = join(root, 'out/preload/index.cjs');
    writeFileSync(preload, `"use strict";\nrequire("zod");\n${readFileSync(preload, 'utf8')}`);

    const app = launch({ root, argv: ['--show-popover'] });
    try {
      await app.waitForReady(20_000);
      const { page } = await app.firstWindow(20_000);
      const sockets: string[] = [];
      page.on('websocket', (ws) => sockets.push(ws.url()));
      await expect(page.getByRole('alert')).toContainText("Parrot Tray can't load this window");
      await expect(page.getByRole('alert')).toContainText('Quit Parrot Tray from its tray menu and start it again');
      await expect(page.getByText('Connecting…')).toHaveCount(0);
      expect(app.stderr).toContain(`Unable to load preload script: ${preload}`);
      expect(app.stderr).toContain('Error: module not found: zod');
      expect(sockets).toEqual([]);
      await page.screenshot({ path: 'test-results/screenshots/bridge-missing.png' });
    } finally {
      await app.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
