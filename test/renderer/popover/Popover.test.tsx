import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../../src/renderer/src/api/api-context';
import { resetPopoverShowing } from '../../../src/renderer/src/state/usePopoverOpened';
import { useUiStore } from '../../../src/renderer/src/state/useUiStore';
import { Popover } from '../../../src/renderer/src/views/popover/Popover';
import { POPOVER_PAGE } from '../../../src/renderer/src/views/popover/PopoverSection';
import { clockTime } from '../../../src/shared/format';
import { ago, chat, checkpoint, flowRun, HOUR, MINUTE, NOW, SECOND, task } from '../../shared/fixtures';
import { FakeApi, type FakeOptions } from '../fake-api';
import { connectionLine, offline } from '../components/render-helpers';
import type { Session } from '../../../src/shared/protocol';

function renderPopover(sessions: Session[] = [], options: FakeOptions = {}): FakeApi {
  const api = new FakeApi(sessions, options);
  render(<ApiProvider api={api}><Popover /></ApiProvider>);
  return api;
}
const status = () => connectionLine();
const approvals = () => screen.getAllByRole('status').find((s) => s.classList.contains('approvals'));
const list = (name: string) => screen.getByRole('list', { name: new RegExp(`^${name}`) });
const titlesIn = (name: string) => within(list(name)).getAllByRole('button', { name: /^Open (?!in Disco)/ }).map((b) => b.textContent?.replace(/^Open /, ''));

describe('Popover', () => {
  beforeEach(() => {
    resetPopoverShowing();
    // Only the clock and useNow's interval are fake, so Testing Library's own waits still run.
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows a loading state until the first answer', () => {
    const api = renderPopover([flowRun({ title: 'First run' })], { held: true });
    expect(screen.getByText('Loading sessions…')).toBeTruthy();
    expect(status().textContent).toBe('Connecting…');
    expect(screen.queryByRole('heading', { name: /Active Now/ })).toBeNull();
    expect(approvals()).toBeUndefined();
    act(() => api.release());
    expect(screen.queryByText('Loading sessions…')).toBeNull();
    expect(titlesIn('Active Now')).toEqual(['First run']);
  });

  it('says "Demo data" against the demo backend', () => {
    renderPopover([], { demo: true });
    expect(screen.getByText('Demo data')).toBeTruthy();
  });

  it('counts what needs the person, shown or not: every pending checkpoint and their fresh failures', () => {
    renderPopover([
      flowRun({ id: 'a', checkpoint: checkpoint('cp_1') }),
      task({ id: 'b', status: 'waiting', checkpoint: checkpoint('cp_2') }),
      task({ id: 'c', status: 'failed', updatedAt: ago(3 * 24 * HOUR), checkpoint: checkpoint('cp_3') }),
      chat({ id: 'd' }),
      flowRun({ id: 'e', status: 'failed', updatedAt: ago(HOUR) }),
      flowRun({ id: 'f', status: 'failed', updatedAt: ago(HOUR), owner: { id: 'u_grace', name: 'Grace' } }),
    ]);
    expect(status().textContent).toBe('Live');
    expect(approvals()?.textContent).toBe('4 need you');
  });

  it.each([
    [0, 'All clear'],
    [1, '1 needs you'],
  ])('words %i needing the person', (n, words) => {
    renderPopover(n ? [flowRun({ checkpoint: checkpoint() })] : [flowRun()]);
    expect(approvals()?.textContent).toBe(words);
  });

  it('counts down to the next try while offline, announcing the phase but not each second', () => {
    renderPopover([], { connection: offline({ offlineSince: NOW - 10 * MINUTE, nextTryAt: NOW + 4 * SECOND }) });
    expect(status().textContent).toBe(`Offline, data as of ${clockTime(NOW - 10 * MINUTE)} — reconnecting in 4 s`);
    expect(within(status()).getByRole('status').textContent).toBe(`Offline, data as of ${clockTime(NOW - 10 * MINUTE)}`);
    act(() => vi.advanceTimersByTime(SECOND));
    expect(status().textContent).toContain('reconnecting in 3 s');
  });

  it('says what to do when sign-in is needed', () => {
    renderPopover([flowRun()], { connection: { phase: 'signin-needed', nextTryAt: null, offlineSince: NOW - 5 * MINUTE, reason: 'the token expired or was revoked' } });
    expect(status().textContent).toContain('Sign-in needed');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('the token expired or was revoked');
    expect(alert.textContent).toContain('Give Parrot Tray a new access token');
    expect(alert.textContent).toContain(`as of ${clockTime(NOW - 5 * MINUTE)}`);
    // The cached rows stay visible beneath.
    expect(titlesIn('Active Now')).toEqual(['Session fr_1']);
  });

  it('says what to do when an update is needed', () => {
    renderPopover([], { connection: { phase: 'update-needed', nextTryAt: null, offlineSince: null, reason: 'the server no longer supports this protocol version' } });
    expect(status().textContent).toContain('Update needed');
    expect(screen.getByRole('alert').textContent).toContain('Install the latest Parrot Tray');
  });

  it('splits sessions into Active Now and Recent, newest first, and leaves out older ones', () => {
    renderPopover([
      flowRun({ id: 'fr_old', title: 'Old run', status: 'succeeded', updatedAt: ago(25 * HOUR) }),
      flowRun({ id: 'fr_done', title: 'Finished run', status: 'succeeded', updatedAt: ago(2 * HOUR) }),
      task({ id: 'bt_busy', title: 'Busy task', updatedAt: ago(MINUTE) }),
      chat({ id: 'ch_live', title: 'Live chat', updatedAt: ago(3 * MINUTE) }),
      chat({ id: 'ch_ended', title: 'Ended chat', status: 'ended', chat: { ended: true }, updatedAt: ago(HOUR) }),
    ]);
    expect(screen.getByRole('heading', { name: 'Active Now 2' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Recent 2' })).toBeTruthy();
    expect(titlesIn('Active Now')).toEqual(['Busy task', 'Live chat']);
    expect(titlesIn('Recent')).toEqual(['Ended chat', 'Finished run']);
    expect(screen.queryByText('Old run')).toBeNull();
  });

  it('moves a chat to Recent when the core says its 30 minutes passed, with no message from the server', () => {
    const api = renderPopover([chat({ title: 'Quiet chat', updatedAt: ago(29 * MINUTE), chat: { lastMessageAt: ago(29 * MINUTE) } })]);
    expect(titlesIn('Active Now')).toEqual(['Quiet chat']);
    act(() => {
      vi.advanceTimersByTime(MINUTE);
      api.tick();
    });
    expect(screen.getByText('Nothing running right now')).toBeTruthy();
    expect(titlesIn('Recent')).toEqual(['Quiet chat']);
  });

  it('asks for a big section a page at a time, with the whole count in its heading', () => {
    const total = 2 * POPOVER_PAGE + 10;
    const api = renderPopover(Array.from({ length: total }, (_, i) => flowRun({ id: `fr_${String(i).padStart(3, '0')}`, title: `Run ${i}`, updatedAt: ago(i * SECOND) })));
    expect(screen.getByRole('heading', { name: `Active Now ${total}` })).toBeTruthy();
    expect(titlesIn('Active Now')).toEqual(Array.from({ length: POPOVER_PAGE }, (_, i) => `Run ${i}`));
    expect(api.openQueries()).toEqual([{ view: 'commandCenter', needsYouLimit: POPOVER_PAGE, activeLimit: POPOVER_PAGE, recentLimit: POPOVER_PAGE }]);
    fireEvent.click(screen.getByRole('button', { name: `Show ${POPOVER_PAGE} more (${total - POPOVER_PAGE} not shown)` }));
    // "Show more" raises the limit of the one query: the old one is closed, never two open.
    expect(api.openQueries()).toEqual([{ view: 'commandCenter', needsYouLimit: POPOVER_PAGE, activeLimit: 2 * POPOVER_PAGE, recentLimit: POPOVER_PAGE }]);
    expect(titlesIn('Active Now')).toHaveLength(2 * POPOVER_PAGE);
    fireEvent.click(screen.getByRole('button', { name: 'Show 10 more (10 not shown)' }));
    expect(api.openQueries()).toEqual([{ view: 'commandCenter', needsYouLimit: POPOVER_PAGE, activeLimit: 3 * POPOVER_PAGE, recentLimit: POPOVER_PAGE }]);
    expect(titlesIn('Active Now')).toHaveLength(total);
    expect(screen.queryByRole('button', { name: /^Show \d+ more/ })).toBeNull();
  });

  it('keeps the rows it shows while the larger page is on its way', () => {
    const total = POPOVER_PAGE + 5;
    const api = renderPopover(Array.from({ length: total }, (_, i) => flowRun({ id: `fr_${String(i).padStart(3, '0')}`, title: `Run ${i}`, updatedAt: ago(i * SECOND) })));
    api.hold();
    fireEvent.click(screen.getByRole('button', { name: 'Show 5 more (5 not shown)' }));
    expect(titlesIn('Active Now')).toHaveLength(POPOVER_PAGE);
    expect(screen.queryByText('Loading sessions…')).toBeNull();
    act(() => api.release());
    expect(titlesIn('Active Now')).toHaveLength(total);
  });

  it('says quietly when the background service had to be restarted', () => {
    const api = renderPopover([flowRun()]);
    expect(screen.queryByText(/background service/)).toBeNull();
    act(() => api.setStatus({ coreRestart: { count: 1, at: NOW - 2 * MINUTE, reason: 'exited with code 1' } }));
    expect(screen.getByText(`Parrot Tray's background service stopped (exited with code 1) and was restarted at ${clockTime(NOW - 2 * MINUTE)}.`)).toBeTruthy();
  });

  it("follows the core's new answers: a moved session goes to its place, a finished one to Recent, a removed one away", () => {
    const api = renderPopover([
      flowRun({ id: 'fr_a', title: 'A', updatedAt: ago(MINUTE) }),
      flowRun({ id: 'fr_b', title: 'B', updatedAt: ago(2 * MINUTE) }),
      flowRun({ id: 'fr_c', title: 'C', updatedAt: ago(3 * MINUTE) }),
      flowRun({ id: 'fr_d', title: 'D', status: 'succeeded', updatedAt: ago(HOUR) }),
    ]);
    act(() => api.push({ upserts: [flowRun({ id: 'fr_c', title: 'C', updatedAt: ago(SECOND) })] }));
    expect(titlesIn('Active Now')).toEqual(['C', 'A', 'B']);
    act(() => api.push({ upserts: [flowRun({ id: 'fr_a', title: 'A', status: 'succeeded', updatedAt: ago(SECOND) })], removals: ['fr_d'] }));
    expect(titlesIn('Active Now')).toEqual(['C', 'B']);
    expect(titlesIn('Recent')).toEqual(['A']);
  });

  it('opens on Needs you: decisions oldest wait first, then fresh failures, none of them again below', () => {
    const api = renderPopover([
      flowRun({ id: 'fr_new', title: 'New wait', updatedAt: ago(MINUTE), checkpoint: { ...checkpoint('cp_new'), requestedAt: ago(2 * MINUTE) } }),
      flowRun({ id: 'fr_old', title: 'Old wait', updatedAt: ago(SECOND), checkpoint: { ...checkpoint('cp_old'), requestedAt: ago(40 * MINUTE) } }),
      task({ id: 'bt_mid', title: 'Mid wait', status: 'waiting', updatedAt: ago(5 * MINUTE), checkpoint: { ...checkpoint('cp_mid'), requestedAt: ago(10 * MINUTE) } }),
      flowRun({ id: 'fr_broke', title: 'Broke', status: 'failed', updatedAt: ago(3 * MINUTE) }),
      flowRun({ id: 'fr_busy', title: 'Busy', updatedAt: ago(SECOND) }),
    ]);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Needs you 4', 'Active Now 1', 'Recent 0']);
    expect(titlesIn('Needs you')).toEqual(['Old wait', 'Mid wait', 'New wait', 'Broke']);
    expect(titlesIn('Active Now')).toEqual(['Busy']);
    expect(within(list('Needs you')).getByText('waiting 40 min')).toBeTruthy();
    // The core is told the popover was opened, which is where the next open's failures start.
    expect(api.calls.filter((c) => c.method === 'popoverOpened')).toHaveLength(1);
  });

  it('tells the core once per showing of its window, not when a view inside it comes back', () => {
    const opened = (api: FakeApi) => api.calls.filter((c) => c.method === 'popoverOpened').length;
    const api = renderPopover([]);
    cleanup();
    render(<ApiProvider api={api}><Popover /></ApiProvider>);
    expect(opened(api)).toBe(1);
    const visibility = vi.spyOn(document, 'visibilityState', 'get');
    visibility.mockReturnValue('hidden');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    visibility.mockReturnValue('visible');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    expect(opened(api)).toBe(2);
    visibility.mockRestore();
  });

  it('has an empty state for each section', () => {
    renderPopover([]);
    expect(screen.getByText('Nothing needs you')).toBeTruthy();
    expect(screen.getByText('Nothing running right now')).toBeTruthy();
    expect(screen.getByText('Nothing in the last 24 hours')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Active Now 0' })).toBeTruthy();
  });

  it('goes to the Sessions page from the footer', () => {
    renderPopover([]);
    fireEvent.click(screen.getByRole('button', { name: 'All sessions' }));
    expect(useUiStore.getState().route).toEqual({ name: 'sessions' });
  });
});
