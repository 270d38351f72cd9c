import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NOTE_MS } from '../../../src/renderer/src/components/useSessionActions';
import type { CommandReply } from '../../../src/shared/api';
import { SessionActions } from '../../../src/renderer/src/components/SessionActions';
import { flowRun, NOW } from '../../shared/fixtures';
import { FakeApi } from '../fake-api';
import { commandCalls, offline, renderWithApi } from './render-helpers';
import { button, LiveActions, openChat, parked, runningTask } from './session-actions-fixtures';


afterEach(() => vi.useRealTimers());

describe('SessionActions in the detail view', () => {
  it('offers exactly the actions that apply', () => {
    const { unmount } = renderWithApi(<SessionActions session={parked} />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Resume', 'Cancel run…']);
    unmount();
    renderWithApi(<SessionActions session={openChat} />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['End chat']);
  });

  it('shows nothing for a session nothing applies to', () => {
    const { container } = renderWithApi(<SessionActions session={flowRun({ status: 'succeeded' })} />);
    expect(container.textContent).toBe('');
  });

  it('resumes with the session id, says it was sent, and changes nothing until the stream does', async () => {
    const { api } = renderWithApi(<LiveActions id="fr_7" />, new FakeApi([parked]));
    await act(async () => fireEvent.click(button('Resume')));
    expect(commandCalls(api)).toEqual([{ action: 'resume', sessionId: 'fr_7' }]);
    expect(screen.getByRole('status').textContent).toBe('Sent — waiting for Disco Parrot');
    expect(button('Resume')).toBeTruthy();
    act(() => api.push({ upserts: [{ ...parked, status: 'running', updatedAt: new Date(NOW).toISOString() }] }));
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Resume' })).toBeNull();
    expect(button('Cancel run…')).toBeTruthy();
  });

  it('lets the "sent" note go after a few seconds when the stream is slow', async () => {
    vi.useFakeTimers();
    renderWithApi(<SessionActions session={openChat} />, new FakeApi([openChat]));
    await act(async () => fireEvent.click(button('End chat')));
    expect(screen.getByRole('status').textContent).toBe('Sent — waiting for Disco Parrot');
    act(() => vi.advanceTimersByTime(NOTE_MS - 1));
    expect(screen.queryByRole('status')).not.toBeNull();
    act(() => vi.advanceTimersByTime(1));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('asks before a cancel; "Don\'t cancel" sends nothing and gives focus back', async () => {
    const { api } = renderWithApi(<SessionActions session={runningTask} />, new FakeApi([runningTask]));
    fireEvent.click(button('Cancel task…'));
    const dialog = screen.getByRole('dialog', { name: 'Cancel this task?' });
    expect(dialog.textContent).toContain('“Backfill invoices”');
    expect(document.activeElement?.textContent).toBe("Don't cancel");
    fireEvent.click(within(dialog).getByRole('button', { name: "Don't cancel" }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(commandCalls(api)).toEqual([]);
    expect(document.activeElement).toBe(button('Cancel task…'));
    fireEvent.click(button('Cancel task…'));
    await act(async () => fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel task' })));
    expect(commandCalls(api)).toEqual([{ action: 'cancel', sessionId: 'bt_1' }]);
  });

  it.each<[string, CommandReply, string]>([
    ['conflict', { ok: false, code: 'conflict', message: 'bt_1 is cancelled and cannot be cancelled' }, "Couldn't cancel: bt_1 is cancelled and cannot be cancelled"],
    ['not_found', { ok: false, code: 'not_found', message: 'session bt_1 does not exist' }, "Couldn't cancel: session bt_1 does not exist"],
    ['forbidden', { ok: false, code: 'forbidden', message: '' }, "Couldn't cancel: you aren't allowed to do that on this session"],
    ['offline', { ok: false, code: 'offline', message: 'offline: not connected to Disco Parrot, so nothing was sent' }, "Couldn't cancel: offline: not connected to Disco Parrot, so nothing was sent"],
  ])('says a %s in words, beside the buttons, and keeps it', async (_code, reply, words) => {
    vi.useFakeTimers();
    const { api } = renderWithApi(<SessionActions session={runningTask} />, new FakeApi([runningTask]));
    api.answers.command = () => reply;
    fireEvent.click(button('Cancel task…'));
    await act(async () => fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel task' })));
    expect(screen.getByRole('alert').textContent).toBe(words);
    act(() => vi.advanceTimersByTime(NOTE_MS * 3));
    expect(screen.getByRole('alert').textContent).toBe(words);
  });

  it('takes no second press while the first is on its way', async () => {
    const { api } = renderWithApi(<SessionActions session={parked} />, new FakeApi([parked]));
    let answer: (reply: CommandReply) => void = () => {};
    api.answers.command = () => new Promise((resolve) => (answer = resolve));
    fireEvent.click(button('Resume'));
    expect(button('Resuming…').getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button('Resuming…'));
    expect(commandCalls(api)).toHaveLength(1);
    await act(async () => answer({ ok: true }));
    expect(button('Resume').getAttribute('aria-disabled')).toBe('false');
  });

  it('is unavailable offline, and says why', () => {
    const { api } = renderWithApi(<SessionActions session={parked} />, new FakeApi([parked], { connection: offline() }));
    expect(button('Resume').getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('Offline — actions need a live connection')).toBeTruthy();
    fireEvent.click(button('Resume'));
    expect(commandCalls(api)).toEqual([]);
  });
});
