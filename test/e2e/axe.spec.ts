import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Session } from '../../src/shared/protocol/session';
import { expect, test, type Preview } from './preview';

/**
 * axe-core over every view of the web preview, in the light and the dark theme (the theme is the
 * system's colour scheme, as in the desktop app where the setting drives nativeTheme). All of
 * axe's rules run, not only colour contrast, and any violation fails with what and where.
 * Motion is reduced so a pulsing skeleton or a hover transition cannot blur a measured colour.
 */
const SCHEMES = ['light', 'dark'] as const;

async function expectNoViolations(page: Page, view: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const lines = violations.flatMap((v) => [
    `${v.id} (${v.impact ?? 'no impact'}): ${v.help}`,
    ...v.nodes.map((n) => `    ${n.target.join(' ')}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`),
  ]);
  if (lines.length > 0) console.log(`axe violations in ${view}:\n${lines.join('\n')}`);
  expect(lines, `axe violations in ${view}`).toEqual([]);
}

async function open(page: Page, preview: Preview, scheme: (typeof SCHEMES)[number]): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  await page.goto(preview.url);
  // The scan is only worth something in the theme it claims to test.
  expect(await page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")).toBe(scheme === 'dark');
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
}

async function openDetail(page: Page, session: Session): Promise<void> {
  await page.getByRole('button', { name: 'All sessions' }).click();
  await page.getByLabel('Search sessions').fill(session.title);
  // Exact: a fan-out's children carry their parent's title and a "(part n)".
  await page.getByRole('button', { name: `Open ${session.title}`, exact: true }).first().click();
  await expect(page.getByRole('main', { name: session.title, exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Run details' })).toBeVisible();
  await expect(page.getByText(/entries/).first()).toBeVisible();
  await expect(page.getByTestId('transcript-scroll').locator('.transcript-item').first()).toBeVisible();
}

for (const scheme of SCHEMES) {
  test.describe(`axe-core finds no violation, ${scheme} theme`, () => {
    test('the popover (Command Center)', async ({ page, preview }) => {
      await open(page, preview, scheme);
      await expect(page.getByRole('button', { name: /^Approve/ }).first()).toBeVisible();
      await expectNoViolations(page, `the popover (${scheme})`);
    });

    test('the reject dialog', async ({ page, preview }) => {
      await open(page, preview, scheme);
      await page.getByRole('button', { name: /^Reject/ }).first().click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoViolations(page, `the reject dialog (${scheme})`);
    });

    test('a row’s More actions menu, and the confirmation before a cancel', async ({ page, preview }) => {
      const running = preview.backend.tenant.all().find((s) => s.kind === 'flow_run' && s.status === 'running' && !s.checkpoint);
      expect(running, 'the demo tenant has a running flow run').toBeDefined();
      await open(page, preview, scheme);
      await page.getByRole('button', { name: 'All sessions' }).click();
      await page.getByLabel('Search sessions').fill(running!.title);
      // The list re-renders as the search settles, which closes a menu opened a moment too early.
      await expect(async () => {
        await page.getByRole('button', { name: `More actions for ${running!.title}`, exact: true }).first().click();
        await expect(page.getByRole('menu')).toBeVisible({ timeout: 1000 });
      }).toPass();
      await expectNoViolations(page, `a row’s menu (${scheme})`);
      await page.getByRole('menuitem', { name: /^Cancel/ }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoViolations(page, `the cancel confirmation (${scheme})`);
    });

    test('the Sessions list', async ({ page, preview }) => {
      await open(page, preview, scheme);
      await page.getByRole('button', { name: 'All sessions' }).click();
      await expect(page.getByRole('list', { name: 'Sessions' }).getByRole('listitem').first()).toBeVisible();
      await expectNoViolations(page, `the Sessions list (${scheme})`);
    });

    // Each with what must have arrived before the scan: the checkpoint's own Approve, or the task's subtasks.
    const picks: Array<[string, (s: Session) => boolean, (page: Page) => Promise<void>]> = [
      ['a flow run at a checkpoint', (s) => s.kind === 'flow_run' && Boolean(s.checkpoint), (page) => expect(page.getByRole('main').getByRole('button', { name: /^Approve/ }).first()).toBeVisible()],
      ['a background task with subtasks', (s) => s.kind === 'background_task' && s.task.childIds.length > 0, (page) => expect(page.getByRole('heading', { name: /Task/ }).first()).toBeVisible()],
      ['a chat', (s) => s.kind === 'chat' && s.chat.messageCount > 3, (page) => expect(page.getByRole('heading', { name: /Chat/ }).first()).toBeVisible()],
    ];
    test('the fan-out approvals of a parent whose subtasks wait', async ({ page, preview }) => {
      const all = preview.backend.tenant.all();
      const waitingChildren = (s: Session) => (s.kind === 'background_task' ? s.task.childIds.filter((id) => all.find((c) => c.id === id)?.checkpoint).length : 0);
      const parent = all.find((s) => waitingChildren(s) >= 2);
      expect(parent, 'the demo tenant has a fan-out parent').toBeDefined();
      await open(page, preview, scheme);
      await openDetail(page, parent!);
      await expect(page.getByRole('region', { name: /Subtasks waiting for a decision/ })).toBeVisible();
      await expectNoViolations(page, `the fan-out approvals (${scheme})`);
    });

    for (const [name, pick, ready] of picks) {
      test(`the detail view of ${name}`, async ({ page, preview }) => {
        const session = preview.backend.tenant.all().find(pick);
        expect(session, `the demo tenant has ${name}`).toBeDefined();
        await open(page, preview, scheme);
        await openDetail(page, session!);
        await ready(page);
        await expectNoViolations(page, `the detail view of ${name} (${scheme})`);
      });
    }

    test('Settings', async ({ page, preview }) => {
      await open(page, preview, scheme);
      await page.getByRole('button', { name: 'Settings' }).click();
      await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
      await expect(page.getByRole('radio').first()).toBeVisible();
      await expectNoViolations(page, `Settings (${scheme})`);
    });
  });
}
