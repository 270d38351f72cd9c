import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../../src/renderer/src/api/api-context';
import { useFocusStore } from '../../../src/renderer/src/state/useFocusStore';
import { useUiStore } from '../../../src/renderer/src/state/useUiStore';
import { Popover } from '../../../src/renderer/src/views/popover/Popover';
import { ago, chat, checkpoint, flowRun, HOUR, MINUTE, NOW, task } from '../../shared/fixtures';
import type { ConnectionState } from '../../../src/shared/connection-state';
import { FakeApi } from '../fake-api';
import { commandCalls, offline } from '../components/render-helpers';

// Active Now: Upgrade (1 min), Chat (29 min); Recent: Report (1 h).
const sessions = [
  flowRun({ id: 'fr_7', title: 'Upgrade', status: 'paused', updatedAt: ago(MINUTE), checkpoint: checkpoint('cp_3') }),
  chat({ id: 'ch_1', title: 'Chat', updatedAt: ago(29 * MINUTE), chat: { lastMessageAt: ago(29 * MINUTE) } }),
  task({ id: 'bt_1', title: 'Report', status: 'completed', updatedAt: ago(HOUR) }),
];

function renderPopover(connection?: ConnectionState) {
  const api = new FakeApi(sessions, connection ? { connection } : {});
  render(<ApiProvider api={api}><Popover /></ApiProvider>);
  return api;
}

const row = (title: string) => screen.getByRole('button', { name: `Open ${title}` });
const press = (key: string) => fireEvent.keyDown(document.activeElement ?? document.body, { key });
const focused = () => document.activeElement?.textContent?.replace(/^Open /, '');

describe('Popover keyboard', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('moves a single tab stop through both sections with j/k and the arrows', () => {
    renderPopover();
    expect(row('Upgrade').tabIndex).toBe(0);
    expect(row('Report').tabIndex).toBe(-1);
    press('j');
    expect(focused()).toBe('Upgrade');
    press('j');
    expect(focused()).toBe('Chat');
    press('ArrowDown');
    expect(focused()).toBe('Report');
    press('ArrowDown');
    expect(focused()).toBe('Report');
    press('k');
    expect(focused()).toBe('Chat');
    press('ArrowUp');
    expect(focused()).toBe('Upgrade');
    expect(row('Upgrade').tabIndex).toBe(0);
    expect(row('Chat').tabIndex).toBe(-1);
  });

  it('opens the focused row with Enter', () => {
    renderPopover();
    press('j');
    press('j');
    press('Enter');
    expect(useUiStore.getState().route).toEqual({ name: 'detail', id: 'ch_1', from: 'popover' });
  });

  it('approves the focused row with a', async () => {
    const api = renderPopover();
    press('j');
    await act(async () => press('a'));
    expect(commandCalls(api)).toEqual([{ action: 'approve', sessionId: 'fr_7', checkpointId: 'cp_3' }]);
    press('j');
    await act(async () => press('a'));
    expect(commandCalls(api)).toHaveLength(1);
  });

  it('does not approve while offline', async () => {
    const api = renderPopover(offline());
    press('j');
    await act(async () => press('a'));
    expect(commandCalls(api)).toEqual([]);
  });

  it('opens the reject confirmation with r, and keys typed in it stay in the comment', () => {
    const api = renderPopover();
    press('j');
    press('r');
    const box = within(screen.getByRole('dialog')).getByRole('textbox', { name: /Comment/ });
    box.focus();
    press('j');
    press('a');
    expect(document.activeElement).toBe(box);
    expect(commandCalls(api)).toEqual([]);
  });

  it('sends "/" to the Sessions page and asks it to focus its search', () => {
    renderPopover();
    press('/');
    expect(useUiStore.getState().route).toEqual({ name: 'sessions' });
    expect(useFocusStore.getState().focusSearch).toBe(true);
    useFocusStore.getState().clearSearchFocus();
  });

  it('keeps focus on a chat that moves from Active Now to Recent', () => {
    const api = renderPopover();
    press('j');
    press('j');
    expect(focused()).toBe('Chat');
    act(() => {
      vi.advanceTimersByTime(MINUTE);
      api.tick();
    });
    expect(within(screen.getByRole('list', { name: /^Recent/ })).getByRole('button', { name: 'Open Chat' })).toBe(document.activeElement);
  });
});
