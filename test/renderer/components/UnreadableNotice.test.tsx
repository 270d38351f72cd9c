import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiProvider } from '../../../src/renderer/src/api/api-context';
import { Popover } from '../../../src/renderer/src/views/popover/Popover';
import { SessionsPage } from '../../../src/renderer/src/views/sessions/SessionsPage';
import { flowRun } from '../../shared/fixtures';
import { FakeApi } from '../fake-api';

// The Sessions page's list is virtualized (no rows without layout here), so it shows its count.
const views = {
  popover: { View: () => <Popover />, shown: () => screen.getByText('Readable run') },
  sessions: { View: () => <SessionsPage />, shown: () => screen.getByText('1 session') },
};

describe('sessions that could not be read', () => {
  for (const [name, { View, shown }] of Object.entries(views)) {
    it(`${name}: says how many, with the ids behind a disclosure, beside every session that could be read`, () => {
      const api = new FakeApi([flowRun({ id: 'fr_ok', title: 'Readable run' })], { unreadable: { count: 6, ids: ['bad_kind', 'bad_title'] } });
      render(<ApiProvider api={api}><View /></ApiProvider>);
      const summary = screen.getByText('6 sessions could not be read');
      const details = summary.closest('details')!;
      expect(details.open).toBe(false);
      fireEvent.click(summary);
      const ids = within(details).getByRole('list', { name: 'Sessions that could not be read' });
      expect(within(ids).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['bad_kind', 'bad_title', '4 more without a readable id']);
      expect(shown()).toBeTruthy();
    });
  }

  it('follows the core: a new status updates the count, and it goes once all are readable again', () => {
    const api = new FakeApi([], { unreadable: { count: 1, ids: ['bad_kind'] } });
    render(<ApiProvider api={api}><Popover /></ApiProvider>);
    expect(screen.getByText('1 session could not be read')).toBeTruthy();
    act(() => api.setStatus({ unreadable: { count: 2, ids: ['bad_kind', 'bad_owner'] } }));
    expect(screen.getByText('2 sessions could not be read')).toBeTruthy();
    act(() => api.setStatus({ unreadable: { count: 0, ids: [] } }));
    expect(screen.queryByText(/could not be read/)).toBeNull();
  });

  it('says nothing while every session is readable', () => {
    render(<ApiProvider api={new FakeApi([flowRun()])}><Popover /></ApiProvider>);
    expect(screen.queryByText(/could not be read/)).toBeNull();
  });
});
