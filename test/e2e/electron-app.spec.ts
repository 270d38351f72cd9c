import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '../..');
const ELECTRON = join(ROOT, 'node_modules/electron');

/** Electron's binary, if this machine has it; Electron 42+ fetches it on first launch, which needs the network. */
function electronBinary(): string | null {
  const pathFile = join(ELECTRON, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(ELECTRON, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) && existsSync(join(ROOT, 'out/main/index.js')) ? binary : null;
}

const binary = electronBinary();
if (!binary) {
  process.stdout.write("skipping the Electron app tests: Electron's binary is not on this machine (it is fetched on first launch) or the app is not built (npm run build)\n");
}

test.describe('the real Electron app', () => {
  test.skip(!binary, "Electron's binary is not on this machine (Electron 42+ fetches it on first launch), or out/ is not built");

  test('launches, shows the popover window against the demo backend, and approves a checkpoint', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [ROOT, '--show-popover'], env: { ...process.env, PARROT_TRAY_DATA: join(ROOT, 'test-results/electron-data') } });
    const page = await app.firstWindow();
    await expect(page.getByText('Demo data')).toBeVisible();
    await expect(page.getByRole('heading', { name: /Active Now/ })).toBeVisible();
    const approve = page.getByRole('button', { name: /^Approve/ }).first();
    const row = page.getByRole('listitem').filter({ has: approve }).first();
    const title = await row.getByRole('button', { name: /^Open / }).first().textContent();
    await approve.click();
    await expect(page.getByRole('listitem').filter({ hasText: title ?? '' }).getByRole('button', { name: /^Approve/ })).toHaveCount(0);
    await app.close();
  });
});
