import type { Session } from '../../src/shared/protocol';
import { isActive } from '../../src/shared/sessions';
import { expect, test } from './preview';

const MINUTE = 60_000;

/**
 * Done when (issue 13): with 5 pending checkpoints among 40 active sessions, all 5 are visible in
 * the popover's first screen, above the others, oldest wait first.
 */
test('the first screen holds every pending decision, oldest wait first, above everything else', async ({ page, preview }) => {
  await page.setViewportSize({ width: 380, height: 600 });
  const { tenant } = preview.backend;
  const now = Date.now();
  // No checkpoint but the five below, and no failure that could need the person.
  for (const s of tenant.all()) {
    if (s.checkpoint) tenant.upsert({ ...s, status: 'running', checkpoint: null } as Session, { touch: false });
    else if (s.status === 'failed') tenant.upsert({ ...s, status: s.kind === 'flow_run' ? 'succeeded' : 'completed' } as Session, { touch: false });
  }
  const runs = tenant.all().filter((s): s is Extract<Session, { kind: 'flow_run' }> => s.kind === 'flow_run').slice(0, 5);
  const waits = [7, 42, 3, 19, 88];
  runs.forEach((run, i) => {
    const requestedAt = new Date(now - waits[i]! * MINUTE).toISOString();
    tenant.upsert({ ...run, status: 'paused', updatedAt: new Date(now - i * 1000).toISOString(), checkpoint: { id: `cp_e2e_${i}`, prompt: `Go on with ${run.title}?`, requestedAt } }, { touch: false });
  });
  // 40 active in all, as the check has it: idle runs and tasks are set running to make up the number.
  const idle = tenant.all().filter((s) => s.kind !== 'chat' && !isActive(s, now));
  const missing = 40 - tenant.all().filter((s) => isActive(s, now) || runs.includes(s as never)).length;
  for (const s of idle.slice(0, Math.max(0, missing))) tenant.upsert({ ...s, status: 'running' } as Session, { touch: false });
  tenant.flush();
  expect(tenant.all().filter((s) => isActive(s, Date.now())).length).toBe(40);

  await page.goto(preview.url);
  const needsYou = page.getByRole('list', { name: /^Needs you/ });
  await expect(page.getByRole('heading', { name: 'Needs you 5' })).toBeVisible();
  const oldestFirst = [...runs.map((r, i) => ({ title: r.title, wait: waits[i]! }))].sort((a, b) => b.wait - a.wait).map((r) => r.title);
  await expect(needsYou.locator('[data-row-id] .row-title')).toHaveText(oldestFirst.map((t) => `Open ${t}`));
  await expect(page.locator('.approvals')).toHaveText('5 need you');
  // Every one of them on the first screen, without scrolling, and above Active Now.
  const rows = needsYou.locator('[data-row-id]');
  for (let i = 0; i < 5; i++) {
    const box = (await rows.nth(i).boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(600);
  }
  const activeHeading = (await page.getByRole('heading', { name: /^Active Now/ }).boundingBox())!;
  expect(activeHeading.y).toBeGreaterThan((await rows.nth(4).boundingBox())!.y);
  // None of them again in Active Now.
  const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-row-id')));
  const activeIds = await page.getByRole('list', { name: /^Active Now/ }).locator('[data-row-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-row-id')));
  expect(activeIds.filter((id) => ids.includes(id))).toEqual([]);

  // Deciding one takes it out of Needs you once the stream says so.
  await rows.first().getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('heading', { name: 'Needs you 4' })).toBeVisible();
  await expect(page.locator('.approvals')).toHaveText('4 need you');
});

test('says "Nothing needs you" when nothing does', async ({ page, preview }) => {
  const { tenant } = preview.backend;
  for (const s of tenant.all()) {
    if (s.checkpoint) tenant.upsert({ ...s, status: 'running', checkpoint: null } as Session, { touch: false });
    else if (s.status === 'failed') tenant.upsert({ ...s, status: s.kind === 'flow_run' ? 'succeeded' : 'completed' } as Session, { touch: false });
  }
  tenant.flush();
  await page.goto(preview.url);
  await expect(page.getByRole('heading', { name: 'Needs you 0' })).toBeVisible();
  await expect(page.getByText('Nothing needs you')).toBeVisible();
  await expect(page.locator('.approvals')).toHaveText('All clear');
});
