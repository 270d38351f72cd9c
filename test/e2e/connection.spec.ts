import { expect, test } from './preview';

/** Pictures of the stale views, to look at (as screenshots.spec.ts does); SCREENSHOT_DIR moves them. */
const shot = (name: string) => `${process.env.SCREENSHOT_DIR ?? 'test-results/screenshots'}/${name}-offline.png`;
const stale = /Offline, data as of \d\d:\d\d/;

test.describe('the connection status on every view, in Chromium', () => {
  test('a detail view and the Sessions page say the data is stale once the backend goes away', async ({ page, preview }) => {
    const chat = preview.backend.tenant.all().find((s) => s.kind === 'chat' && s.chat.messageCount > 3)!;
    await page.goto(preview.url);
    await page.getByRole('button', { name: 'All sessions' }).click();
    await page.getByLabel('Search sessions').fill(chat.title);
    await page.getByRole('button', { name: `Open ${chat.title}` }).first().click();
    const detail = page.getByRole('main', { name: chat.title });
    await expect(detail.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
    await expect(detail.getByText(/entries/).first()).toBeVisible();

    await preview.backend.stop();
    const status = detail.getByRole('status').filter({ hasText: stale });
    await expect(status).toBeVisible();
    // While it backs off, the line beside the status counts down to the next try.
    await expect(detail.getByText(/reconnecting in \d+ s/)).toBeVisible();
    // Read down to the end of the page: the status stays in sight.
    await detail.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(status).toBeInViewport();
    await page.screenshot({ path: shot('detail-scrolled') });
    await detail.evaluate((el) => el.scrollTo({ top: 0 }));
    await page.screenshot({ path: shot('detail') });

    await page.getByRole('button', { name: 'Back', exact: true }).first().click();
    const sessions = page.getByRole('main', { name: 'Sessions' });
    await expect(sessions.getByRole('status').filter({ hasText: stale })).toBeVisible();
    await expect(sessions.getByRole('list', { name: 'Sessions' }).getByRole('listitem').first()).toBeVisible();
    await page.screenshot({ path: shot('sessions') });
  });
});
