import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useUiStore } from '../../../src/renderer/src/state/useUiStore';
import { SessionsPage } from '../../../src/renderer/src/views/sessions/SessionsPage';
import { chat, flowRun, NOW, task } from '../../shared/fixtures';
import { connectionLine } from '../components/render-helpers';
import { coreAt, countText, OFFLINE, renderWithApi, stubLayout } from './helpers';

const grace = { id: 'u_grace', name: 'Grace Hopper' };
const sessions = [
  flowRun({ id: 'fr_1', title: 'Nightly dependency upgrade', initiative: { id: 'in_1', name: 'Platform hygiene' }, plan: { id: 'pl_1', name: 'Q4 upgrades' } }),
  task({ id: 'bt_1', title: 'Backfill invoices', owner: grace, initiative: { id: 'in_2', name: 'Growth' } }),
  chat({ id: 'ch_1', title: 'Why is CI slow?', owner: grace }),
];

const rowTitles = () => within(screen.getByRole('list', { name: 'Sessions' })).getAllByRole('listitem').map((li) => li.querySelector('.row-title')?.textContent?.replace(/^Open /, ''));

describe('SessionsPage', () => {
  it('shows a loading state until the first answer', () => {
    const api = coreAt(sessions, { held: true });
    renderWithApi(<SessionsPage />, api);
    expect(screen.getByText('Loading sessions…')).toBeTruthy();
    expect(countText()).toBeUndefined();
    act(() => api.release());
    expect(countText()).toBe('3 sessions');
  });

  it('lists every session with a count, as compact rows in a list', () => {
    stubLayout();
    renderWithApi(<SessionsPage />, coreAt(sessions));
    expect(countText()).toBe('3 sessions');
    expect(rowTitles()).toHaveLength(3);
    const first = screen.getAllByRole('listitem')[0]!;
    expect(first.getAttribute('aria-setsize')).toBe('3');
    expect(first.getAttribute('aria-posinset')).toBe('1');
  });

  it('narrows by tab, and marks the selected tab', async () => {
    stubLayout();
    renderWithApi(<SessionsPage />, coreAt(sessions));
    await userEvent.click(screen.getByRole('tab', { name: 'Tasks' }));
    expect(screen.getByRole('tab', { name: 'Tasks' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tab', { name: 'All' }).getAttribute('aria-selected')).toBe('false');
    expect(rowTitles()).toEqual(['Backfill invoices']);
    expect(countText()).toBe('1 session');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Tasks' }), { key: 'ArrowRight' });
    expect(rowTitles()).toEqual(['Why is CI slow?']);
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Chats' }));
  });

  it('offers Mine, Everyone, then owners, and narrows by owner, initiative, plan and search', async () => {
    stubLayout();
    renderWithApi(<SessionsPage />, coreAt(sessions));
    const owner = screen.getByRole('combobox', { name: 'Owner' });
    expect(within(owner).getAllByRole('option').map((o) => o.textContent)).toEqual(['Mine', 'Everyone', 'Grace Hopper']);
    await userEvent.selectOptions(owner, 'Mine');
    expect(rowTitles()).toEqual(['Nightly dependency upgrade']);
    await userEvent.selectOptions(owner, 'Everyone');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Initiative' }), 'Growth');
    expect(rowTitles()).toEqual(['Backfill invoices']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Initiative' }), 'Any initiative');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Plan' }), 'Q4 upgrades');
    expect(rowTitles()).toEqual(['Nightly dependency upgrade']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Plan' }), 'Any plan');

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search sessions' }), 'ci SLOW');
    expect(rowTitles()).toEqual(['Why is CI slow?']);
  });

  it('asks the core with the filters it understands, and only ever one list query at a time', async () => {
    stubLayout();
    const api = coreAt(sessions);
    renderWithApi(<SessionsPage />, api);
    await userEvent.click(screen.getByRole('tab', { name: 'Chats' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Owner' }), 'Mine');
    const open = api.openQueries();
    expect(open).toEqual([{ view: 'sessions', filters: { kind: 'chat', mine: true }, offset: 0, limit: 100 }]);
    expect(screen.getByText('No sessions match these filters')).toBeTruthy();
  });

  it('keeps a chosen initiative selectable when the core no longer offers it', async () => {
    stubLayout();
    const api = coreAt(sessions);
    renderWithApi(<SessionsPage />, api);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Initiative' }), 'Growth');
    act(() => api.push({ removals: ['bt_1'] }));
    const initiative = screen.getByRole('combobox', { name: 'Initiative' }) as HTMLSelectElement;
    expect(initiative.value).toBe('in_2');
    expect(within(initiative).getAllByRole('option').map((o) => o.textContent)).toEqual(['Any initiative', 'Platform hygiene', 'in_2 (no sessions)']);
  });

  it('says quietly when the background service had to be restarted', () => {
    renderWithApi(<SessionsPage />, coreAt(sessions, { coreRestart: { count: 2, at: NOW - 60_000, reason: 'killed by signal 9' } }));
    expect(screen.getByText(/^Parrot Tray's background service stopped \(killed by signal 9\) and was restarted at \d\d:\d\d\. It has restarted 2 times/)).toBeTruthy();
  });

  it('says when nothing matches, and Clear filters brings everything back', async () => {
    stubLayout();
    renderWithApi(<SessionsPage />, coreAt(sessions));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search sessions' }), 'zzz');
    expect(screen.getByText('No sessions match these filters')).toBeTruthy();
    expect(countText()).toBe('0 sessions');
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(rowTitles()).toHaveLength(3);
    expect((screen.getByRole('searchbox', { name: 'Search sessions' }) as HTMLInputElement).value).toBe('');
  });

  it('says in words when the core refuses the filters (a search past 200 characters), and lists again once it fits', async () => {
    stubLayout();
    renderWithApi(<SessionsPage />, coreAt(sessions));
    const search = screen.getByRole('searchbox', { name: 'Search sessions' });
    await userEvent.click(search);
    await userEvent.paste('x'.repeat(201));
    const refusal = screen.getByRole('alert');
    expect(refusal.textContent).toMatch(/^These sessions could not be listedinvalid query: Too big/);
    expect(screen.queryByRole('list', { name: 'Sessions' })).toBeNull();
    await userEvent.type(search, '{Backspace}');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('No sessions match these filters')).toBeTruthy();
  });

  it('keeps the filters in the UI store, so they survive a trip to a detail view', async () => {
    stubLayout();
    const view = renderWithApi(<SessionsPage />, coreAt(sessions));
    await userEvent.click(screen.getByRole('tab', { name: 'Chats' }));
    view.unmount();
    expect(useUiStore.getState().filters.kind).toBe('chat');
    renderWithApi(<SessionsPage />, coreAt(sessions));
    expect(screen.getByRole('tab', { name: 'Chats' }).getAttribute('aria-selected')).toBe('true');
    expect(rowTitles()).toEqual(['Why is CI slow?']);
  });

  it('opens a row in the detail view, coming back to this page', async () => {
    stubLayout();
    renderWithApi(<SessionsPage />, coreAt(sessions));
    useUiStore.setState({ route: { name: 'sessions' } });
    await userEvent.click(screen.getByRole('button', { name: 'Open Backfill invoices' }));
    expect(useUiStore.getState().route).toEqual({ name: 'detail', id: 'bt_1', from: 'sessions' });
  });

  it('goes back to the Command Center', async () => {
    useUiStore.setState({ route: { name: 'sessions' } });
    renderWithApi(<SessionsPage />, coreAt(sessions));
    await userEvent.click(screen.getByRole('button', { name: 'Back to Command Center' }));
    expect(useUiStore.getState().route).toEqual({ name: 'popover' });
  });

  it('says it is offline and still lists the saved sessions', () => {
    stubLayout();
    renderWithApi(<SessionsPage />, coreAt(sessions, { connection: OFFLINE }));
    expect(connectionLine().textContent).toMatch(/^Offline, data as of \d\d:\d\d$/);
    expect(rowTitles()).toHaveLength(3);
  });

  it('says when there are no sessions at all', () => {
    renderWithApi(<SessionsPage />, coreAt([]));
    expect(screen.getByText(/No sessions yet/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('"/" focuses the search box', () => {
    stubLayout();
    renderWithApi(<SessionsPage />, coreAt(sessions));
    act(() => {
      fireEvent.keyDown(document.body, { key: '/' });
    });
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search sessions' }));
  });
});
