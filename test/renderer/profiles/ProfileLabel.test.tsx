import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ReactElement } from 'react';
import { resetPopoverShowing } from '../../../src/renderer/src/state/usePopoverOpened';
import { DetailView } from '../../../src/renderer/src/views/detail/DetailView';
import { Popover } from '../../../src/renderer/src/views/popover/Popover';
import { SessionsPage } from '../../../src/renderer/src/views/sessions/SessionsPage';
import type { Session } from '../../../src/shared/protocol';
import { ago, chat, checkpoint, flowRun, HOUR, task } from '../../shared/fixtures';
import type { FakeOptions } from '../fake-api';
import { coreAt, renderWithApi, stubLayout } from '../sessions/helpers';
import { ACME, GLOBEX, SIGNIN_NEEDED } from './profile-fixtures';

const sessions: Session[] = [
  flowRun({ id: 'acme/fr_1', title: 'Release train', status: 'paused', checkpoint: checkpoint('cp_1') }),
  task({ id: 'globex/bt_1', title: 'Backfill invoices' }),
  chat({ id: 'globex/ch_1', title: 'Why is CI slow?', chat: { ended: true }, status: 'ended', updatedAt: ago(HOUR) }),
];

/** The row of a title: the element that carries data-row-id. */
const rowOf = (title: string) => screen.getByRole('button', { name: `Open ${title}` }).closest<HTMLElement>('[data-row-id]')!;
const chipOf = (el: HTMLElement) => el.querySelector<HTMLElement>('[data-profile-chip]');

function show(ui: ReactElement, options: FakeOptions) {
  stubLayout();
  return renderWithApi(ui, coreAt(sessions, options));
}

describe('the profile label', () => {
  beforeEach(() => resetPopoverShowing());

  it('is on every popover row with two profiles: Needs you, Active Now and Recent', () => {
    show(<Popover />, { profiles: [ACME, GLOBEX] });
    expect(within(screen.getByRole('list', { name: /^Needs you/ })).getByText('Acme')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: /^Active Now/ })).getByText('Globex')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: /^Recent/ })).getByText('Globex')).toBeTruthy();
  });

  it('sits in the meta line, so a fixed-height row keeps its height', () => {
    show(<Popover />, { profiles: [ACME, GLOBEX] });
    const row = rowOf('Release train');
    expect(row.classList.contains('row-fixed')).toBe(true);
    expect(chipOf(row)?.parentElement?.classList.contains('row-meta')).toBe(true);
  });

  it('reads its name and hides its dot, coloured with the profile', () => {
    show(<Popover />, { profiles: [ACME, GLOBEX] });
    const chip = chipOf(rowOf('Backfill invoices'))!;
    expect(chip.textContent).toBe('profile Globex');
    const dot = chip.querySelector<HTMLElement>('.profile-dot')!;
    expect(dot.getAttribute('aria-hidden')).toBe('true');
    expect(dot.style.background).toMatch(/#10b981|rgb\(16, 185, 129\)/);
  });

  it('is not shown with one profile, where every row would say the same', () => {
    show(<Popover />, { profiles: [ACME] });
    expect(rowOf('Release train')).toBeTruthy();
    expect(document.querySelector('[data-profile-chip]')).toBeNull();
  });

  it('is on the Sessions list rows with two profiles, and not with one', () => {
    const { unmount } = show(<SessionsPage />, { profiles: [ACME, GLOBEX] });
    expect(chipOf(rowOf('Release train'))?.textContent).toBe('profile Acme');
    expect(chipOf(rowOf('Backfill invoices'))?.textContent).toBe('profile Globex');
    unmount();
    show(<SessionsPage />, { profiles: [GLOBEX] });
    expect(document.querySelector('[data-profile-chip]')).toBeNull();
  });

  it('is in the detail header with two profiles, and not with one', () => {
    const { unmount } = show(<DetailView id="globex/bt_1" />, { profiles: [ACME, GLOBEX] });
    const header = document.querySelector<HTMLElement>('.detail-summary')!;
    expect(chipOf(header)?.textContent).toBe('profile Globex');
    unmount();
    show(<DetailView id="globex/bt_1" />, { profiles: [GLOBEX] });
    expect(document.querySelector('[data-profile-chip]')).toBeNull();
  });
});

describe("a row's commands go over its own profile's connection", () => {
  it('keeps Approve on a live profile while another needs sign-in', () => {
    const waiting = [
      flowRun({ id: 'acme/fr_1', title: 'Acme release', status: 'paused', checkpoint: checkpoint('cp_1') }),
      flowRun({ id: 'globex/fr_1', title: 'Globex release', status: 'paused', checkpoint: checkpoint('cp_1') }),
    ];
    stubLayout();
    renderWithApi(<Popover />, coreAt(waiting, { profiles: [ACME, { ...GLOBEX, connection: SIGNIN_NEEDED }], connection: SIGNIN_NEEDED }));
    const approve = (title: string) => within(rowOf(title)).getByRole('button', { name: `Approve ${title}` });
    expect(approve('Acme release').getAttribute('aria-disabled')).toBe('false');
    expect(approve('Globex release').getAttribute('aria-disabled')).toBe('true');
    expect(within(rowOf('Globex release')).getByText('Sign-in needed — decisions need a live connection')).toBeTruthy();
    expect(within(rowOf('Acme release')).queryByText(/need a live connection/)).toBeNull();
  });
});
