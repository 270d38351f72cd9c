import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useUiStore } from '../../../src/renderer/src/state/useUiStore';
import { SessionsPage } from '../../../src/renderer/src/views/sessions/SessionsPage';
import { chat, flowRun, task } from '../../shared/fixtures';
import { connectionLine } from '../components/render-helpers';
import { countText, feed, OFFLINE, renderWithApi, stubLayout } from './helpers';

const grace = { id: 'u_grace', name: 'Grace Hopper' };
const sessions = [
  flowRun({ id: 'fr_1', title: 'Nightly dependency upgrade', initiative: { id: 'in_1', name: 'Platform hygiene' }, plan: { id: 'pl_1', name: 'Q4 upgrades' } }),
  task({ id: 'bt_1', title: 'Backfill invoices', owner: grace, initiative: { id: 'in_2', name: 'Growth' } }),
  chat({ id: 'ch_1', title: 'Why is CI slow?', owner: grace }),
];

const rowTitles = () => within(screen.getByRole('list', { name: 'Sessions' })).getAllByRole('listitem').map((li) => li.querySelector('.row-title')?.textContent?.replace(/^Open /, ''));

describe('SessionsPage', () => {
  it('shows a loading state before the first snapshot', () => {
    renderWithApi(<SessionsPage />);
    expect(screen.getByText('Loading sessions…')).toBeTruthy();
  });

  it('lists every session with a count, as compact rows in a list', () => {
    stubLayout();
    feed(sessions);
    renderWithApi(<SessionsPage />);
    expect(countText()).toBe('3 sessions');
    expect(rowTitles()).toHaveLength(3);
    const first = screen.getAllByRole('listitem')[0]!;
    expect(first.getAttribute('aria-setsize')).toBe('3');
    expect(first.getAttribute('aria-posinset')).toBe('1');
  });

  it('narrows by tab, and marks the selected tab', async () => {
    stubLayout();
    feed(sessions);
    renderWithApi(<SessionsPage />);
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
    feed(sessions);
    renderWithApi(<SessionsPage />);
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

  it('says when nothing matches, and Clear filters brings everything back', async () => {
    stubLayout();
    feed(sessions);
    renderWithApi(<SessionsPage />);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search sessions' }), 'zzz');
    expect(screen.getByText('No sessions match these filters')).toBeTruthy();
    expect(countText()).toBe('0 sessions');
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(rowTitles()).toHaveLength(3);
    expect((screen.getByRole('searchbox', { name: 'Search sessions' }) as HTMLInputElement).value).toBe('');
  });

  it('keeps the filters in the UI store, so they survive a trip to a detail view', async () => {
    stubLayout();
    feed(sessions);
    const view = renderWithApi(<SessionsPage />);
    await userEvent.click(screen.getByRole('tab', { name: 'Chats' }));
    view.unmount();
    expect(useUiStore.getState().filters.kind).toBe('chat');
    renderWithApi(<SessionsPage />);
    expect(screen.getByRole('tab', { name: 'Chats' }).getAttribute('aria-selected')).toBe('true');
    expect(rowTitles()).toEqual(['Why is CI slow?']);
  });

  it('opens a row in the detail view, coming back to this page', async () => {
    stubLayout();
    feed(sessions);
    renderWithApi(<SessionsPage />);
    useUiStore.setState({ route: { name: 'sessions' } });
    await userEvent.click(screen.getByRole('button', { name: 'Open Backfill invoices' }));
    expect(useUiStore.getState().route).toEqual({ name: 'detail', id: 'bt_1', from: 'sessions' });
  });

  it('goes back to the Command Center', async () => {
    feed(sessions);
    useUiStore.setState({ route: { name: 'sessions' } });
    renderWithApi(<SessionsPage />);
    await userEvent.click(screen.getByRole('button', { name: 'Back to Command Center' }));
    expect(useUiStore.getState().route).toEqual({ name: 'popover' });
  });

  it('says it is offline and still lists the saved sessions', () => {
    stubLayout();
    feed(sessions, OFFLINE);
    renderWithApi(<SessionsPage />);
    expect(connectionLine().textContent).toMatch(/^Offline, data as of \d\d:\d\d$/);
    expect(rowTitles()).toHaveLength(3);
  });

  it('says when there are no sessions at all', () => {
    feed([]);
    renderWithApi(<SessionsPage />);
    expect(screen.getByText(/No sessions yet/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('"/" focuses the search box', () => {
    stubLayout();
    feed(sessions);
    renderWithApi(<SessionsPage />);
    act(() => {
      fireEvent.keyDown(document.body, { key: '/' });
    });
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search sessions' }));
  });
});
