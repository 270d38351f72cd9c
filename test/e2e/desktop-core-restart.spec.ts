// The core runs out of Electron's main process, in a utilityProcess (issue 12, item 1): the built
// app through the Electron stand-in, whose utility processes are real Node children. The core is
// killed from outside, as a native crash would end it; the shell must start a new one, hand the
// window a new MessagePort, and say what happened, while the tray keeps working throughout.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { launch, type StandinApp } from '../electron-standin/driver';

test.describe.configure({ timeout: 90_000 });

let app: StandinApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

/** The shared libraries a live process has mapped: a loaded native addon shows up here. */
const mapped = (pid: number) => readFileSync(`/proc/${pid}/maps`, 'utf8');
const tooltip = async (a: StandinApp) => (await a.tray())?.toolTip ?? '';

/** Approves the first row offering it and waits for that row to stop offering it: a call and a live query, both over the port. */
async function approveOneRow(page: Page) {
  const approve = page.getByRole('button', { name: /^Approve/ }).first();
  await expect(approve).toBeVisible({ timeout: 20_000 });
  const row = page.getByRole('listitem').filter({ has: approve }).first();
  const title = (await row.getByRole('button', { name: /^Open / }).first().textContent())!;
  await approve.click();
  await expect(page.getByRole('listitem').filter({ hasText: title }).getByRole('button', { name: /^Approve/ })).toHaveCount(0);
}

test('the core runs in its own process; killed, it is started again, and the window and the tray carry on', async () => {
  app = launch({ argv: ['--show-popover'] });
  await app.waitForReady(20_000);
  await app.waitForEvent('utility-spawn', undefined, 20_000);
  const [core] = await app.utilityProcesses();
  expect(core).toMatchObject({ id: 1, alive: true, serviceName: 'Parrot Tray core' });
  expect(core!.modulePath).toMatch(/out\/main\/core\.js$/);

  const { page } = await app.firstWindow(20_000);
  await expect(page.getByText('Demo data')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: /Active Now/ })).toBeVisible();
  await expect.poll(() => tooltip(app!), { timeout: 20_000 }).toMatch(/^Parrot Tray \(demo data\) — /);

  // SQLite lives in the core: its native addon is loaded there, never in Electron's main process.
  expect(mapped(core!.pid!)).toContain('better_sqlite3.node');
  expect(mapped(app.child.pid!)).not.toContain('better_sqlite3.node');
  // The window talks to the core over its own port, one end in the page, one in the core.
  const ports = await app.messagePorts();
  expect(ports.open[`utility:${core!.id}`]).toBe(1);
  expect(Object.entries(ports.open).filter(([where, n]) => where.startsWith('page:') && n > 0)).toHaveLength(1);
  await expect(page.locator('.core-restart-notice')).toHaveCount(0);

  // A crash: the core is killed from outside, not asked to stop.
  await app.killUtilityProcess(core!.id);
  await app.waitForEvent('utility-exit', (e) => e.data.id === core!.id);
  const respawn = await app.waitForEvent('utility-spawn', (e) => e.data.id === 2, 20_000);
  expect(respawn.data.serviceName).toBe('Parrot Tray core');
  // stderr is a pipe of its own: the line may land after the stand-in's event.
  await expect.poll(() => app!.stderr.some((l) => /core: exited with code 9; starting it again in 1000 ms/.test(l))).toBe(true);

  // The same page, with a new port: it says what happened and shows live rows again.
  await expect(page.locator('.core-restart-notice')).toContainText("Parrot Tray's background service stopped (exited with code 9) and was restarted at", { timeout: 20_000 });
  await approveOneRow(page);
  const after = await app.messagePorts();
  expect(after.open['utility:2']).toBe(1);
  expect(after.open[`utility:${core!.id}`] ?? 0).toBe(0);

  // The tray carries on: it is fed by the new core, and its menu still drives the window.
  await expect.poll(() => tooltip(app!), { timeout: 20_000 }).toMatch(/^Parrot Tray \(demo data\) — (\d+ needs? you|\d+ active|nothing running)/);
  await app.clickTrayMenuItem('Sessions');
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
  expect(app.eventsOf('uncaught-exception')).toEqual([]);

  // Quit still stops the (new) core cleanly: it exits on its own, with code 0, not killed.
  await app.clickTrayMenuItem('Quit Parrot Tray');
  expect((await app.exited).code).toBe(0);
  const exits = app.eventsOf('utility-exit').filter((e) => e.data.id === 2);
  expect(exits.map((e) => e.data.code)).toEqual([0]);
});

test('a settings file that cannot be read is kept aside, and the person is told where, not only the log', async () => {
  const userData = mkdtempSync(join(tmpdir(), 'parrot-settings-damaged-'));
  try {
    writeFileSync(join(userData, 'settings.json'), '{"profiles": [ this is not JSON');
    app = launch({ userData });
    await app.waitForReady(20_000);
    await expect.poll(async () => (await app!.notifications()).find((n) => n.title === 'Parrot Tray settings')?.body ?? '', { timeout: 20_000 }).toMatch(/^the settings file could not be read and started again from the defaults; the old one was kept as settings\.json\.unreadable-/);
    expect(readdirSync(userData).filter((f) => f.startsWith('settings.json.unreadable-'))).toHaveLength(1);
  } finally {
    await app?.close();
    app = null;
    rmSync(userData, { recursive: true, force: true });
  }
});
