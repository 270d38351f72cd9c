// The built desktop app (out/main, out/preload, out/renderer) end to end through the Electron
// stand-in: main on Node with `electron` resolved to the stand-in, its windows real Chromium pages,
// the preload under the sandbox's rules. One person's journey, in order: a first start on demo
// data, the tray and its popover, an approval, Settings onto a real backend, notifications, a
// deep link, sleep and wake, quit, and a cold start from a link.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { DemoBackend } from '../../src/main/core/demo/server';
import { WRITER_OPEN_KEY } from '../../src/main/core/cache/meta';
import { DEMO_USER } from '../../src/main/core/demo/content/people';
import { ACTION_APPROVE } from '../../src/main/shell/notifications/notification-map';
import type { FlowRunSession } from '../../src/shared/protocol';
import { launch, type LaunchOptions, type StandinApp } from '../electron-standin/driver';

const TOKEN = 'e2e-desktop-token-7f3a9c';
// A second display to the right of the primary, with a taller panel: the popover must land in
// the work area of the display the tray icon (here: the cursor, as on Linux) is on.
const DISPLAYS = [
  { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
  { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 1024 }, workArea: { x: 1920, y: 32, width: 1280, height: 992 } },
];
const SECOND = DISPLAYS[1]!.workArea;
/** On Windows the icon has bounds: here at the top right of the second display's panel. */
const TRAY_ON_SECOND = { x: SECOND.x + SECOND.width - 60, y: 4, width: 24, height: 24 };

test.describe.configure({ mode: 'serial', timeout: 90_000 });

let userData: string;
let backend: DemoBackend;
let app: StandinApp | null = null;
const options = (): LaunchOptions => ({ userData, displays: DISPLAYS, safeStorageBackend: 'gnome_libsecret' });
const asWindows = (): LaunchOptions => ({ ...options(), platform: 'win32', trayBounds: TRAY_ON_SECOND });

test.beforeAll(async () => {
  userData = mkdtempSync(join(tmpdir(), 'parrot-desktop-'));
  backend = new DemoBackend({ token: TOKEN, seed: 3, sessions: 40, rate: 0 });
  await backend.start();
});

test.afterAll(async () => {
  await app?.close();
  await backend.stop();
  rmSync(userData, { recursive: true, force: true });
});

async function popover(a: StandinApp): Promise<{ id: number; page: Page }> {
  const win = await a.firstWindow(20_000);
  return { id: win.id, page: win.page };
}

function expectInside(bounds: { x: number; y: number; width: number; height: number }, area: typeof SECOND) {
  expect(bounds.x).toBeGreaterThanOrEqual(area.x);
  expect(bounds.y).toBeGreaterThanOrEqual(area.y);
  expect(bounds.x + bounds.width).toBeLessThanOrEqual(area.x + area.width);
  expect(bounds.y + bounds.height).toBeLessThanOrEqual(area.y + area.height);
}

async function visibleWindow(a: StandinApp) {
  await expect.poll(async () => (await a.windows()).find((w) => w.visible) ?? null).not.toBeNull();
  return (await a.windows()).find((w) => w.visible)!;
}

const tooltip = async (a: StandinApp) => (await a.tray())?.toolTip ?? '';

/** A flow run of the signed-in person, paused now at a new checkpoint. */
function pauseForApproval(checkpointId: string, prompt: string): FlowRunSession {
  // A running one when the seed has one; any other of theirs is set paused all the same.
  const mine = backend.tenant.all().filter((s): s is FlowRunSession => s.kind === 'flow_run' && s.owner.id === DEMO_USER.id && !s.checkpoint);
  const run = mine.find((s) => s.status === 'running') ?? mine[0];
  if (!run) throw new Error('the seeded tenant has no flow run of the demo user');
  const paused = backend.tenant.upsert({ ...run, status: 'paused', checkpoint: { id: checkpointId, step: 'Deploy', prompt, requestedAt: new Date().toISOString() } }) as FlowRunSession;
  backend.tenant.flush();
  return paused;
}

test('a first start with no backend runs on demo data, in the tray, and approves from the popover', async () => {
  app = launch(options());
  await app.waitForReady(20_000);
  await app.waitForTray();
  await expect.poll(() => tooltip(app!), { timeout: 20_000 }).toMatch(/^Parrot Tray \(demo data\) — \d+ needs? you, \d+ active$/);
  expect((await app.tray())!.image.path).toMatch(/resources\/icons\/approvals-(light|dark)\.png$/);

  // Starts hidden; a tray click on the second display opens it inside that display's work area.
  const { id, page } = await popover(app);
  expect((await app.windows()).find((w) => w.id === id)!.visible).toBe(false);
  await app.setCursor({ x: SECOND.x + SECOND.width - 40, y: SECOND.y + SECOND.height - 10 });
  await app.clickTray();
  const shown = await visibleWindow(app);
  expectInside(shown.bounds, SECOND);
  // Served from the app's own scheme (security checklist 18), which is what the sender check trusts.
  expect(shown.url).toBe('parrot-tray://app/index.html');

  await expect(page.getByText('Demo data')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Active Now/ })).toBeVisible();
  // One count everywhere: the tray's tooltip, the header and the Needs-you heading (issue 13).
  const needing = Number((await page.getByRole('heading', { name: /^Needs you/ }).textContent())!.replace(/\D/g, ''));
  expect(needing).toBeGreaterThan(0);
  await expect(page.locator('.approvals')).toHaveText(`${needing} ${needing === 1 ? 'needs' : 'need'} you`);
  expect(await tooltip(app)).toContain(`— ${needing} ${needing === 1 ? 'needs' : 'need'} you,`);
  // A new API method through the sandboxed preload and the core's MessagePort: a reminder in 1 h.
  const waitingRows = page.getByRole('list', { name: /^Needs you/ }).getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Approve/ }) });
  await waitingRows.last().getByRole('button', { name: /^More actions/ }).click();
  // Placed, then shown: a click while it is still hidden would scroll the list, which closes it.
  await expect(page.getByRole('menu')).toBeVisible();
  await page.getByRole('menuitem', { name: /^Remind me in 1 h/ }).click();
  await expect(waitingRows.last().getByText('Reminder set: this checkpoint notifies you again in 1 h')).toBeVisible();
  const row = waitingRows.first();
  const approve = row.getByRole('button', { name: /^Approve/ });
  await expect(approve).toBeVisible();
  const title = (await row.getByRole('button', { name: /^Open / }).first().textContent())!;
  await approve.click();
  await expect(page.getByRole('listitem').filter({ hasText: title }).getByRole('button', { name: /^Approve/ })).toHaveCount(0);
  expect(app.eventsOf('preload-error')).toEqual([]);
  expect(app.eventsOf('uncaught-exception')).toEqual([]);
  // The page may not navigate away: the navigation lock holds it on the app's page.
  await page.evaluate(() => void ((globalThis as unknown as { location: { href: string } }).location.href = 'https://evil.example/'));
  await expect(page.getByRole('heading', { name: /Active Now/ })).toBeVisible();
  expect((await app.windows()).find((w) => w.id === id)!.url).toBe('parrot-tray://app/index.html');
});

test('Settings adds a profile for a real backend and the app follows at once; the token goes to safeStorage, never to disk in clear', async () => {
  const first = app!;
  await first.clickTrayMenuItem('Settings…');
  const { page } = await popover(first);
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByText('No backend yet: Parrot Tray shows demo data.')).toBeVisible();
  const add = page.getByRole('form', { name: 'Add a profile' });
  await add.getByLabel('Backend URL').fill(backend.url);
  await add.getByRole('button', { name: 'Add profile' }).click();
  // A token is required: said in words, nothing sent, nothing lost from the form.
  await expect(add.getByText('a profile needs its sign-in token')).toBeVisible();
  await expect(add.getByLabel('Backend URL')).toHaveValue(backend.url);
  await add.getByLabel('Sign-in token').fill(TOKEN);
  await add.getByRole('button', { name: 'Add profile' }).click();
  // No relaunch: the core starts the profile, and the demo profile and its cache go.
  await expect(page.getByRole('list', { name: 'Profiles' }).getByRole('listitem')).toHaveCount(1);
  await expect.poll(() => tooltip(first), { timeout: 20_000 }).toMatch(/^Parrot Tray — /);
  await expect.poll(() => tooltip(first), { timeout: 20_000 }).not.toMatch(/sign-in needed|demo data|connecting/);
  expect(first.relaunchRequests).toEqual([]);
  await expect.poll(() => readdirSync(join(userData, 'cache', 'profiles'))).not.toContain('demo');

  for (const file of readdirSync(userData, { recursive: true, encoding: 'utf8' })) {
    if (/\.(json|sqlite|sqlite-wal|log)$/.test(file)) expect(readFileSync(join(userData, file), 'latin1'), file).not.toContain(TOKEN);
  }
  expect(first.stdout.join('\n') + first.stderr.join('\n')).not.toContain(TOKEN);

  // Started again (as Windows, whose notifications carry actions): the token comes back from safeStorage.
  await first.quit();
  await first.close();
  app = launch(asWindows());
  await app.waitForReady(20_000);
  await expect.poll(() => tooltip(app!), { timeout: 20_000 }).toMatch(/^Parrot Tray — \d+ needs? you/);
});

test('on Windows a tray click opens the popover at the icon, inside its display', async () => {
  const a = app!;
  await a.windowAction((await popover(a)).id, 'hide');
  // Hiding blurs it, and a tray click right after a blur reads as "close" (the popover's rule).
  await new Promise((r) => setTimeout(r, 400));
  await a.clickTray();
  const shown = await visibleWindow(a);
  expectInside(shown.bounds, SECOND);
  // Beside the icon: the popover spans the icon's column (or is pushed in by the display's edge).
  expect(shown.bounds.x).toBeLessThanOrEqual(TRAY_ON_SECOND.x + TRAY_ON_SECOND.width);
  expect(shown.bounds.x + shown.bounds.width).toBeGreaterThanOrEqual(TRAY_ON_SECOND.x);
  expect(shown.bounds.y).toBeLessThan(SECOND.y + 50);
});

test('a checkpoint for the signed-in person raises one notification; its click opens the session, its Approve approves', async () => {
  const a = app!;
  const before = (await a.notifications()).length;
  const first = pauseForApproval('cp_e2e_click', 'Ship the click build?');
  await expect.poll(async () => (await a.notifications()).filter((n) => n.body.includes(first.title) || n.title.includes(first.title))).toHaveLength(1);
  const notification = (await a.notifications()).find((n) => n.title.includes(first.title) || n.body.includes(first.title))!;
  expect((await a.notifications()).length).toBe(before + 1);
  // An approval plays the system sound (the default), and offers a reminder in an hour (issue 13).
  expect(notification.silent).toBe(false);
  expect((notification.actions as Array<{ text: string }>).map((x) => x.text)).toContain('Remind me in 1 h');
  await a.clickNotification(notification.id);
  const shown = await visibleWindow(a);
  await expect(shown.page.getByRole('heading', { level: 1, name: first.title })).toBeVisible();
  expect(a.droppedSends).toEqual([]);

  const second = pauseForApproval('cp_e2e_action', 'Ship the action build?');
  await expect.poll(async () => (await a.notifications()).filter((n) => n.title.includes(second.title))).toHaveLength(1);
  const banner = (await a.notifications()).find((n) => n.title.includes(second.title))!;
  await a.pressNotificationAction(banner.id, ACTION_APPROVE);
  await expect.poll(() => backend.tenant.get(second.id)!.status).toBe('running');
  await expect.poll(async () => (await a.notifications()).some((n) => n.title === `Approved: ${second.title}`)).toBe(true);
  // The result banner is silent: only approvals and reminders make a sound.
  expect((await a.notifications()).find((n) => n.title === `Approved: ${second.title}`)!.silent).toBe(true);
});

test('a discoparrot:// link on a second instance opens that session in the running one', async () => {
  const a = app!;
  const target = backend.tenant.all().find((s) => s.kind === 'background_task')!;
  await a.windowAction((await popover(a)).id, 'hide');
  const second = await a.secondInstance([`discoparrot://session/${encodeURIComponent(target.id)}`], asWindows());
  expect(second.code).toBe(0);
  const shown = await visibleWindow(a);
  await expect(shown.page.getByRole('heading', { level: 1, name: target.title })).toBeVisible();
});

test('after resume it reconnects at once, without alerting again', async () => {
  const a = app!;
  const shownBefore = a.eventsOf('notification').length;
  const accepted = backend.acceptedCount;
  await a.emitPower('resume');
  await expect.poll(() => backend.acceptedCount, { timeout: 10_000 }).toBeGreaterThan(accepted);
  await expect.poll(() => tooltip(a)).not.toMatch(/connecting|offline/);
  // Give a re-alert every chance to happen before saying it did not.
  await new Promise((r) => setTimeout(r, 1500));
  expect(a.eventsOf('notification').length).toBe(shownBefore);
});

test('quit closes the database cleanly, and a cold start from a link opens that session', async () => {
  const a = app!;
  await a.clickTrayMenuItem('Quit Parrot Tray');
  expect((await a.exited).code).toBe(0);
  await a.close();
  // A kill -9 also passes integrity_check; a clean close is told by what it leaves: no write-ahead
  // log and no writer-open marker (the cache's crash check on the next start).
  const [profile] = readdirSync(join(userData, 'cache', 'profiles'));
  const cacheFile = join(userData, 'cache', 'profiles', profile!, 'cache.sqlite');
  expect(existsSync(`${cacheFile}-wal`)).toBe(false);
  const db = new Database(cacheFile, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT value FROM meta WHERE key = ?').get(WRITER_OPEN_KEY)).toBeUndefined();
  } finally {
    db.close();
  }

  // The link arrives before the page exists: the route is held until the page listens.
  const target = backend.tenant.all().find((s) => s.kind === 'chat')!;
  // The link names the session's profile, as the app's own links do (the old form is tested above).
  app = launch({ ...asWindows(), argv: [`discoparrot://session/${profile}/${encodeURIComponent(target.id)}`] });
  await app.waitForReady(20_000);
  const shown = await visibleWindow(app);
  await expect(shown.page.getByRole('heading', { level: 1, name: target.title })).toBeVisible({ timeout: 20_000 });
  expect(app.droppedSends.filter((d) => d.channel === 'parrot-tray:navigate')).toEqual([]);
});

test('a tray menu item chosen while the page is still loading is not lost', async () => {
  await app!.quit();
  await app!.close();
  app = launch(asWindows());
  // The tray exists before the popover's page has loaded: pick an item at once.
  await app.waitForTray(20_000);
  await app.clickTrayMenuItem('Sessions');
  const shown = await visibleWindow(app);
  await expect(shown.page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible({ timeout: 20_000 });
  expect(app.droppedSends.filter((d) => d.channel === 'parrot-tray:navigate')).toEqual([]);
});
