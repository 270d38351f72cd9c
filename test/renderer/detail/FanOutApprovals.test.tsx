import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SessionRowNotes } from '../../../src/renderer/src/components/SessionRowNotes';
import { useUiStore } from '../../../src/renderer/src/state/useUiStore';
import { DetailView } from '../../../src/renderer/src/views/detail/DetailView';
import type { CommandRequest } from '../../../src/shared/api';
import type { Session, TaskSession } from '../../../src/shared/protocol';
import { ago, checkpoint, MINUTE, NOW, task } from '../../shared/fixtures';
import { commandCalls } from '../components/render-helpers';
import type { FakeApi } from '../fake-api';
import { coreAt, OFFLINE, renderWithApi, stubLayout } from '../sessions/helpers';

const ask = (id: string, step: string, prompt: string, waited: number) => ({ ...checkpoint(id), step, prompt, requestedAt: ago(waited) });
const child = (id: string, title: string, over: Partial<TaskSession> = {}) => task({ id, title, status: 'running', task: { parentId: 'bt_parent' }, ...over });

const children: Session[] = [
  child('bt_c1', 'Backfill EU (part 1)', { status: 'waiting', checkpoint: ask('cp_1', 'Turn 3', 'Run the migration against the staging database?', 12 * MINUTE) }),
  child('bt_c2', 'Backfill EU (part 2)', { status: 'waiting', checkpoint: ask('cp_2', 'Turn 2', 'Delete 41 stale feature branches?', 4 * MINUTE) }),
  child('bt_c3', 'Backfill EU (part 3)', { status: 'completed' }),
  child('bt_c4', 'Backfill EU (part 4)', { status: 'waiting', checkpoint: ask('cp_4', 'Turn 5', 'Open a draft PR with 27 changed files?', 90 * 1000) }),
];
const parent = task({ id: 'bt_parent', title: 'Backfill EU', task: { childIds: children.map((c) => c.id) } });

function show(api: FakeApi = coreAt([])) {
  stubLayout({ viewport: 4000, row: 40 });
  api.push({ upserts: [parent, ...children] });
  return renderWithApi(<DetailView id="bt_parent" />, api);
}

const view = () => screen.getByRole('region', { name: /Subtasks waiting for a decision/ });
const sent = (api: FakeApi) => commandCalls(api) as CommandRequest[];
/** Decided on the stream, as the server would after an accepted command. */
const decided = (api: FakeApi, ids: string[]) =>
  act(() => api.push({ upserts: children.filter((c) => ids.includes(c.id)).map((c) => ({ ...c, status: 'running', checkpoint: null }) as Session) }));

describe('fan-out approvals, in the parent’s detail view', () => {
  it('lists each waiting child with its title, step, prompt and wait, in the parent’s order', () => {
    show();
    const items = within(view()).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-child-id'))).toEqual(['bt_c1', 'bt_c2', 'bt_c4']);
    expect(items[0]!.textContent).toContain('Backfill EU (part 1)');
    expect(items[0]!.textContent).toContain('Turn 3: Run the migration against the staging database?');
    expect(items[0]!.textContent).toContain('waiting 12 min');
    expect(items[2]!.textContent).toContain('waiting 1 min');
    expect(within(view()).queryByText(/part 3/)).toBeNull();
  });

  it('approve all sends one command per child, with the checkpoint each showed, and sums up', async () => {
    const { api } = show();
    await act(async () => fireEvent.click(within(view()).getByRole('button', { name: 'Approve all 3' })));
    expect(sent(api)).toEqual([
      { action: 'approve', sessionId: 'bt_c1', checkpointId: 'cp_1' },
      { action: 'approve', sessionId: 'bt_c2', checkpointId: 'cp_2' },
      { action: 'approve', sessionId: 'bt_c4', checkpointId: 'cp_4' },
    ]);
    expect(within(view()).getByRole('status').textContent).toContain('3 approved');
    // The stream says so: the children leave the list, the outcome stays, and holds focus.
    decided(api, ['bt_c1', 'bt_c2', 'bt_c4']);
    expect(within(view()).queryAllByRole('button', { name: /Approve all/ })).toHaveLength(0);
    expect(screen.getByText('3 approved')).toBeTruthy();
    expect(document.activeElement?.classList.contains('fanout-result')).toBe(true);
  });

  it('says who decided first, and each child’s fate', async () => {
    const { api } = show();
    api.answers.command = (p) => (p.sessionId === 'bt_c2' ? { ok: false, code: 'conflict', message: 'checkpoint cp_2 was already approved by Grace Hopper' } : { ok: true });
    await act(async () => fireEvent.click(within(view()).getByRole('button', { name: 'Approve all 3' })));
    const alert = within(view()).getByRole('alert');
    expect(alert.querySelector('.fanout-summary')!.textContent).toBe('2 approved, 1 already decided by Grace Hopper');
    expect(alert.textContent).toContain('Backfill EU (part 2): Already approved by Grace Hopper');
    expect(alert.textContent).toContain('Backfill EU (part 1): Approved');
  });

  it('words a failure of the bridge itself, and offline or missing sessions', async () => {
    const { api } = show();
    api.answers.command = (p) => {
      if (p.sessionId === 'bt_c1') throw new Error('the connection to the Parrot Tray preview was lost');
      if (p.sessionId === 'bt_c2') return { ok: false, code: 'not_found', message: 'session bt_c2 does not exist' };
      return { ok: false, code: 'offline', message: 'offline: not connected to Disco Parrot, so nothing was sent' };
    };
    await act(async () => fireEvent.click(within(view()).getByRole('button', { name: 'Approve all 3' })));
    expect(within(view()).getByRole('alert').querySelector('.fanout-summary')!.textContent).toBe('1 no longer exists, 1 not sent (offline), 1 failed');
  });

  it('a vetoed child is rejected when the rest are approved, after asking for a comment', async () => {
    const { api } = show();
    await userEvent.click(within(view()).getByRole('checkbox', { name: 'Veto Backfill EU (part 2)' }));
    const approve = within(view()).getByRole('button', { name: 'Approve 2, reject 1' });
    await userEvent.click(approve);
    const dialog = screen.getByRole('dialog', { name: 'Reject 1 vetoed, approve 2?' });
    expect(within(dialog).getByText('Delete 41 stale feature branches?')).toBeTruthy();
    expect(sent(api)).toEqual([]);
    await userEvent.type(within(dialog).getByRole('textbox'), 'Keep the branches');
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Approve 2, reject 1' })));
    expect(sent(api)).toEqual([
      { action: 'approve', sessionId: 'bt_c1', checkpointId: 'cp_1' },
      { action: 'reject', sessionId: 'bt_c2', checkpointId: 'cp_2', comment: 'Keep the branches' },
      { action: 'approve', sessionId: 'bt_c4', checkpointId: 'cp_4' },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(view()).getByRole('status').textContent).toContain('2 approved, 1 rejected');
  });

  it('reject all asks first, may be cancelled, and rejects every child with the comment', async () => {
    const { api } = show();
    const rejectAll = within(view()).getByRole('button', { name: 'Reject all 3' });
    await userEvent.click(rejectAll);
    fireEvent.keyDown(screen.getByRole('textbox', { name: /Comment/ }), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(rejectAll);
    expect(sent(api)).toEqual([]);
    await userEvent.click(rejectAll);
    await userEvent.type(screen.getByRole('textbox', { name: /Comment/ }), 'Wrong approach');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Reject 3' })));
    expect(sent(api).map((c) => [c.action, c.sessionId, c.checkpointId, c.comment])).toEqual([
      ['reject', 'bt_c1', 'cp_1', 'Wrong approach'],
      ['reject', 'bt_c2', 'cp_2', 'Wrong approach'],
      ['reject', 'bt_c4', 'cp_4', 'Wrong approach'],
    ]);
  });

  it('sends nothing while offline, and says why', async () => {
    const { api } = show(coreAt([], { connection: OFFLINE }));
    const approve = within(view()).getByRole('button', { name: 'Approve all 3' });
    expect(approve.getAttribute('aria-disabled')).toBe('true');
    expect(within(view()).getByText('Offline — decisions need a live connection')).toBeTruthy();
    await userEvent.click(approve);
    await userEvent.click(within(view()).getByRole('button', { name: 'Reject all 3' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent(api)).toEqual([]);
  });

  it('is absent when no child waits', () => {
    stubLayout({ viewport: 4000, row: 40 });
    const api = coreAt([]);
    api.push({ upserts: [parent, ...children.map((c) => ({ ...c, status: 'running', checkpoint: null }) as Session)] });
    renderWithApi(<DetailView id="bt_parent" />, api);
    expect(screen.getByRole('heading', { name: /Fan-out/ })).toBeTruthy();
    expect(screen.queryByRole('region', { name: /Subtasks waiting/ })).toBeNull();
  });
});

describe('a fan-out parent’s row: "N subtasks waiting"', () => {
  it('says how many wait, and opens the parent’s approvals with focus on them', async () => {
    const rollUp = { total: 4, done: 1, failed: 0, running: 3, unknown: 0, waiting: 3 };
    const { unmount } = renderWithApi(<SessionRowNotes session={parent} rollUp={rollUp} now={NOW} />);
    const link = screen.getByRole('button', { name: /^3 subtasks waiting/ });
    expect(screen.getByText('1 of 4 done')).toBeTruthy();
    await userEvent.click(link);
    expect(useUiStore.getState().route).toMatchObject({ name: 'detail', id: 'bt_parent' });
    unmount();
    show();
    await waitFor(() => expect(document.activeElement?.classList.contains('fanout-heading')).toBe(true));
    expect(document.activeElement!.textContent).toContain('Subtasks waiting for a decision');
  });

  it('says nothing of waiting when none waits, and one in the singular', () => {
    const { rerender } = renderWithApi(<SessionRowNotes session={parent} rollUp={{ total: 4, done: 1, failed: 0, running: 3, unknown: 0, waiting: 0 }} now={NOW} />);
    expect(screen.queryByText(/waiting/)).toBeNull();
    rerender(<SessionRowNotes session={parent} rollUp={{ total: 4, done: 1, failed: 0, running: 3, unknown: 0, waiting: 1 }} now={NOW} />);
    expect(screen.getByRole('button', { name: /^1 subtask waiting/ })).toBeTruthy();
  });

  it('a detail opened any other way starts at the top', () => {
    show();
    expect(view()).toBeTruthy();
    expect(document.activeElement?.classList.contains('fanout-heading')).toBe(false);
  });
});
