import { expect, test } from './preview';

/**
 * The pictures in the README, taken from the real preview. Every e2e run takes them (into
 * test-results/); `SCREENSHOTS=1 npm run test:e2e` writes them to docs/ to refresh the README.
 */
const dir = process.env.SCREENSHOTS === '1' ? 'docs' : 'test-results/screenshots';
test.describe('screenshots for docs/', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`popover, ${scheme}`, async ({ page, preview }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(preview.url);
      await expect(page.getByRole('heading', { name: /Active Now/ })).toBeVisible();
      await page.screenshot({ path: `${dir}/popover-${scheme}.png` });
    });
  }

  test('sessions page and detail views', async ({ page, preview }) => {
    await page.setViewportSize({ width: 960, height: 720 });
    await page.goto(preview.url);
    await page.getByRole('button', { name: 'All sessions' }).click();
    await expect(page.getByRole('list', { name: 'Sessions' }).getByRole('listitem').first()).toBeVisible();
    await page.screenshot({ path: `${dir}/sessions.png` });
    const all = preview.backend.tenant.all();
    const picks = {
      'detail-flow-run': all.find((s) => s.kind === 'flow_run' && s.checkpoint)!,
      'detail-task': all.find((s) => s.kind === 'background_task' && s.task.childIds.length > 0)!,
      'detail-chat': all.find((s) => s.kind === 'chat' && s.chat.messageCount > 3)!,
    };
    for (const [name, session] of Object.entries(picks)) {
      await page.getByLabel('Search sessions').fill(session.title);
      await page.getByRole('button', { name: `Open ${session.title}` }).first().click();
      await expect(page.getByRole('heading', { name: 'Run details' })).toBeVisible();
      await expect(page.getByText(/entries/).first()).toBeVisible();
      await page.screenshot({ path: `${dir}/${name}.png`, fullPage: false });
      await page.getByRole('button', { name: 'Back', exact: true }).first().click();
    }
  });

  test('settings', async ({ page, preview }) => {
    await page.goto(preview.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await page.screenshot({ path: `${dir}/settings.png` });
  });
});
