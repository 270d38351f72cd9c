import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/renderer/src/App';
import { useFocusStore } from '../../../src/renderer/src/state/useFocusStore';
import { useUiStore } from '../../../src/renderer/src/state/useUiStore';
import { chat, flowRun, task } from '../../shared/fixtures';
import { coreAt, stubLayout } from './helpers';

const sessions = [
  flowRun({ id: 'fr_1', title: 'Nightly dependency upgrade' }),
  task({ id: 'bt_1', title: 'Backfill invoices' }),
  chat({ id: 'ch_1', title: 'Why is CI slow?' }),
];

/** The app on its Sessions page, once that page's chunk (lazyViews.tsx) has loaded. */
async function app() {
  stubLayout();
  const api = coreAt(sessions);
  render(<App api={api} />);
  act(() => useUiStore.getState().go({ name: 'sessions' }));
  await screen.findByRole('heading', { level: 1, name: 'Sessions' });
  return api;
}

describe('Sessions page ⇄ detail view', () => {
  it('opens a detail view and comes back with the filters kept and focus on the row it left from', async () => {
    await app();
    await userEvent.click(screen.getByRole('tab', { name: 'Tasks' }));
    await userEvent.click(screen.getByRole('button', { name: 'Open Backfill invoices' }));
    // The detail view comes in its own chunk (lazyViews.tsx).
    expect(await screen.findByRole('heading', { level: 1, name: /Backfill invoices/ })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('heading', { name: 'Sessions' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Tasks' }).getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open Backfill invoices' })));
  });

  it('Escape in a non-empty search clears it instead of leaving the page', async () => {
    await app();
    const search = screen.getByRole('searchbox', { name: 'Search sessions' });
    await userEvent.type(search, 'ci');
    await userEvent.keyboard('{Escape}');
    expect((search as HTMLInputElement).value).toBe('');
    expect(useUiStore.getState().route).toEqual({ name: 'sessions' });
    await userEvent.keyboard('{Escape}');
    expect(useUiStore.getState().route).toEqual({ name: 'popover' });
  });

  it('focuses the search box when another view sent the person here to search', async () => {
    stubLayout();
    render(<App api={coreAt(sessions)} />);
    act(() => {
      useFocusStore.getState().requestSearchFocus();
      useUiStore.getState().go({ name: 'sessions' });
    });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search sessions' })));
    expect(useFocusStore.getState().focusSearch).toBe(false);
  });
});
