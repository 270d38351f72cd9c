// The README's pictures of the app itself, from the built app's own window through the Electron
// stand-in (the same file:// page, CSP and preload Electron would load). Every e2e run takes them
// (into test-results/); `SCREENSHOTS=1 npm run test:e2e` writes them to docs/.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { launch, type StandinApp } from '../electron-standin/driver';

// Runs inside the page (page.evaluate); tsconfig.node.json has no DOM lib.
declare const matchMedia: (query: string) => { matches: boolean };

const dir = process.env.SCREENSHOTS === '1' ? 'docs' : 'test-results/screenshots';

test.describe.configure({ mode: 'serial', timeout: 60_000 });

let userData: string;
let app: StandinApp;
let page: Page;

test.beforeAll(async () => {
  userData = mkdtempSync(join(tmpdir(), 'parrot-shots-'));
  app = launch({ userData, safeStorageBackend: 'gnome_libsecret' });
  await app.waitForReady(20_000);
  await app.clickTray();
  page = (await app.firstWindow(20_000)).page;
  await expect(page.getByRole('heading', { name: /Active Now/ })).toBeVisible({ timeout: 20_000 });
});

test.afterAll(async () => {
  await app?.close();
  rmSync(userData, { recursive: true, force: true });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the popover from the tray, ${scheme}`, async () => {
    await app.setSystemDark(scheme === 'dark');
    await expect.poll(() => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    await expect(page.getByRole('button', { name: /^Approve/ }).first()).toBeVisible();
    await page.screenshot({ path: `${dir}/popover-${scheme}.png` });
  });
}

test('a flow run waiting at a checkpoint', async () => {
  await app.setSystemDark(false);
  // A flow run's row says its step ("Step 2 of 5"); tasks count turns.
  const row = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Approve/ }) }).filter({ hasText: /Step \d+ of \d+/ }).first();
  await row.getByRole('button', { name: /^Open / }).first().click();
  await expect(page.getByRole('heading', { name: 'Run details' })).toBeVisible();
  await expect(page.getByText(/entries/).first()).toBeVisible();
  await page.screenshot({ path: `${dir}/detail-flow-run.png` });
});

test('Settings from the tray menu', async () => {
  await app.clickTrayMenuItem('Settings…');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Add a profile' }).getByLabel('Backend URL')).toBeVisible();
  await page.screenshot({ path: `${dir}/settings.png` });
});
