// Self-update (issue 15, item 1): the built app through the Electron stand-in, against
// electron-updater's generic feed served on loopback. The app runs from source, so it updates only
// because the test names a feed (PARROT_TRAY_UPDATE_FEED) and an installed AppImage (APPIMAGE),
// as an AppImage install would have one.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { launch, type StandinApp } from '../electron-standin/driver';
import { UpdateFeed } from '../support/update-feed';

test.describe.configure({ timeout: 90_000 });

let app: StandinApp | null = null;
let feed: UpdateFeed | null = null;
let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parrot-update-'));
});
test.afterEach(async () => {
  await app?.close();
  await feed?.stop();
  app = null;
  feed = null;
  rmSync(dir, { recursive: true, force: true });
});

/** The installed "AppImage" (no version in its name: the update replaces it in place). */
function installed(): string {
  const path = join(dir, 'Parrot-Tray.AppImage');
  writeFileSync(path, '#!/bin/sh\nexit 0\n');
  chmodSync(path, 0o755);
  return path;
}

const start = (feedUrl: string, appImage: string, userData?: string) => launch({ argv: ['--show-popover'], env: { PARROT_TRAY_UPDATE_FEED: feedUrl, APPIMAGE: appImage }, ...(userData ? { userData } : {}) });
/** The app on this feed, its window opened on Settings, where the update says how it stands. */
async function settingsOn(feedUrl: string): Promise<Page> {
  app = start(feedUrl, installed());
  await app.waitForReady(20_000);
  const { page } = await app.firstWindow(20_000);
  await page.getByRole('button', { name: 'Settings' }).click();
  return page;
}
const menuLabels = async (a: StandinApp) => JSON.stringify((await a.tray())?.menu ?? []);

test('finds v9.9.9 on the feed, downloads it, offers "Restart to update", and installs it on restart', async () => {
  const marker = join(dir, 'new-version-ran');
  const userData = join(dir, 'user-data');
  // The "new version" checks what a real one would need at start: the single-instance lock free.
  const lock = join(userData, 'SingletonLock');
  feed = await new UpdateFeed('release', '9.9.9', Buffer.from(`#!/bin/sh\nif [ -L '${lock}' ]; then echo lock-taken; else echo started; fi > '${marker}'\n`)).start();
  const appImage = installed();
  app = start(feed.url, appImage, userData);
  await app.waitForReady(20_000);
  const { page } = await app.firstWindow(20_000);

  const restart = page.getByRole('button', { name: 'Restart to update to v9.9.9' });
  await expect(restart).toBeVisible({ timeout: 30_000 });
  if (process.env.SCREENSHOTS) await page.screenshot({ path: 'docs/update-ready.png' });
  expect(await menuLabels(app)).toContain('Restart to update to v9.9.9');
  expect(feed.requests).toContain(`/${feed.fileName}`);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('checkbox', { name: 'Update automatically' })).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: 'Restart to update to v9.9.9' })).toBeVisible();
  await page.getByRole('button', { name: 'Restart now' }).click();

  // electron-updater puts the new AppImage in place of the old, starts it, and the app quits.
  await expect.poll(() => app!.running, { timeout: 20_000 }).toBe(false);
  expect(readFileSync(appImage, 'utf8')).toBe(feed.file.toString());
  await expect.poll(() => existsSync(marker), { timeout: 10_000 }).toBe(true);
  expect(readFileSync(marker, 'utf8')).toBe('started\n');
});

test('an update the installer refuses is said, and this version carries on with a new core', async () => {
  feed = await new UpdateFeed('release', '9.9.9', Buffer.from('#!/bin/sh\nexit 0\n')).start();
  // A path electron-updater will not replace (not absolute): it downloads, then refuses to install.
  app = start(feed.url, 'Parrot-Tray.AppImage');
  await app.waitForReady(20_000);
  const { page } = await app.firstWindow(20_000);
  await page.getByRole('button', { name: 'Restart to update to v9.9.9' }).click({ timeout: 30_000 });
  await expect(page.getByRole('alert').filter({ hasText: /^Could not update: this installation cannot update itself/ })).toBeVisible({ timeout: 20_000 });
  expect(app.running).toBe(true);
  await app.waitForEvent('utility-spawn', (e) => e.data.id === 2, 20_000);
  // The new core serves the window: the popover still lists sessions.
  await expect(page.getByRole('heading', { name: /Active Now/ })).toBeVisible();
  await expect(page.getByRole('listitem').first()).toBeVisible({ timeout: 20_000 });
});

test('a feed without release information is said in words, once: no retry storm', async () => {
  feed = await new UpdateFeed('missing', '9.9.9', Buffer.from('unused')).start();
  const page = await settingsOn(feed.url);
  const said = page.getByText('Update failed: the update feed has no release information (HTTP 404)');
  await expect(said).toBeVisible({ timeout: 30_000 });
  if (process.env.SCREENSHOTS) {
    await said.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'docs/update-failed.png' });
  }
  expect(await menuLabels(app!)).toContain('"Check for updates"');
  // The next automatic try is 15 minutes away; in the meantime nothing asks again.
  await page.waitForTimeout(3_000);
  expect(feed.channelRequests()).toBe(1);

  // The feed is mended and the person checks now: found and downloaded.
  feed.setMode('release');
  await app!.clickTrayMenuItem('Check for updates');
  await expect(page.getByRole('button', { name: 'Restart now' })).toBeVisible({ timeout: 30_000 });
  expect(feed.channelRequests()).toBe(2);
});

test('a feed that is not release information, or not there at all, gets a clear message', async () => {
  feed = await new UpdateFeed('garbage', '9.9.9', Buffer.from('unused')).start();
  const page = await settingsOn(feed.url);
  await expect(page.getByText(/^Update failed: the update feed's release information is not valid$/)).toBeVisible({ timeout: 30_000 });
  await app!.close();

  // A port nothing listens on: taken, then freed.
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  const second = await settingsOn(`http://127.0.0.1:${port}/`);
  await expect(second.getByText('Update failed: the update server refused the connection')).toBeVisible({ timeout: 30_000 });
  // Nothing in words leaks the machinery: no stack, no URL.
  expect(await second.getByRole('region', { name: 'Desktop app' }).innerText()).not.toMatch(/at .*\.js|127\.0\.0\.1/);
});
