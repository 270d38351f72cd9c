import { scopeId } from '../../src/shared/api/scoped-id';
import { expect, PREVIEW_PROFILE, test } from './preview';

test.describe('the Command Center popover, in Chromium through the web preview', () => {
  test('shows Active Now and Recent from the demo backend, live', async ({ page, preview }) => {
    await page.goto(preview.url);
    await expect(page.getByRole('heading', { name: /Active Now/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Recent/ })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
    // Not "Demo data": this preview runs against a backend of the test's own, as a real tenant would
    // be (the app's own demo backend says "Demo data": desktop-app.spec.ts, the first start).
    await expect(page.getByText('Demo data')).toHaveCount(0);
    // A change on the server appears without a reload.
    const session = preview.backend.tenant.all().find((s) => s.kind === 'flow_run' && s.status === 'running')!;
    preview.backend.tenant.upsert({ ...session, title: 'Renamed while you watched' });
    preview.backend.tenant.flush();
    await expect(page.getByText('Renamed while you watched')).toBeVisible();
  });

  test('approves a checkpoint from its row; the row changes when the stream says so', async ({ page, preview }) => {
    const paused = preview.backend.tenant.all().find((s) => s.kind === 'flow_run' && s.checkpoint)!;
    await page.goto(preview.url);
    const row = page.getByRole('listitem').filter({ hasText: paused.title }).filter({ hasText: paused.checkpoint!.prompt });
    await row.getByRole('button', { name: /^Approve/ }).click();
    await expect(row.getByRole('button', { name: /^Approve/ })).toHaveCount(0);
    expect(preview.backend.tenant.get(paused.id)!.status).toBe('running');
  });

  test('rejects with a comment through the confirmation dialog', async ({ page, preview }) => {
    const paused = preview.backend.tenant.all().find((s) => s.kind === 'flow_run' && s.checkpoint)!;
    await page.goto(preview.url);
    const row = page.getByRole('listitem').filter({ hasText: paused.checkpoint!.prompt });
    await row.getByRole('button', { name: /^Reject/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill('Not during the freeze');
    await dialog.getByRole('button', { name: 'Reject checkpoint' }).click();
    await expect.poll(() => preview.backend.tenant.get(paused.id)?.status).toBe('rejected');
    const entries = preview.backend.tenant.transcriptPage(paused.id, 0, 1000)!.entries;
    expect(entries.some((e) => e.kind === 'checkpoint' && e.checkpoint.comment === 'Not during the freeze')).toBe(true);
  });

  test('says a conflict in words when someone else decided first', async ({ page, preview }) => {
    const paused = preview.backend.tenant.all().find((s) => s.kind === 'flow_run' && s.checkpoint)!;
    // Hold back the bridge's news of that session, so the page still shows the checkpoint as pending.
    let hold = false;
    await page.routeWebSocket(/\/bridge$/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => server.send(m));
      server.onMessage((m) => {
        if (hold && String(m).includes('"result"') && String(m).includes(`"${scopeId(PREVIEW_PROFILE, paused.id)}"`)) return;
        ws.send(m);
      });
    });
    await page.goto(preview.url);
    const row = page.getByRole('listitem').filter({ hasText: paused.checkpoint!.prompt });
    await expect(row).toBeVisible();
    hold = true;
    preview.backend.commands.handle({ type: 'command', reqId: 'grace', action: 'reject', sessionId: paused.id, checkpointId: paused.checkpoint!.id }, { id: 'u_grace', name: 'Grace Hopper' });
    await row.getByRole('button', { name: /^Approve/ }).click();
    await expect(page.getByRole('alert')).toContainText(`checkpoint ${paused.checkpoint!.id} was already rejected by Grace Hopper`);
  });

  test('moves a chat from Active Now to Recent when its 30 minutes pass, with no change on the stream', async ({ page, preview }) => {
    const base = preview.backend.tenant.all().find((s) => s.kind === 'chat')!;
    if (base.kind !== 'chat') throw new Error('no chat');
    // The core owns the active set, so this is its clock: the last message is 30 minutes old a few
    // seconds from now, and nothing else will happen to the chat.
    const quietIn = 6_000;
    const lastMessageAt = new Date(Date.now() - 30 * 60_000 + quietIn).toISOString();
    const chat = preview.backend.tenant.upsert({ ...base, status: 'open', title: 'A chat that is about to go quiet', chat: { ...base.chat, ended: false, lastMessageAt } });
    preview.backend.tenant.flush();
    await expect.poll(() => preview.companion.cache.getSession(chat.id)?.title).toBe(chat.title);
    await page.goto(preview.url);
    const active = page.getByRole('list', { name: /Active Now/ });
    const recent = page.getByRole('list', { name: /Recent/ });
    await expect(active.getByText(chat.title)).toBeVisible();
    await expect(recent.getByText(chat.title)).toBeVisible({ timeout: quietIn + 10_000 });
    await expect(active.getByText(chat.title)).toHaveCount(0);
  });

  test('goes offline when the backend stops, and the cached sessions stay browsable', async ({ page, preview }) => {
    await page.goto(preview.url);
    await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
    await preview.backend.stop();
    await expect(page.getByRole('status').filter({ hasText: /Offline, data as of/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Approve/ }).first()).toBeDisabled();
    await page.getByRole('button', { name: 'All sessions' }).click();
    await expect(page.getByRole('listitem').first()).toBeVisible();
  });
});
