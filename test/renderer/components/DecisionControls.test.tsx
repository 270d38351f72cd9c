import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DecisionControls } from '../../../src/renderer/src/components/DecisionControls';
import { SessionRow } from '../../../src/renderer/src/components/SessionRow';
import { useLiveQuery } from '../../../src/renderer/src/state/useLiveQuery';
import type { CommandReply } from '../../../src/shared/api';
import { checkpoint, flowRun, NOW } from '../../shared/fixtures';
import { FakeApi, LIVE } from '../fake-api';
import { commandCalls, offline, renderWithApi } from './render-helpers';

const paused = flowRun({ id: 'fr_7', title: 'Nightly dependency upgrade', status: 'paused', checkpoint: { ...checkpoint('cp_3'), prompt: 'Merge the upgrade PR?' } });

/** A row that shows whatever the core last answered, as the lists do. */
function LiveRow({ id }: { id: string }) {
  const session = useLiveQuery({ view: 'session', id }).result?.session;
  return session ? <SessionRow session={session} now={NOW} /> : null;
}

const approve = () => screen.getByRole('button', { name: /^(Approve|Approving…)/ });
const reject = () => screen.getByRole('button', { name: /^(Reject|Rejecting…)/ });

describe('DecisionControls', () => {
  it('renders nothing without a pending checkpoint', () => {
    const { container } = renderWithApi(<DecisionControls session={flowRun()} />);
    expect(container.textContent).toBe('');
  });

  it('approves with the checkpoint id and leaves the row alone until the delta arrives', async () => {
    const { api } = renderWithApi(<LiveRow id="fr_7" />, new FakeApi([paused]));
    await act(async () => fireEvent.click(approve()));
    expect(commandCalls(api)).toEqual([{ action: 'approve', sessionId: 'fr_7', checkpointId: 'cp_3' }]);
    // The reply is in, yet the row still shows what the server last said.
    expect(screen.getByText('Approval needed')).toBeTruthy();
    expect(screen.getByText('Merge the upgrade PR?')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Approval sent');

    act(() => api.push({ upserts: [{ ...paused, status: 'running', checkpoint: null }] }));
    expect(screen.getByText('Running')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Approve/ })).toBeNull();
  });

  it('shows "Approving…" and takes no second click while the call is in flight', async () => {
    const { api } = renderWithApi(<DecisionControls session={paused} />, new FakeApi([paused]));
    let answer: (reply: CommandReply) => void = () => {};
    api.answers.command = () => new Promise((resolve) => (answer = resolve));
    fireEvent.click(approve());
    expect(approve().textContent).toContain('Approving…');
    expect(approve().getAttribute('aria-disabled')).toBe('true');
    expect(reject().getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(approve());
    expect(commandCalls(api)).toHaveLength(1);
    await act(async () => answer({ ok: true }));
    expect(approve().textContent).toMatch(/^Approve\b/);
    expect(approve().getAttribute('aria-disabled')).toBe('false');
  });

  it('rejects with a comment after confirming in a dialog', async () => {
    const { api } = renderWithApi(<DecisionControls session={paused} />, new FakeApi([paused]));
    fireEvent.click(reject());
    const dialog = screen.getByRole('dialog', { name: 'Reject checkpoint?' });
    expect(within(dialog).getByText('Merge the upgrade PR?')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Comment/ }), { target: { value: '  pin lodash first  ' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Reject checkpoint' })));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(commandCalls(api)).toEqual([{ action: 'reject', sessionId: 'fr_7', checkpointId: 'cp_3', comment: 'pin lodash first' }]);
  });

  it('sends no comment when none is given, and nothing at all on Cancel', async () => {
    const { api } = renderWithApi(<DecisionControls session={paused} />, new FakeApi([paused]));
    fireEvent.click(reject());
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(commandCalls(api)).toEqual([]);
    expect(document.activeElement).toBe(reject());

    fireEvent.click(reject());
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Reject checkpoint' })));
    expect(commandCalls(api)).toEqual([{ action: 'reject', sessionId: 'fr_7', checkpointId: 'cp_3' }]);
  });

  it('closes the dialog on Escape without rejecting', () => {
    const { api } = renderWithApi(<DecisionControls session={paused} />, new FakeApi([paused]));
    fireEvent.click(reject());
    fireEvent.keyDown(screen.getByRole('textbox', { name: /Comment/ }), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(commandCalls(api)).toEqual([]);
  });

  it('is disabled while offline and says why', () => {
    const { api } = renderWithApi(<DecisionControls session={paused} />, new FakeApi([paused], { connection: offline() }));
    expect(approve().getAttribute('aria-disabled')).toBe('true');
    expect(reject().getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('Offline — decisions need a live connection')).toBeTruthy();
    fireEvent.click(approve());
    fireEvent.click(reject());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(commandCalls(api)).toEqual([]);

    act(() => api.setStatus({ connection: LIVE }));
    expect(approve().getAttribute('aria-disabled')).toBe('false');
    expect(screen.queryByText('Offline — decisions need a live connection')).toBeNull();
  });

  it('shows a conflict in words and keeps the row as it was', async () => {
    const { api } = renderWithApi(<LiveRow id="fr_7" />, new FakeApi([paused]));
    api.answers.command = () => ({ ok: false, code: 'conflict', message: 'checkpoint cp_3 was already rejected by Grace' });
    await act(async () => fireEvent.click(approve()));
    expect(screen.getByRole('alert').textContent).toBe("Couldn't approve: checkpoint cp_3 was already rejected by Grace");
    expect(screen.getByText('Approval needed')).toBeTruthy();
  });

  it('shows a failed call in words', async () => {
    const { api } = renderWithApi(<DecisionControls session={paused} />, new FakeApi([paused]));
    api.answers.command = () => Promise.reject(new Error('not connected to Parrot Tray'));
    fireEvent.click(reject());
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Reject checkpoint' })));
    expect(screen.getByRole('alert').textContent).toBe("Couldn't reject: not connected to Parrot Tray");
  });

  it('forgets the last outcome when a new checkpoint arrives', async () => {
    const { api } = renderWithApi(<LiveRow id="fr_7" />, new FakeApi([paused]));
    api.answers.command = () => ({ ok: false, code: 'conflict', message: 'already decided' });
    await act(async () => fireEvent.click(approve()));
    expect(screen.getByRole('alert')).toBeTruthy();
    act(() => api.push({ upserts: [{ ...paused, checkpoint: { ...checkpoint('cp_4'), prompt: 'Deploy?' } }] }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Deploy?')).toBeTruthy();
  });
});
