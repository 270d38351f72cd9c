import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../../src/renderer/src/api/api-context';
import { useUiStore } from '../../../src/renderer/src/state/useUiStore';
import { Popover } from '../../../src/renderer/src/views/popover/Popover';
import { POPOVER_PAGE } from '../../../src/renderer/src/views/popover/PopoverSection';
import { clockTime } from '../../../src/shared/format';
import { ago, chat, checkpoint, flowRun, HOUR, MINUTE, NOW, SECOND, task } from '../../shared/fixtures';
import { FakeApi } from '../fake-api';
import { connectionLine, feed, offline, push } from '../components/render-helpers';

const renderPopover = () => render(<ApiProvider api={new FakeApi()}><Popover /></ApiProvider>);
const status = () => connectionLine();
const approvals = () => screen.getAllByRole('status').find((s) => s.classList.contains('approvals'));
const list = (name: string) => screen.getByRole('list', { name: new RegExp(`^${name}`) });
const titlesIn = (name: string) => within(list(name)).getAllByRole('button', { name: /^Open (?!in Disco)/ }).map((b) => b.textContent?.replace(/^Open /, ''));

describe('Popover', () => {
  beforeEach(() => {
    // Only the clock and useNow's interval are fake, so Testing Library's own waits still run.
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows a loading state before the first snapshot', () => {
    renderPopover();
    expect(screen.getByText('Loading sessions…')).toBeTruthy();
    expect(status().textContent).toBe('Connecting…');
    expect(screen.queryByRole('heading', { name: /Active Now/ })).toBeNull();
  });

  it('says "Demo data" against the demo backend', () => {
    feed([], { demo: true });
    renderPopover();
    expect(screen.getByText('Demo data')).toBeTruthy();
  });

  it('counts every session with a pending checkpoint, shown or not', () => {
    feed([
      flowRun({ id: 'a', checkpoint: checkpoint('cp_1') }),
      task({ id: 'b', status: 'waiting', checkpoint: checkpoint('cp_2') }),
      task({ id: 'c', status: 'failed', updatedAt: ago(3 * 24 * HOUR), checkpoint: checkpoint('cp_3') }),
      chat({ id: 'd' }),
    ]);
    renderPopover();
    expect(status().textContent).toBe('Live');
    expect(approvals()?.textContent).toBe('3 approvals waiting');
  });

  it.each([
    [0, 'No approvals waiting'],
    [1, '1 approval waiting'],
  ])('words %i approvals', (n, words) => {
    feed(n ? [flowRun({ checkpoint: checkpoint() })] : [flowRun()]);
    renderPopover();
    expect(approvals()?.textContent).toBe(words);
  });

  it('counts down to the next try while offline, announcing the phase but not each second', () => {
    feed([], { connection: offline({ offlineSince: NOW - 10 * MINUTE, nextTryAt: NOW + 4 * SECOND }) });
    renderPopover();
    expect(status().textContent).toBe(`Offline, data as of ${clockTime(NOW - 10 * MINUTE)} — reconnecting in 4 s`);
    expect(within(status()).getByRole('status').textContent).toBe(`Offline, data as of ${clockTime(NOW - 10 * MINUTE)}`);
    act(() => vi.advanceTimersByTime(SECOND));
    expect(status().textContent).toContain('reconnecting in 3 s');
  });

  it('says what to do when sign-in is needed', () => {
    feed([flowRun()], { connection: { phase: 'signin-needed', nextTryAt: null, offlineSince: NOW - 5 * MINUTE, reason: 'the token expired or was revoked' } });
    renderPopover();
    expect(status().textContent).toContain('Sign-in needed');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('the token expired or was revoked');
    expect(alert.textContent).toContain('Give Parrot Tray a new access token');
    expect(alert.textContent).toContain(`as of ${clockTime(NOW - 5 * MINUTE)}`);
    // The cached rows stay visible beneath.
    expect(titlesIn('Active Now')).toEqual(['Session fr_1']);
  });

  it('says what to do when an update is needed', () => {
    feed([], { connection: { phase: 'update-needed', nextTryAt: null, offlineSince: null, reason: 'the server no longer supports this protocol version' } });
    renderPopover();
    expect(status().textContent).toContain('Update needed');
    expect(screen.getByRole('alert').textContent).toContain('Install the latest Parrot Tray');
  });

  it('splits sessions into Active Now and Recent, newest first, and leaves out older ones', () => {
    feed([
      flowRun({ id: 'fr_old', title: 'Old run', status: 'succeeded', updatedAt: ago(25 * HOUR) }),
      flowRun({ id: 'fr_done', title: 'Finished run', status: 'succeeded', updatedAt: ago(2 * HOUR) }),
      task({ id: 'bt_busy', title: 'Busy task', updatedAt: ago(MINUTE) }),
      chat({ id: 'ch_live', title: 'Live chat', updatedAt: ago(3 * MINUTE) }),
      chat({ id: 'ch_ended', title: 'Ended chat', status: 'ended', chat: { ended: true }, updatedAt: ago(HOUR) }),
    ]);
    renderPopover();
    expect(screen.getByRole('heading', { name: 'Active Now 2' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Recent 2' })).toBeTruthy();
    expect(titlesIn('Active Now')).toEqual(['Busy task', 'Live chat']);
    expect(titlesIn('Recent')).toEqual(['Ended chat', 'Finished run']);
    expect(screen.queryByText('Old run')).toBeNull();
  });

  it('moves a chat to Recent when its 30 minutes pass, with no message from the server', () => {
    feed([chat({ title: 'Quiet chat', updatedAt: ago(29 * MINUTE), chat: { lastMessageAt: ago(29 * MINUTE) } })]);
    renderPopover();
    expect(titlesIn('Active Now')).toEqual(['Quiet chat']);
    act(() => vi.advanceTimersByTime(MINUTE));
    expect(screen.getByText('Nothing running right now')).toBeTruthy();
    expect(titlesIn('Recent')).toEqual(['Quiet chat']);
  });

  it('renders a big section a page at a time, with the whole count in its heading', () => {
    const total = 2 * POPOVER_PAGE + 10;
    feed(Array.from({ length: total }, (_, i) => flowRun({ id: `fr_${String(i).padStart(3, '0')}`, title: `Run ${i}`, updatedAt: ago(i * SECOND) })));
    renderPopover();
    expect(screen.getByRole('heading', { name: `Active Now ${total}` })).toBeTruthy();
    expect(titlesIn('Active Now')).toEqual(Array.from({ length: POPOVER_PAGE }, (_, i) => `Run ${i}`));
    fireEvent.click(screen.getByRole('button', { name: `Show ${POPOVER_PAGE} more (${total - POPOVER_PAGE} not shown)` }));
    expect(titlesIn('Active Now')).toHaveLength(2 * POPOVER_PAGE);
    fireEvent.click(screen.getByRole('button', { name: 'Show 10 more (10 not shown)' }));
    expect(titlesIn('Active Now')).toHaveLength(total);
    expect(screen.queryByRole('button', { name: /^Show \d+ more/ })).toBeNull();
  });

  it('follows deltas: a moved session goes to its place, a finished one to Recent, a removed one away', () => {
    feed([
      flowRun({ id: 'fr_a', title: 'A', updatedAt: ago(MINUTE) }),
      flowRun({ id: 'fr_b', title: 'B', updatedAt: ago(2 * MINUTE) }),
      flowRun({ id: 'fr_c', title: 'C', updatedAt: ago(3 * MINUTE) }),
      flowRun({ id: 'fr_d', title: 'D', status: 'succeeded', updatedAt: ago(HOUR) }),
    ]);
    renderPopover();
    act(() => push({ upserts: [flowRun({ id: 'fr_c', title: 'C', updatedAt: ago(SECOND) })] }));
    expect(titlesIn('Active Now')).toEqual(['C', 'A', 'B']);
    act(() => push({ upserts: [flowRun({ id: 'fr_a', title: 'A', status: 'succeeded', updatedAt: ago(SECOND) })], removals: ['fr_d'] }));
    expect(titlesIn('Active Now')).toEqual(['C', 'B']);
    expect(titlesIn('Recent')).toEqual(['A']);
  });

  it('has an empty state for each section', () => {
    feed([]);
    renderPopover();
    expect(screen.getByText('Nothing running right now')).toBeTruthy();
    expect(screen.getByText('Nothing in the last 24 hours')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Active Now 0' })).toBeTruthy();
  });

  it('goes to the Sessions page from the footer', () => {
    feed([]);
    renderPopover();
    fireEvent.click(screen.getByRole('button', { name: 'All sessions' }));
    expect(useUiStore.getState().route).toEqual({ name: 'sessions' });
  });
});
