import { expect, test } from './preview';

/**
 * The README's pictures of the wide Sessions page and two detail views, taken from the web preview
 * (the app's own window is a 380-pixel popover; desktop-screenshots.spec.ts takes its pictures).
 * Every e2e run takes them (into test-results/); `SCREENSHOTS=1 npm run test:e2e` writes them to docs/.
 */
const dir = process.env.SCREENSHOTS === '1' ? 'docs' : 'test-results/screenshots';
test.describe('screenshots for docs/', () => {
  test('sessions page and detail views', async ({ page, preview }) => {
    await page.setViewportSize({ width: 960, height: 720 });
    await page.goto(preview.url);
    await page.getByRole('button', { name: 'All sessions' }).click();
    await expect(page.getByRole('list', { name: 'Sessions' }).getByRole('listitem').first()).toBeVisible();
    await page.screenshot({ path: `${dir}/sessions.png` });
    const all = preview.backend.tenant.all();
    const picks = {
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
});
