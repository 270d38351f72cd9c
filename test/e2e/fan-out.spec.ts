import type { Session, TaskSession } from '../../src/shared/protocol';
import { scopeId } from '../../src/shared/api/scoped-id';
import { expect, PREVIEW_PROFILE, test, type Preview } from './preview';

const ADA = 'Ada Lovelace';
const GRACE = { id: 'u_grace', name: 'Grace Hopper' };

/**
 * The demo's fan-out parent whose three children wait at checkpoints (seed.ts showcases one on a
 * first start), renamed so a search finds it alone: children share their parent's title.
 */
async function fanOutParent(preview: Preview, title: string): Promise<{ parent: TaskSession; waiting: TaskSession[] }> {
  const { tenant } = preview.backend;
  const all = tenant.all();
  const byId = new Map(all.map((s) => [s.id, s]));
  const families = all
    .filter((s): s is TaskSession => s.kind === 'background_task' && s.task.childIds.length > 0)
    .map((parent) => ({ parent, waiting: parent.task.childIds.map((id) => byId.get(id)).filter((c): c is TaskSession => c?.kind === 'background_task' && Boolean(c.checkpoint)) }));
  const family = families.find((f) => f.waiting.length === 3);
  expect(family, 'the demo has a parent with three children waiting').toBeDefined();
  const parent = tenant.upsert({ ...family!.parent, title }) as TaskSession;
  tenant.flush();
  await expect.poll(() => preview.companion.cache.getSession(parent.id)?.title).toBe(title);
  return { parent, waiting: family!.waiting };
}

const decisionOf = (preview: Preview, child: Session) => preview.backend.tenant.decisionOf(child.checkpoint!.id);

test.describe('fan-out approvals, in Chromium through the web preview', () => {
  test('a parent’s row says its subtasks wait; approving all three together sends three commands and sums up', async ({ page, preview }) => {
    await page.setViewportSize({ width: 900, height: 900 });
    const { parent, waiting } = await fanOutParent(preview, 'Fan-out under review');
    await page.goto(preview.url);
    await page.getByRole('button', { name: 'All sessions' }).click();
    await page.getByLabel('Search sessions').fill(parent.title);
    const row = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: `Open ${parent.title}`, exact: true }) });
    await row.getByRole('button', { name: /^3 subtasks waiting/ }).click();

    const view = page.getByRole('region', { name: /Subtasks waiting for a decision/ });
    await expect(view.getByRole('heading', { name: /Subtasks waiting for a decision/ })).toBeFocused();
    const listed = view.getByRole('list', { name: 'Waiting subtasks' });
    await expect(listed.getByRole('listitem')).toHaveCount(3);
    for (const child of waiting) {
      const item = listed.getByRole('listitem').filter({ hasText: child.title });
      await expect(item).toContainText(child.checkpoint!.prompt);
      await expect(item).toContainText(`${child.checkpoint!.step}:`);
      await expect(item).toContainText(/waiting \d+ (s|min)/);
      expect(decisionOf(preview, child)).toBeUndefined();
    }

    await view.getByRole('button', { name: 'Approve all 3' }).click();
    await expect(view.getByRole('status').filter({ hasText: '3 approved' })).toBeVisible();
    // On the backend's side: one command per child, each deciding the checkpoint the page showed.
    for (const child of waiting) {
      expect(decisionOf(preview, child)).toEqual({ sessionId: child.id, decision: 'approved', by: ADA });
      expect(preview.backend.tenant.get(child.id)!.status).toBe('running');
    }
    // The children leave the list when the stream says so; the outcome stays.
    await expect(listed).toHaveCount(0);
    await expect(view.getByText('3 approved', { exact: true })).toBeVisible();
  });

  test('one decided elsewhere meanwhile is summarized as such, and the other two are approved', async ({ page, preview }) => {
    await page.setViewportSize({ width: 900, height: 900 });
    const { parent, waiting } = await fanOutParent(preview, 'Fan-out decided in part elsewhere');
    const [first, taken, last] = waiting as [TaskSession, TaskSession, TaskSession];
    // Hold back the bridge's news of the children, so the page still shows all three as waiting.
    let hold = false;
    await page.routeWebSocket(/\/bridge$/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => server.send(m));
      server.onMessage((m) => {
        const text = String(m);
        if (hold && text.includes('"result"') && waiting.some((c) => text.includes(`"${scopeId(PREVIEW_PROFILE, c.id)}"`))) return;
        ws.send(m);
      });
    });
    // The parent's own link (#session=…), as a notification or the tray opens it.
    await page.goto(`${preview.url}&session=${parent.id}`);
    await expect(page.getByRole('main', { name: parent.title })).toBeVisible();
    const view = page.getByRole('region', { name: /Subtasks waiting for a decision/ });
    await expect(view.getByRole('list', { name: 'Waiting subtasks' }).getByRole('listitem')).toHaveCount(3);

    hold = true;
    const grace = preview.backend.commands.handle({ type: 'command', reqId: 'grace', action: 'approve', sessionId: taken.id, checkpointId: taken.checkpoint!.id }, GRACE);
    expect(grace).toEqual({ ok: true });
    await view.getByRole('button', { name: 'Approve all 3' }).click();

    const outcome = view.getByRole('alert');
    await expect(outcome).toContainText('2 approved, 1 already decided by Grace Hopper');
    await expect(outcome.getByRole('listitem').filter({ hasText: taken.title })).toContainText('Already approved by Grace Hopper');
    expect(decisionOf(preview, taken)).toEqual({ sessionId: taken.id, decision: 'approved', by: GRACE.name });
    for (const child of [first, last]) expect(decisionOf(preview, child)).toEqual({ sessionId: child.id, decision: 'approved', by: ADA });
  });
});
