import type { Page } from '@playwright/test';
import type { CommandFrame, Session } from '../../src/shared/protocol';
import { scopeId } from '../../src/shared/api/scoped-id';
import { expect, PREVIEW_PROFILE, test, type Preview } from './preview';

/**
 * Resume, cancel and end (PROTOCOL.md 3.6) in Chromium through the web preview: from the detail
 * view and from a row's "More actions" menu and shortcuts, each reaching the demo backend with its
 * own session id; a cancel asks first; a stale one is answered in words.
 */

type Sent = Pick<CommandFrame, 'action' | 'sessionId'>;

/** Every command the backend is handed, in order: what reached it, whatever the page meant to send. */
function recordCommands(preview: Preview): Sent[] {
  const seen: Sent[] = [];
  const { commands } = preview.backend;
  const handle = commands.handle.bind(commands);
  commands.handle = (frame, actor) => {
    seen.push({ action: frame.action, sessionId: frame.sessionId });
    return handle(frame, actor);
  };
  return seen;
}

/**
 * A session of the given kind and status, with a title no seeded session has, so a search finds
 * it alone. Built from a seeded one of that kind; no checkpoint, no fan-out, a chat still talking.
 */
function plant(preview: Preview, kind: Session['kind'], id: string, status: string): Session {
  const { tenant } = preview.backend;
  const template = tenant.all().find((s) => s.kind === kind)!;
  const title = `E2E ${id}`;
  const base = { id, title, status, checkpoint: null, error: null };
  const session: Session =
    template.kind === 'flow_run'
      ? { ...template, ...base }
      : template.kind === 'background_task'
        ? { ...template, ...base, task: { ...template.task, parentId: null, childIds: [] } }
        : { ...template, ...base, chat: { ...template.chat, ended: false, lastMessageAt: new Date().toISOString() } };
  return tenant.upsert(session);
}

/** Publishes what was planted and waits until the core holds it, so the first answer to the page has it. */
async function publish(preview: Preview, sessions: Session[]): Promise<void> {
  preview.backend.tenant.flush();
  for (const s of sessions) await expect.poll(() => preview.companion.cache.getSession(s.id)?.title).toBe(s.title);
}

async function openSessions(page: Page, preview: Preview): Promise<void> {
  await page.setViewportSize({ width: 900, height: 800 });
  await page.goto(preview.url);
  await page.getByRole('button', { name: 'All sessions' }).click();
}

/** The Sessions page narrowed to one session; its row. */
async function findRow(page: Page, session: Session) {
  await page.getByLabel('Search sessions').fill(session.title);
  const row = page.getByRole('list', { name: 'Sessions' }).getByRole('listitem').filter({ hasText: session.title });
  await expect(row).toHaveCount(1);
  return row;
}

async function openDetail(page: Page, session: Session) {
  await findRow(page, session);
  await page.getByRole('button', { name: `Open ${session.title}`, exact: true }).click();
  await expect(page.getByRole('main', { name: session.title })).toBeVisible();
  return page.getByRole('group', { name: `Actions on ${session.title}` });
}

const statusOf = (preview: Preview, id: string) => () => preview.backend.tenant.get(id)?.status;

/** A paused run, a running task and an open chat on the backend, the commands it gets recorded, and the Sessions page open. */
async function plantThree(page: Page, preview: Preview, tag: string) {
  const parked = plant(preview, 'flow_run', `fr_${tag}_parked`, 'paused');
  const task = plant(preview, 'background_task', `bt_${tag}_busy`, 'running');
  const chat = plant(preview, 'chat', `ch_${tag}_open`, 'open');
  await publish(preview, [parked, task, chat]);
  const sent = recordCommands(preview);
  await openSessions(page, preview);
  return { parked, task, chat, sent };
}

test.describe('resume, cancel and end, in Chromium through the web preview', () => {
  test('from the detail view, each reaches the backend with its id; a cancel asks first', async ({ page, preview }) => {
    const { parked, task, chat, sent } = await plantThree(page, preview, 'e2e');

    let actions = await openDetail(page, parked);
    await expect(actions.getByRole('button')).toHaveText(['Resume', 'Cancel run…']);
    await actions.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(statusOf(preview, parked.id)).toBe('running');
    // The view changes when the stream says so: Resume goes, Cancel stays.
    await expect(actions.getByRole('button', { name: 'Resume' })).toHaveCount(0);
    await expect(actions.getByRole('button', { name: 'Cancel run…' })).toBeVisible();
    await page.getByRole('button', { name: 'Back', exact: true }).first().click();

    actions = await openDetail(page, task);
    await actions.getByRole('button', { name: 'Cancel task…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this task?' });
    await expect(dialog).toContainText(task.title);
    // Asked, not sent: nothing reached the backend and the task still runs.
    expect(sent.filter((c) => c.sessionId === task.id)).toEqual([]);
    await dialog.getByRole('button', { name: "Don't cancel" }).click();
    await expect(dialog).toHaveCount(0);
    expect(statusOf(preview, task.id)()).toBe('running');
    await actions.getByRole('button', { name: 'Cancel task…' }).click();
    await page.getByRole('dialog', { name: 'Cancel this task?' }).getByRole('button', { name: 'Cancel task', exact: true }).click();
    await expect.poll(statusOf(preview, task.id)).toBe('cancelled');
    await expect(actions).toHaveCount(0);
    await page.getByRole('button', { name: 'Back', exact: true }).first().click();

    actions = await openDetail(page, chat);
    await actions.getByRole('button', { name: 'End chat' }).click();
    await expect.poll(statusOf(preview, chat.id)).toBe('ended');

    expect(sent).toEqual([
      { action: 'resume', sessionId: parked.id },
      { action: 'cancel', sessionId: task.id },
      { action: 'end', sessionId: chat.id },
    ]);
  });

  test("from a row's menu and its shortcuts, each reaches the backend with its id; a cancel asks first", async ({ page, preview }) => {
    const { parked, task, chat, sent } = await plantThree(page, preview, 'e2e_row');

    let row = await findRow(page, parked);
    const more = row.getByRole('button', { name: /^More actions/ });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await more.click();
    const menu = page.getByRole('menu');
    await expect(menu.getByRole('menuitem')).toHaveText([/^Resume/, /^Cancel run…/, /^Mute this flow/]);
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await menu.getByRole('menuitem', { name: 'Resume' }).click();
    await expect(menu).toHaveCount(0);
    await expect.poll(statusOf(preview, parked.id)).toBe('running');
    await expect(row.getByText('Running', { exact: true })).toBeVisible();

    row = await findRow(page, task);
    // "." opens the menu from the focused row; Escape closes it, back on its button, and stays on the page.
    await row.getByRole('button', { name: `Open ${task.title}`, exact: true }).focus();
    await page.keyboard.press('.');
    await expect(page.getByRole('menuitem', { name: /^Cancel task/ })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(row.getByRole('button', { name: /^More actions/ })).toBeFocused();
    await expect(page.getByLabel('Search sessions')).toBeVisible();
    await row.getByRole('button', { name: /^More actions/ }).click();
    await page.getByRole('menuitem', { name: /^Cancel task/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this task?' });
    await expect(dialog).toBeVisible();
    expect(sent.filter((c) => c.sessionId === task.id)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel task', exact: true }).click();
    await expect.poll(statusOf(preview, task.id)).toBe('cancelled');

    row = await findRow(page, chat);
    await row.getByRole('button', { name: `Open ${chat.title}`, exact: true }).focus();
    await page.keyboard.press('Shift+E');
    await expect.poll(statusOf(preview, chat.id)).toBe('ended');
    // An ended chat offers nothing more: its menu button goes with the stream's news.
    await expect(row.getByRole('button', { name: /^More actions/ })).toHaveCount(0);

    expect(sent).toEqual([
      { action: 'resume', sessionId: parked.id },
      { action: 'cancel', sessionId: task.id },
      { action: 'end', sessionId: chat.id },
    ]);
  });

  test('a stale cancel is answered in words', async ({ page, preview }) => {
    const run = plant(preview, 'flow_run', 'fr_e2e_stale', 'running');
    await publish(preview, [run]);
    // Hold back the core's news of that session, so the page still shows it running.
    let hold = false;
    await page.routeWebSocket(/\/bridge$/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => server.send(m));
      server.onMessage((m) => {
        const message = JSON.parse(String(m)) as { t: string; result?: unknown };
        if (hold && message.t === 'result' && JSON.stringify(message.result).includes(`"${scopeId(PREVIEW_PROFILE, run.id)}"`)) return;
        ws.send(m);
      });
    });
    await openSessions(page, preview);
    const actions = await openDetail(page, run);
    await expect(actions.getByRole('button', { name: 'Cancel run…' })).toBeVisible();
    hold = true;
    expect(preview.backend.commands.handle({ type: 'command', reqId: 'grace-cancels', action: 'cancel', sessionId: run.id }, { id: 'u_grace', name: 'Grace Hopper' })).toEqual({ ok: true });
    const sent = recordCommands(preview);
    await actions.getByRole('button', { name: 'Cancel run…' }).click();
    await page.getByRole('dialog', { name: 'Cancel this run?' }).getByRole('button', { name: 'Cancel run', exact: true }).click();
    await expect(actions.getByRole('alert')).toHaveText(`Couldn't cancel: ${run.id} is cancelled and cannot be cancelled`);
    expect(sent).toEqual([{ action: 'cancel', sessionId: run.id }]);
  });
});
