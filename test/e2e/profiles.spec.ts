// Two tenants at once in the web preview (issue 14), wired as `parrot-tray web --data DIR` wires
// them: one ProfileHub over two demo backends with their own tokens and overlapping session ids.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { DemoBackend } from '../../src/main/core/demo/server';
import { silentLogger } from '../../src/main/core/log';
import type { ProfileHub } from '../../src/main/core/profiles/profile-hub';
import type { ProfileSpec } from '../../src/main/core/profiles/profile-member';
import { startProfiles } from '../../src/main/core/runtime/start-profiles';
import { WebPreviewServer } from '../../src/main/web/web-server';
import type { Session } from '../../src/shared/protocol';

interface TwoTenants {
  url: string;
  acme: DemoBackend;
  globex: DemoBackend;
  hub: ProfileHub;
  specs: ProfileSpec[];
}

const RENDERER = resolve(import.meta.dirname, '../../out/web');
const shots = process.env.SCREENSHOTS === '1' ? 'docs' : 'test-results/screenshots';

const test = base.extend<{ tenants: TwoTenants }>({
  tenants: async ({}, use) => {
    const acme = new DemoBackend({ token: 'acme-token', seed: 1, sessions: 40, rate: 0 });
    const globex = new DemoBackend({ token: 'globex-token', seed: 2, sessions: 40, rate: 0 });
    const root = mkdtempSync(join(tmpdir(), 'parrot-e2e-profiles-'));
    const spec = (id: string, name: string, backendUrl: string, token: string): ProfileSpec => ({ id, name, color: null, notify: null, backendUrl, token, dataDir: join(root, 'profiles', id) });
    const specs = [spec('acme-corp', 'Acme Corp', await acme.start(), 'acme-token'), spec('globex', 'Globex', await globex.start(), 'wrong-token')];
    const hub = await startProfiles(specs, { logger: silentLogger, cacheRoot: root });
    const server = new WebPreviewServer(RENDERER, hub);
    const url = await server.listen(0);
    await use({ url, acme, globex, hub, specs });
    await server.close();
    await hub.close();
    await acme.stop();
    await globex.stop();
    rmSync(root, { recursive: true, force: true });
  },
});

const sharedWaiting = (t: TwoTenants): Session => t.acme.tenant.all().find((s) => s.checkpoint && t.globex.tenant.get(s.id) && t.globex.tenant.get(s.id)!.title !== s.title)!;

test('two tenants in one Command Center: labelled rows, one named as needing sign-in, approvals routed by profile', async ({ page, tenants }) => {
  await page.setViewportSize({ width: 380, height: 600 });
  await page.goto(tenants.url);
  // Globex's token is wrong: it is named, and Acme's rows are live beside it.
  await expect(page.getByText(/Globex: sign-in needed/).first()).toBeVisible();
  const needsYou = page.getByRole('list', { name: /^Needs you/ }).getByRole('listitem');
  await expect(needsYou.filter({ hasText: 'profile Acme Corp' }).first()).toBeVisible();
  await page.screenshot({ path: `${shots}/profiles-popover-signin.png` });

  // The right token: Globex joins, its rows labelled too.
  await tenants.hub.setProfiles([tenants.specs[0]!, { ...tenants.specs[1]!, token: 'globex-token' }]);
  await expect(page.getByText(/Globex: sign-in needed/)).toHaveCount(0);
  await expect(needsYou.filter({ hasText: 'profile Globex' }).first()).toBeVisible();
  await page.screenshot({ path: `${shots}/profiles-popover.png` });

  const shared = sharedWaiting(tenants);
  expect(shared, 'the two seeds share no waiting session id').toBeTruthy();
  const theirs = tenants.globex.tenant.get(shared.id)!;
  await needsYou.filter({ hasText: 'profile Acme Corp' }).filter({ hasText: shared.title }).getByRole('button', { name: /^Approve/ }).click();
  await expect.poll(() => tenants.acme.tenant.decisionOf(shared.checkpoint!.id)?.decision).toBe('approved');
  expect(tenants.globex.tenant.get(shared.id)).toEqual(theirs);
});

test('the Sessions page filters by profile; a stopped backend stays browsable; a removed profile leaves with its cache', async ({ page, tenants }) => {
  await tenants.hub.setProfiles([tenants.specs[0]!, { ...tenants.specs[1]!, token: 'globex-token' }]);
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.goto(tenants.url);
  await page.getByRole('button', { name: 'All sessions' }).click();
  const total = tenants.acme.tenant.size + tenants.globex.tenant.size;
  await expect(page.getByText(`${total} sessions`)).toBeVisible();
  await page.getByLabel('Profile').selectOption({ label: 'Globex' });
  await expect(page.locator('[data-profile-chip]').filter({ hasText: 'Acme Corp' })).toHaveCount(0);
  await expect(page.locator('[data-profile-chip]').filter({ hasText: 'Globex' }).first()).toBeVisible();
  await page.screenshot({ path: `${shots}/profiles-sessions.png` });

  await tenants.globex.stop();
  await expect(page.getByText(/Globex: offline/).first()).toBeVisible({ timeout: 15_000 });
  const one = tenants.globex.tenant.all().find((s) => s.kind === 'flow_run')!;
  await page.getByLabel('Search sessions').fill(one.title);
  await page.getByRole('button', { name: `Open ${one.title}` }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: one.title })).toBeVisible();

  await tenants.hub.setProfiles([tenants.specs[0]!]);
  expect(existsSync(tenants.specs[1]!.dataDir)).toBe(false);
  await expect(page.locator('[data-profile-chip]')).toHaveCount(0);
});
