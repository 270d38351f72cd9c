// The renderer under its Content Security Policies, in Chromium: nothing the pages do is refused
// (a refusal is logged to the console by Chromium), the preview's server sends its own policy as
// a header too, and a malformed request is answered rather than taking the preview down.
import type { ConsoleMessage, Page } from '@playwright/test';
import { WEB_PREVIEW_CSP_HEADER } from '../../src/shared/csp';
import { expect, test } from './preview';

const refusals = (page: Page): string[] => {
  const seen: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
};

test('the web preview runs under its own CSP: popover, Sessions, a detail view and Settings, nothing refused', async ({ page, preview }) => {
  const seen = refusals(page);
  const response = await page.goto(preview.url);
  expect(response?.headers()['content-security-policy']).toBe(WEB_PREVIEW_CSP_HEADER);
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  await page.getByRole('button', { name: 'All sessions' }).click();
  const first = preview.backend.tenant.all().find((s) => s.kind === 'flow_run')!;
  await page.getByLabel('Search sessions').fill(first.title);
  await page.getByRole('button', { name: `Open ${first.title}` }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: first.title })).toBeVisible();
  // Back to the popover (the detail view's Back, then the Sessions page's), and into Settings.
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Back to Command Center' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  expect(seen).toEqual([]);
});

test('a malformed request is answered 400, and the preview goes on serving', async ({ page, preview }) => {
  const origin = new URL(preview.url).origin;
  const bad = await fetch(`${origin}/%E0%A4%A`);
  expect([bad.status, await bad.text()]).toEqual([400, 'bad request: the path is not a valid URL path']);
  await page.goto(preview.url);
  await expect(page.getByRole('heading', { name: /Active Now/ })).toBeVisible();
});
