import { act, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DetailView } from '../../../src/renderer/src/views/detail/DetailView';
import { Popover } from '../../../src/renderer/src/views/popover/Popover';
import { SessionsPage } from '../../../src/renderer/src/views/sessions/SessionsPage';
import { SettingsPage } from '../../../src/renderer/src/views/settings/SettingsPage';
import type { ConnectionState } from '../../../src/shared/connection-state';
import { clockTime } from '../../../src/shared/format';
import { chat, flowRun, MINUTE, NOW, SECOND, task } from '../../shared/fixtures';
import { FakeApi, LIVE, type FakeOptions } from '../fake-api';
import { stubLayout } from '../sessions/helpers';
import { connectionLine, offline, renderWithApi } from './render-helpers';

const core = (list: typeof sessions, options: FakeOptions = {}) => new FakeApi(list, options);

const sessions = [flowRun({ id: 'fr_1' }), task({ id: 'bt_1' }), chat({ id: 'ch_1' })];
const asOf = clockTime(NOW - 10 * MINUTE);
const stopped: ConnectionState = { phase: 'stopped', nextTryAt: null, offlineSince: NOW - 10 * MINUTE, reason: null };

/** Every place the person can be: each must say whether what it shows is live. */
const views: Array<[string, () => ReactElement]> = [
  ['the Command Center', () => <Popover />],
  ['the Sessions page', () => <SessionsPage />],
  ['a flow run', () => <DetailView id="fr_1" />],
  ['a background task', () => <DetailView id="bt_1" />],
  ['a chat', () => <DetailView id="ch_1" />],
  ['Settings', () => <SettingsPage />],
];

describe.each(views)('the connection status on %s', (_name, view) => {
  beforeEach(() => {
    // Only the clock and useNow's interval are fake, so Testing Library's own waits still run.
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
    stubLayout();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says "Live", politely, with the dot beside the words', () => {
    const { api } = renderWithApi(view(), core(sessions));
    const line = connectionLine();
    expect(line.textContent).toBe('Live');
    expect(within(line).getByRole('status').getAttribute('aria-live')).toBe('polite');
    expect(line.className).toContain('conn-ok');
  });

  it('counts down to the next try, one second at a time, when the backend goes away', () => {
    const { api } = renderWithApi(view(), core(sessions));
    act(() => api.setStatus({ connection: offline({ offlineSince: NOW - 10 * MINUTE, nextTryAt: NOW + 4 * SECOND }) }));
    expect(connectionLine().textContent).toBe(`Offline, data as of ${asOf} — reconnecting in 4 s`);
    act(() => vi.advanceTimersByTime(SECOND));
    expect(connectionLine().textContent).toBe(`Offline, data as of ${asOf} — reconnecting in 3 s`);
    // The live region holds the phase only: the passing seconds are not read out.
    expect(within(connectionLine()).getByRole('status').textContent).toBe(`Offline, data as of ${asOf}`);
  });

  it('says how old the data is once it stops trying', () => {
    const { api } = renderWithApi(view(), core(sessions, { connection: stopped }));
    expect(connectionLine().textContent).toBe(`Offline, data as of ${asOf}`);
    expect(connectionLine().className).toContain('conn-offline');
  });

  it.each([
    ['signin-needed', 'Sign-in needed'],
    ['update-needed', 'Update needed'],
  ] as const)('says %s in words', (phase, words) => {
    renderWithApi(view(), core(sessions, { connection: { ...stopped, phase } }));
    expect(connectionLine().textContent).toBe(words);
    expect(connectionLine().className).toContain('conn-action');
  });

  it('goes back to "Live" when the connection returns', () => {
    const { api } = renderWithApi(view(), core(sessions, { connection: stopped }));
    act(() => api.setStatus({ connection: LIVE }));
    expect(connectionLine().textContent).toBe('Live');
  });
});

describe('the connection status on a session not loaded yet', () => {
  it('still says the data is offline', () => {
    renderWithApi(<DetailView id="fr_gone" />, core([], { connection: stopped }));
    expect(screen.getByRole('heading', { name: 'Session not found' })).toBeTruthy();
    expect(connectionLine().textContent).toContain('Offline, data as of');
  });
});
