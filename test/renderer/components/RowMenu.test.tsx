import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotifySettings } from '../../../src/shared/notify-settings';
import { SessionRow } from '../../../src/renderer/src/components/SessionRow';
import { NOW, task } from '../../shared/fixtures';
import { FakeApi } from '../fake-api';
import { commandCalls, offline, renderWithApi } from './render-helpers';
import { atCheckpoint, button, KeyedList, LiveRow, openChat, parked, press, runningTask } from './session-actions-fixtures';

afterEach(() => vi.useRealTimers());

describe("a row's More actions menu", () => {
  const menuButton = () => button(/^More actions/);

  it('is one closed button until opened, then lists what applies with the row extras', () => {
    renderWithApi(<SessionRow session={parked} now={NOW} />, new FakeApi([parked]));
    expect(menuButton().getAttribute('aria-haspopup')).toBe('menu');
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryAllByRole('menuitem')).toHaveLength(0);
    fireEvent.click(menuButton());
    expect(menuButton().getAttribute('aria-expanded')).toBe('true');
    const menu = screen.getByRole('menu');
    expect(menuButton().getAttribute('aria-controls')).toBe(menu.id);
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['Resume⇧R', 'Cancel run…⇧C', 'Mute this flow Dependency upgrade']);
    expect(within(menu).getByRole('menuitem', { name: /^Resume/ }).getAttribute('aria-keyshortcuts')).toBe('Shift+R');
  });

  it('offers "Remind me in 1 h" only while a checkpoint waits, and "Mute this flow" only on flow runs', () => {
    const { unmount } = renderWithApi(<SessionRow session={atCheckpoint} now={NOW} />, new FakeApi([atCheckpoint]));
    fireEvent.click(menuButton());
    expect(screen.getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['Cancel run…⇧C', 'Remind me in 1 h', 'Mute this flow Dependency upgrade']);
    unmount();
    renderWithApi(<SessionRow session={runningTask} now={NOW} />, new FakeApi([runningTask]));
    fireEvent.click(menuButton());
    expect(screen.getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['Cancel task…⇧C']);
  });

  it('has no button on a row nothing applies to', () => {
    renderWithApi(<SessionRow session={task({ status: 'completed' })} now={NOW} />);
    expect(screen.queryByRole('button', { name: /^More actions/ })).toBeNull();
  });

  it('moves with the arrows, wraps, and closes on Escape with focus back on its button, the view left alone', () => {
    renderWithApi(<SessionRow session={parked} now={NOW} />, new FakeApi([parked]));
    fireEvent.click(menuButton());
    const items = screen.getAllByRole('menuitem');
    expect(document.activeElement).toBe(items[0]);
    press('ArrowDown');
    expect(document.activeElement).toBe(items[1]);
    press('ArrowUp');
    press('ArrowUp');
    expect(document.activeElement).toBe(items[2]);
    press('Home');
    expect(document.activeElement).toBe(items[0]);
    const windowKeys = vi.fn();
    window.addEventListener('keydown', windowKeys);
    press('Escape');
    window.removeEventListener('keydown', windowKeys);
    expect(windowKeys).not.toHaveBeenCalled();
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(menuButton());
  });

  it('closes when something else is pressed', () => {
    renderWithApi(<SessionRow session={parked} now={NOW} />, new FakeApi([parked]));
    fireEvent.click(menuButton());
    fireEvent.pointerDown(screen.getByRole('button', { name: `Open ${parked.title}` }));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('resumes from the menu and says so on the row until the row moves', async () => {
    const { api } = renderWithApi(<LiveRow id="fr_7" />, new FakeApi([parked]));
    fireEvent.click(menuButton());
    await act(async () => fireEvent.click(screen.getByRole('menuitem', { name: /^Resume/ })));
    expect(commandCalls(api)).toEqual([{ action: 'resume', sessionId: 'fr_7' }]);
    expect(screen.getByRole('status').textContent).toBe('Sent — waiting for Disco Parrot');
    expect(document.activeElement).toBe(menuButton());
    act(() => api.push({ upserts: [{ ...parked, status: 'running', updatedAt: new Date(NOW).toISOString() }] }));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('cancels from the menu only after the confirmation, and a stale one is answered in words', async () => {
    const { api } = renderWithApi(<LiveRow id="bt_1" fixed />, new FakeApi([runningTask]));
    api.answers.command = () => ({ ok: false, code: 'conflict', message: 'bt_1 is completed and cannot be cancelled' });
    fireEvent.click(menuButton());
    fireEvent.click(screen.getByRole('menuitem', { name: /^Cancel task/ }));
    expect(commandCalls(api)).toEqual([]);
    await act(async () => fireEvent.click(within(screen.getByRole('dialog', { name: 'Cancel this task?' })).getByRole('button', { name: 'Cancel task' })));
    expect(commandCalls(api)).toEqual([{ action: 'cancel', sessionId: 'bt_1' }]);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe("Couldn't cancel: bt_1 is completed and cannot be cancelled");
    expect(alert.getAttribute('title')).toBe(alert.textContent);
  });

  it('sets a reminder for 1 h through the core', async () => {
    const { api } = renderWithApi(<SessionRow session={atCheckpoint} now={NOW} />, new FakeApi([atCheckpoint]));
    fireEvent.click(menuButton());
    await act(async () => fireEvent.click(screen.getByRole('menuitem', { name: 'Remind me in 1 h' })));
    expect(api.calls.filter((c) => c.method === 'remindLater').map((c) => c.params)).toEqual([{ sessionId: 'fr_8', minutes: 60 }]);
    expect(screen.getByRole('status').textContent).toMatch(/again in 1 h/);
  });

  it('mutes the flow through the core, which adds it to the muted flows it holds', async () => {
    const { api } = renderWithApi(<SessionRow session={parked} now={NOW} />, new FakeApi([parked]));
    const settings = NotifySettings.parse({ mutedFlows: [{ id: 'fl_other', name: 'Nightly report' }] });
    api.answers.getSettings = () => settings;
    api.answers.muteFlow = ({ flow }) => ({ ...settings, mutedFlows: [...settings.mutedFlows, flow] });
    fireEvent.click(menuButton());
    await act(async () => fireEvent.click(screen.getByRole('menuitem', { name: /^Mute this flow/ })));
    // One flow added by the core to the list it holds, never a whole list written back.
    expect(api.calls.filter((c) => c.method === 'muteFlow').map((c) => c.params)).toEqual([{ flow: { id: 'fl_deps', name: 'Dependency upgrade' }, muted: true }]);
    expect(api.calls.some((c) => c.method === 'updateSettings')).toBe(false);
    expect(screen.getByRole('status').textContent).toContain('Muted “Dependency upgrade”');
  });

  it('leaves the settings alone when the flow is muted already', async () => {
    const { api } = renderWithApi(<SessionRow session={parked} now={NOW} />, new FakeApi([parked]));
    api.answers.getSettings = () => NotifySettings.parse({ mutedFlows: [{ id: 'fl_deps', name: 'Dependency upgrade' }] });
    fireEvent.click(menuButton());
    await act(async () => fireEvent.click(screen.getByRole('menuitem', { name: /^Mute this flow/ })));
    expect(api.calls.some((c) => c.method === 'updateSettings')).toBe(false);
    expect(screen.getByRole('status').textContent).toBe('“Dependency upgrade” is already muted');
  });

  it('shows why commands are unavailable offline, while this computer\'s own items still work', () => {
    renderWithApi(<SessionRow session={atCheckpoint} now={NOW} />, new FakeApi([atCheckpoint], { connection: offline() }));
    fireEvent.click(menuButton());
    const menu = screen.getByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: /^Cancel run/ }).getAttribute('aria-disabled')).toBe('true');
    expect(within(menu).getByRole('menuitem', { name: 'Remind me in 1 h' }).getAttribute('aria-disabled')).toBe('false');
    expect(document.getElementById(menu.getAttribute('aria-describedby')!)?.textContent).toBe('Offline — actions need a live connection');
  });
});

describe('row shortcuts', () => {
  const sessions = [parked, openChat, runningTask];
  const focusRow = (title: string) => act(() => screen.getByRole('button', { name: `Open ${title}` }).focus());

  it('Shift+R resumes and Shift+E ends the focused row, with its own id', async () => {
    const { api } = renderWithApi(<KeyedList sessions={sessions} />, new FakeApi(sessions));
    focusRow(parked.title);
    await act(async () => press('R', { shiftKey: true }));
    focusRow(openChat.title);
    await act(async () => press('E', { shiftKey: true }));
    expect(commandCalls(api)).toEqual([
      { action: 'resume', sessionId: 'fr_7' },
      { action: 'end', sessionId: 'ch_1' },
    ]);
  });

  it('Shift+C asks first, and focus comes back to the row\'s menu button', async () => {
    const { api } = renderWithApi(<KeyedList sessions={sessions} />, new FakeApi(sessions));
    focusRow(runningTask.title);
    press('C', { shiftKey: true });
    expect(commandCalls(api)).toEqual([]);
    const dialog = screen.getByRole('dialog', { name: 'Cancel this task?' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(commandCalls(api)).toEqual([]);
    expect(document.activeElement?.closest('[data-row-id]')?.getAttribute('data-row-id')).toBe('bt_1');
  });

  it('does nothing for an action that does not apply, and leaves r and a to decisions', () => {
    const withCp = [atCheckpoint, openChat];
    const { api } = renderWithApi(<KeyedList sessions={withCp} />, new FakeApi(withCp));
    focusRow(openChat.title);
    press('R', { shiftKey: true });
    press('C', { shiftKey: true });
    expect(commandCalls(api)).toEqual([]);
    expect(screen.queryByRole('dialog')).toBeNull();
    focusRow(atCheckpoint.title);
    press('r');
    expect(screen.getByRole('dialog', { name: 'Reject checkpoint?' })).toBeTruthy();
  });

  it('"." and the context-menu key open the row menu on its first item', () => {
    renderWithApi(<KeyedList sessions={sessions} />, new FakeApi(sessions));
    focusRow(openChat.title);
    press('.');
    expect(screen.getByRole('menu')).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('End chat⇧E');
    press('Escape');
    focusRow(runningTask.title);
    press('ContextMenu');
    expect(document.activeElement?.textContent).toBe('Cancel task…⇧C');
  });
});
