import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SessionRow } from '../../../src/renderer/src/components/SessionRow';
import { useUiStore } from '../../../src/renderer/src/state/useUiStore';
import { ago, chat, checkpoint, flowRun, MINUTE, NOW, task } from '../../shared/fixtures';
import { renderWithApi } from './render-helpers';

describe('SessionRow', () => {
  it('shows kind, title, status, progress, owner and when it last moved', () => {
    renderWithApi(<SessionRow session={flowRun({ title: 'Nightly dependency upgrade' })} now={NOW} />);
    expect(screen.getByRole('img', { name: 'Flow run' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open Nightly dependency upgrade' })).toBeTruthy();
    expect(screen.getByText('Running')).toBeTruthy();
    expect(screen.getByText('Step 2 of 5')).toBeTruthy();
    expect(screen.getByText('Ada Lovelace')).toBeTruthy();
    expect(screen.getByText('5 min ago')).toBeTruthy();
  });

  it.each([
    [task({ task: { turns: 12 } }), '12 turns'],
    [task({ task: { turns: 1 } }), '1 turn'],
    [chat({ chat: { messageCount: 8 } }), '8 messages'],
    [chat({ chat: { messageCount: 1 } }), '1 message'],
  ])('labels progress as %#', (session, label) => {
    renderWithApi(<SessionRow session={session} now={NOW} />);
    expect(screen.getByText(label)).toBeTruthy();
  });

  it('ticks its relative time with now', () => {
    const session = task();
    const { rerender } = renderWithApi(<SessionRow session={session} now={NOW} />);
    expect(screen.getByText('5 min ago')).toBeTruthy();
    rerender(<SessionRow session={session} now={NOW + 10 * MINUTE} />);
    expect(screen.getByText('15 min ago')).toBeTruthy();
  });

  it('shows the error of a failed session on the row', () => {
    renderWithApi(<SessionRow session={task({ status: 'failed', error: { code: 'tests', message: '3 tests failed in ci/unit' } })} now={NOW} />);
    expect(screen.getByText('Failed')).toBeTruthy();
    expect(screen.getByText('3 tests failed in ci/unit')).toBeTruthy();
  });

  it('shows a pending checkpoint with its prompt, how long it has waited, and the decision buttons', () => {
    const cp = { ...checkpoint('cp_9'), prompt: 'Merge the upgrade PR?', requestedAt: ago(12 * MINUTE) };
    renderWithApi(<SessionRow session={flowRun({ status: 'paused', checkpoint: cp })} now={NOW} />);
    expect(screen.getByText('Approval needed')).toBeTruthy();
    expect(screen.getByText('Merge the upgrade PR?')).toBeTruthy();
    expect(screen.getByText('waiting 12 min')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Approve/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Reject/ })).toBeTruthy();
  });

  it("rolls up the children of a fan-out parent from the row's tally, not from other rows", () => {
    const parent = task({ id: 'bt_parent', task: { childIds: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'] } });
    const { rerender } = renderWithApi(<SessionRow session={parent} now={NOW} rollUp={{ total: 8, done: 3, failed: 1, running: 4, unknown: 0, waiting: 0 }} />);
    expect(screen.getByText('3 of 8 done, 1 failed')).toBeTruthy();
    rerender(<SessionRow session={parent} now={NOW} rollUp={{ total: 8, done: 4, failed: 1, running: 3, unknown: 0, waiting: 0 }} />);
    expect(screen.getByText('4 of 8 done, 1 failed')).toBeTruthy();
    rerender(<SessionRow session={parent} now={NOW} rollUp={null} />);
    expect(screen.queryByText(/Subtasks/)).toBeNull();
  });

  it('flags a running session that has not moved for 30 minutes, and only then', () => {
    const quiet = task({ updatedAt: ago(30 * MINUTE) });
    const { rerender } = renderWithApi(<SessionRow session={quiet} now={NOW - 1000} />);
    expect(screen.queryByText('Possibly stalled')).toBeNull();
    rerender(<SessionRow session={quiet} now={NOW} />);
    expect(screen.getByText('Possibly stalled')).toBeTruthy();
  });

  it('opens the detail view and comes back to the list it was opened from', () => {
    useUiStore.setState({ route: { name: 'sessions' } });
    renderWithApi(<SessionRow session={flowRun({ id: 'fr_7', title: 'Nightly dependency upgrade' })} now={NOW} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open Nightly dependency upgrade' }));
    expect(useUiStore.getState().route).toEqual({ name: 'detail', id: 'fr_7', from: 'sessions' });
  });

  it('opens the session in Disco Parrot through the API', () => {
    const session = chat();
    const { api, container } = renderWithApi(<SessionRow session={session} now={NOW} compact />);
    fireEvent.click(within(container).getByRole('button', { name: 'Open in Disco Parrot' }));
    expect(api.calls).toEqual([{ method: 'openExternal', params: { url: session.webUrl } }]);
  });

  it('offers no way out when the session has no web link (webUrl is optional)', () => {
    const { webUrl: _, ...withoutLink } = chat();
    renderWithApi(<SessionRow session={withoutLink} now={NOW} />);
    expect(screen.queryByRole('button', { name: 'Open in Disco Parrot' })).toBeNull();
  });

  it('says so when the link cannot be opened', async () => {
    const { api } = renderWithApi(<SessionRow session={chat()} now={NOW} />);
    api.answers.openExternal = () => Promise.reject(new Error('only https links can be opened'));
    fireEvent.click(screen.getByRole('button', { name: 'Open in Disco Parrot' }));
    expect((await screen.findByRole('alert')).textContent).toContain('only https links can be opened');
  });
});
