import { expect, test } from './preview';

test('changes notification settings from the web preview; desktop-only settings are explained', async ({ page, preview }) => {
  await page.goto(preview.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByText(/managed by the desktop app/)).toBeVisible();
  await page.getByRole('radio', { name: /Everyone/ }).check();
  await expect.poll(() => preview.companion.notifySettings.scope).toBe('all');
  await page.getByRole('checkbox', { name: /notify when a session fails/i }).check();
  await expect.poll(() => preview.companion.notifySettings.failures).toBe(true);
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('heading', { name: /Active Now/ })).toBeVisible();
});
