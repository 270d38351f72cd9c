import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useUiStore } from '../../../src/renderer/src/state/useUiStore';
import { SessionsPage } from '../../../src/renderer/src/views/sessions/SessionsPage';
import type { SessionFilters, ViewQuery } from '../../../src/shared/api';
import { chat, flowRun, task } from '../../shared/fixtures';
import type { FakeApi } from '../fake-api';
import { coreAt, renderWithApi, stubLayout } from '../sessions/helpers';
import { ACME, GLOBEX } from './profile-fixtures';

const adaInGlobex = { id: 'u_ada_g', name: 'Ada Lovelace' };
const grace = { id: 'u_grace', name: 'Grace Hopper' };
const sessions = [
  flowRun({ id: 'acme/fr_1', title: 'Acme release' }),
  task({ id: 'globex/bt_1', title: 'Globex backfill', owner: adaInGlobex }),
  chat({ id: 'globex/ch_1', title: 'Globex chat', owner: grace }),
];

const rowTitles = () => within(screen.getByRole('list', { name: 'Sessions' })).getAllByRole('listitem').map((li) => li.querySelector('.row-title')?.textContent?.replace(/^Open /, ''));
/** The filters of the Sessions query open now. */
const filtersSent = (api: FakeApi): SessionFilters => (api.openQueries().find((q) => q.view === 'sessions') as Extract<ViewQuery, { view: 'sessions' }>).filters;

function show(profiles = [ACME, GLOBEX]) {
  stubLayout();
  return renderWithApi(<SessionsPage />, coreAt(sessions, { profiles })).api;
}

describe('the Sessions page profile filter', () => {
  it('is not offered with one profile', () => {
    show([ACME]);
    expect(screen.queryByRole('combobox', { name: 'Profile' })).toBeNull();
  });

  it('offers All profiles, then each profile by name, and sends filters.profile', async () => {
    const api = show();
    const select = screen.getByRole('combobox', { name: 'Profile' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['All profiles', 'Acme', 'Globex']);
    await userEvent.selectOptions(select, 'Globex');
    expect(filtersSent(api)).toEqual({ profile: 'globex' });
    expect(rowTitles()).toEqual(['Globex backfill', 'Globex chat']);
    await userEvent.selectOptions(select, 'All profiles');
    expect(filtersSent(api)).toEqual({});
    expect(rowTitles()).toHaveLength(3);
  });

  it('composes with the owner filter, Mine being the person in each profile', async () => {
    const api = show();
    const owner = screen.getByRole('combobox', { name: 'Owner' });
    // Ada is Mine in both tenants, under two ids: neither is offered again as another owner.
    expect(within(owner).getAllByRole('option').map((o) => o.textContent)).toEqual(['Mine', 'Everyone', 'Grace Hopper']);
    await userEvent.selectOptions(owner, 'Mine');
    expect(rowTitles()).toEqual(['Acme release', 'Globex backfill']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Profile' }), 'Globex');
    expect(filtersSent(api)).toEqual({ profile: 'globex', mine: true });
    expect(rowTitles()).toEqual(['Globex backfill']);
  });

  it('stops filtering once its profile is gone, rather than narrowing the list unseen', async () => {
    const api = show();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Profile' }), 'Globex');
    act(() => api.setStatus({ profiles: [ACME] }));
    expect(screen.queryByRole('combobox', { name: 'Profile' })).toBeNull();
    expect(filtersSent(api)).toEqual({});
    expect(useUiStore.getState().filters.profile).toBe('globex');
  });
});
