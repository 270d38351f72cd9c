// Several backends in the built desktop app, through the Electron stand-in (issue 14). It starts
// from what a person had before profiles: a settings file with one backend and its encrypted token,
// and that backend's cache. Then a second tenant is added in Settings, and both show together.
import { createCipheriv, pbkdf2Sync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { Companion } from '../../src/main/core/companion';
import { findSecrets } from '../demo/gitleaks-subset';
import { DemoBackend } from '../../src/main/core/demo/server';
import type { Session } from '../../src/shared/protocol';
import { launch, type StandinApp } from '../electron-standin/driver';

const shots = process.env.SCREENSHOTS === '1' ? 'docs' : 'test-results/screenshots';
const ACME_TOKEN = 'e2e-acme-token-51c2';
const GLOBEX_TOKEN = 'e2e-globex-token-9d07';

test.describe.configure({ mode: 'serial', timeout: 90_000 });

let userData: string;
let acme: DemoBackend;
let globex: DemoBackend;
let app: StandinApp;
let page: Page;
const refused: string[] = [];

/**
 * What the stand-in's safeStorage writes with a keyring backend (Chromium's OSCrypt "v11":
 * AES-128-CBC under a key derived from the keyring's secret), so the settings file below is byte
 * for byte what the app before profiles saved.
 */
function keyringCiphertext(secret: string, text: string): string {
  const key = pbkdf2Sync(secret, 'saltysalt', 1, 16, 'sha1');
  const cipher = createCipheriv('aes-128-cbc', key, Buffer.alloc(16, ' '));
  return Buffer.concat([Buffer.from('v11'), cipher.update(text, 'utf8'), cipher.final()]).toString('base64');
}

const tooltip = async () => (await app.tray())?.toolTip ?? '';
const needsYouRows = () => page.getByRole('list', { name: /^Needs you/ }).getByRole('listitem');

test.beforeAll(async () => {
  userData = mkdtempSync(join(tmpdir(), 'parrot-profiles-'));
  // Two tenants whose demo seeds number their sessions alike: the same ids on both.
  acme = new DemoBackend({ token: ACME_TOKEN, seed: 1, sessions: 40, rate: 0 });
  globex = new DemoBackend({ token: GLOBEX_TOKEN, seed: 2, sessions: 40, rate: 0 });
  await acme.start();
  await globex.start();

  // The app before profiles: settings v1 with Acme's URL and token, and Acme's cache at cache/.
  const secret = 'standin-keyring-secret';
  writeFileSync(join(userData, '.standin-keyring'), secret, { mode: 0o600 });
  const encryptedToken = keyringCiphertext(secret, ACME_TOKEN);
  writeFileSync(
    join(userData, 'settings.json'),
    JSON.stringify({ schemaVersion: 1, backendUrl: acme.url, notify: { scope: 'all' }, openAtLogin: false, shortcut: 'CommandOrControl+Shift+Space', theme: 'system', tokenStorage: 'keychain', encryptedToken }),
  );
  const cacheDir = join(userData, 'cache');
  mkdirSync(cacheDir);
  const { companion } = Companion.open({ backendUrl: acme.url, token: ACME_TOKEN, dataDir: cacheDir });
  const caughtUp = new Promise<void>((r) => companion.once('caughtUp', () => r()));
  companion.start();
  await caughtUp;
  companion.close();
});

test.afterAll(async () => {
  await app?.close();
  await acme.stop();
  await globex.stop();
  rmSync(userData, { recursive: true, force: true });
});

test('a settings file and cache from before profiles open as one profile, its token intact', async () => {
  const before = JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')) as { encryptedToken: string };
  app = launch({ userData, safeStorageBackend: 'gnome_libsecret' });
  await app.waitForReady(20_000);
  // Live on Acme with the saved token: nothing was asked again.
  await expect.poll(tooltip, { timeout: 20_000 }).toMatch(/^Parrot Tray — \d+ needs? you/);
  const settings = JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')) as { schemaVersion: number; profiles: Array<{ id: string; backendUrl: string; encryptedToken: string }> };
  expect(settings.schemaVersion).toBe(2);
  expect(settings.profiles).toHaveLength(1);
  expect(settings.profiles[0]).toMatchObject({ backendUrl: acme.url, encryptedToken: before.encryptedToken });
  // The cache moved into the profile's folder: what was synced is still there.
  expect(existsSync(join(userData, 'cache', 'cache.sqlite'))).toBe(false);
  expect(existsSync(join(userData, 'cache', 'profiles', settings.profiles[0]!.id, 'cache.sqlite'))).toBe(true);
  await app.clickTray();
  page = (await app.firstWindow(20_000)).page;
  // Whatever the app's page does through this suite, its CSP (connect-src 'none', no inline
  // styles) must refuse none of it: Chromium logs each refusal to the console.
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  await expect(page.getByRole('heading', { name: /Active Now/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Demo data')).toHaveCount(0);
  // One profile: no labels to tell tenants apart.
  await expect(page.locator('[data-profile-chip]')).toHaveCount(0);
});

test('a second tenant added in Settings shows beside the first, every row labelled', async () => {
  await app.clickTrayMenuItem('Settings…');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  const add = page.getByRole('form', { name: 'Add a profile' });
  await add.getByLabel('Name (optional)').fill('Globex');
  await add.getByLabel('Backend URL').fill(globex.url);
  await add.getByLabel('Sign-in token').fill(GLOBEX_TOKEN);
  await add.getByRole('button', { name: 'Add profile' }).click();
  await expect(page.getByRole('list', { name: 'Profiles' }).getByRole('listitem')).toHaveCount(2);
  await expect.poll(tooltip, { timeout: 20_000 }).not.toMatch(/sign-in needed|connecting|offline/);
  await page.getByRole('heading', { name: 'Profiles' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/profiles-settings.png` });

  await app.clickTrayMenuItem('Open Command Center');
  await expect(page.getByRole('heading', { name: /Active Now/ })).toBeVisible();
  // Needs you counts every checkpoint of both tenants (and the person's fresh failures in each).
  const waiting = [...acme.tenant.all(), ...globex.tenant.all()].filter((s) => s.checkpoint).length;
  const count = async () => Number((await page.getByRole('heading', { name: /^Needs you/ }).textContent())!.replace(/\D/g, ''));
  await expect.poll(count, { timeout: 20_000 }).toBeGreaterThanOrEqual(waiting);
  // Both tenants' rows, each carrying its profile's name ("Acme" is the tenant's own name).
  await expect(needsYouRows().filter({ hasText: 'profile Globex' }).first()).toBeVisible();
  await expect(needsYouRows().filter({ hasText: 'profile Acme' }).first()).toBeVisible();
});

test('an approval lands only on its own backend, though both tenants have a session with that id', async () => {
  const shared = acme.tenant.all().find((s) => s.checkpoint && globex.tenant.get(s.id) && s.title !== globex.tenant.get(s.id)!.title) as Session;
  expect(shared, 'the two seeds share no waiting session id').toBeTruthy();
  const theirs = globex.tenant.get(shared.id)!;
  const row = needsYouRows().filter({ hasText: 'profile Acme' }).filter({ hasText: shared.title });
  await row.getByRole('button', { name: /^Approve/ }).click();
  await expect.poll(() => acme.tenant.decisionOf(shared.checkpoint!.id)?.decision).toBe('approved');
  expect(globex.tenant.get(shared.id)).toEqual(theirs);
});

test('one backend refusing its token shows "sign-in needed" for that profile while the other stays live', async () => {
  await app.clickTrayMenuItem('Settings…');
  const globexItem = page.getByRole('list', { name: 'Profiles' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Globex' }) });
  await globexItem.getByLabel('Replace token').fill('not-the-token');
  await globexItem.getByRole('button', { name: /^Save changes/ }).click();
  await expect.poll(tooltip, { timeout: 20_000 }).toContain('Globex: sign-in needed');
  // Acme is still live: an approval from the popover reaches its backend.
  await app.clickTrayMenuItem('Open Command Center');
  const next = acme.tenant.all().find((s) => s.checkpoint && !acme.tenant.decisionOf(s.checkpoint.id))!;
  await needsYouRows().filter({ hasText: 'profile Acme' }).filter({ hasText: next.title }).getByRole('button', { name: /^Approve/ }).click();
  await expect.poll(() => acme.tenant.decisionOf(next.checkpoint!.id)?.decision).toBe('approved');
  await expect(page.getByText(/Globex: sign-in needed/).first()).toBeVisible();

  await app.clickTrayMenuItem('Settings…');
  await globexItem.getByLabel('Replace token').fill(GLOBEX_TOKEN);
  await globexItem.getByRole('button', { name: /^Save changes/ }).click();
  await expect.poll(tooltip, { timeout: 20_000 }).not.toMatch(/sign-in needed/);
});

test("stopping one backend leaves the other's rows live, and the stopped one's browsable from its cache", async () => {
  await globex.stop();
  await expect.poll(tooltip, { timeout: 20_000 }).toContain('Globex: offline');
  await app.clickTrayMenuItem('Sessions');
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
  await page.getByLabel('Profile').selectOption({ label: 'Globex' });
  const one = globex.tenant.all().find((s) => s.kind === 'chat')!;
  await page.getByLabel('Search sessions').fill(one.title);
  await page.getByRole('button', { name: `Open ${one.title}` }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: one.title })).toBeVisible();
  await expect(page.getByText('profile Globex').first()).toBeVisible();
});

test('"Report a problem…" saves a bundle where the person chose, with no token or session content, and shows it', async () => {
  // Cancelled: nothing is written, nothing is said.
  await app.answerSaveDialog(null);
  await app.clickTrayMenuItem('Report a problem…');
  await expect.poll(() => app.saveDialogs.length).toBe(1);
  const out = join(userData, 'my-report.json');
  await app.answerSaveDialog(out);
  await app.clickTrayMenuItem('Report a problem…');
  await expect.poll(() => app.shownInFolder).toEqual([out]);
  expect(app.saveDialogs[1]!.options).toMatchObject({ title: 'Save a problem report', filters: [{ name: 'Problem report', extensions: ['json'] }] });
  const text = readFileSync(out, 'utf8');
  expect(findSecrets(text)).toEqual([]);
  for (const secret of [ACME_TOKEN, GLOBEX_TOKEN, 'not-the-token']) expect(text).not.toContain(secret);
  for (const s of [...acme.tenant.all(), ...globex.tenant.all()]) expect(text).not.toContain(s.title);
  const bundle = JSON.parse(text) as { caches: Array<{ profile: string; sessions: { total: number } }>; logs: string[]; settings: { app: { profiles: unknown[] } } };
  expect(bundle.caches.map((c) => c.sessions.total)).toEqual([acme.tenant.size, globex.tenant.size]);
  expect(bundle.settings.app.profiles).toHaveLength(2);
  expect(bundle.logs.length).toBeGreaterThan(0);
  // Crash dumps are kept on this computer only: the crash reporter uploads nothing.
  expect(app.eventsOf('crash-reporter').map((e) => (e.data.options as { uploadToServer: boolean }).uploadToServer)).toEqual([false]);
  expect((JSON.parse(text) as { settings: { crashDumps: number } }).settings.crashDumps).toBe(0);
});

test('removing a profile in Settings removes its rows and its cache', async () => {
  const globexId = readdirSync(join(userData, 'cache', 'profiles')).find((d) => d.startsWith('globex'))!;
  expect(globexId).toBeTruthy();
  await app.clickTrayMenuItem('Settings…');
  const globexItem = page.getByRole('list', { name: 'Profiles' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Globex' }) });
  await globexItem.getByRole('button', { name: /^Remove/ }).click();
  await page.getByRole('dialog', { name: 'Remove Globex?' }).getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('list', { name: 'Profiles' }).getByRole('listitem')).toHaveCount(1);
  await expect.poll(() => existsSync(join(userData, 'cache', 'profiles', globexId))).toBe(false);
  await expect.poll(tooltip, { timeout: 20_000 }).not.toContain('Globex');
  await app.clickTrayMenuItem('Open Command Center');
  await expect(page.locator('[data-profile-chip]')).toHaveCount(0);
  const settings = readFileSync(join(userData, 'settings.json'), 'latin1');
  expect(settings).not.toContain(GLOBEX_TOKEN);
  expect(settings).not.toContain(ACME_TOKEN);
  expect(app.eventsOf('uncaught-exception')).toEqual([]);
  expect(refused).toEqual([]);
});
