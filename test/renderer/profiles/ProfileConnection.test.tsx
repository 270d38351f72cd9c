import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetPopoverShowing } from '../../../src/renderer/src/state/usePopoverOpened';
import { Popover } from '../../../src/renderer/src/views/popover/Popover';
import { clockTime } from '../../../src/shared/format';
import { flowRun, NOW, task } from '../../shared/fixtures';
import { connectionLine, renderWithApi } from '../components/render-helpers';
import { FakeApi, LIVE, type FakeOptions } from '../fake-api';
import { ACME, GLOBEX, profile, RECONNECTING, SIGNIN_NEEDED } from './profile-fixtures';

const sessions = [flowRun({ id: 'acme/fr_1', title: 'Acme release' }), task({ id: 'globex/bt_1', title: 'Globex backfill' })];
const show = (options: FakeOptions) => renderWithApi(<Popover />, new FakeApi(sessions, options));
const INITECH = profile('initech', 'Initech');

describe('the connection across profiles', () => {
  beforeEach(() => {
    resetPopoverShowing();
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('names the profile that is not live, and keeps every profile\'s rows', () => {
    show({ profiles: [ACME, { ...GLOBEX, connection: SIGNIN_NEEDED }], connection: SIGNIN_NEEDED });
    expect(connectionLine().textContent).toBe('Globex: sign-in needed');
    expect(connectionLine().className).toContain('conn-action');
    expect(screen.getByRole('button', { name: 'Open Acme release' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open Globex backfill' })).toBeTruthy();
  });

  it('names each troubled profile, most urgent first, without a countdown it could not attribute', () => {
    show({ profiles: [{ ...INITECH, connection: RECONNECTING }, ACME, { ...GLOBEX, connection: SIGNIN_NEEDED }], connection: SIGNIN_NEEDED });
    expect(connectionLine().textContent).toBe('Globex: sign-in needed, Initech: offline');
  });

  it('keeps the countdown when one profile is reconnecting, as it is the one named', () => {
    show({ profiles: [ACME, { ...GLOBEX, connection: RECONNECTING }], connection: RECONNECTING });
    expect(connectionLine().textContent).toBe('Globex: offline — reconnecting in 4 s');
  });

  it('says "Live" when every profile is', () => {
    show({ profiles: [ACME, GLOBEX], connection: LIVE });
    expect(connectionLine().textContent).toBe('Live');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('with one profile says what it always said', () => {
    show({ profiles: [{ ...ACME, connection: SIGNIN_NEEDED }], connection: SIGNIN_NEEDED });
    expect(connectionLine().textContent).toBe('Sign-in needed');
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe('Sign-in needed');
    expect(alert.textContent).toContain("Disco Parrot did not accept Parrot Tray's sign-in (token revoked).");
  });

  it('names the profile that needs sign-in in the notice, and which stay live', () => {
    show({ profiles: [ACME, { ...GLOBEX, connection: SIGNIN_NEEDED }, INITECH], connection: SIGNIN_NEEDED });
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe('Sign-in needed: Globex');
    expect(alert.textContent).toContain("did not accept Parrot Tray's sign-in to Globex (token revoked)");
    expect(alert.textContent).toContain(`Until then, Globex's sessions below are as of ${clockTime(SIGNIN_NEEDED.offlineSince!)}.`);
    expect(alert.textContent).toContain('Acme and Initech stay live.');
  });

  it('gives sign-in and update problems a notice each', () => {
    const update = { ...SIGNIN_NEEDED, phase: 'update-needed' as const, reason: null };
    show({ profiles: [{ ...ACME, connection: update }, { ...GLOBEX, connection: SIGNIN_NEEDED }, { ...INITECH, connection: SIGNIN_NEEDED }], connection: SIGNIN_NEEDED });
    const headings = screen.getAllByRole('alert').map((a) => within(a).getByRole('heading').textContent);
    expect(headings).toEqual(['Sign-in needed: Globex and Initech', 'Update needed: Acme']);
  });
});
