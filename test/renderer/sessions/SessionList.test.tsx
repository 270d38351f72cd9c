import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../src/renderer/src/App';
import { useUiStore } from '../../../src/renderer/src/state/useUiStore';
import { ROW_HEIGHT_PX } from '../../../src/renderer/src/views/sessions/SessionList';
import { SessionsPage } from '../../../src/renderer/src/views/sessions/SessionsPage';
import { WINDOW_SETTLE_MS } from '../../../src/renderer/src/views/sessions/useSessionWindow';
import { WINDOW_MAX } from '../../../src/renderer/src/views/sessions/window';
import type { ViewQuery } from '../../../src/shared/api';
import { SECOND, ago, flowRun } from '../../shared/fixtures';
import type { FakeApi } from '../fake-api';
import { coreAt, countText, renderWithApi, stubLayout } from './helpers';

/** 10,000 finished runs, newest first by construction: run 0 is the newest. */
const many = Array.from({ length: 10_000 }, (_, i) =>
  flowRun({ id: `fr_${String(i).padStart(5, '0')}`, title: `Run ${i}`, status: 'succeeded', updatedAt: ago(i * SECOND) }),
);

/** The row holding focus (not the page: its text holds every row's). */
const focusedRow = () => document.activeElement?.closest('[data-row-id]')?.textContent;
const items = () => within(screen.getByRole('list', { name: 'Sessions' })).getAllByRole('listitem');
type SessionsQuery = Extract<ViewQuery, { view: 'sessions' }>;
/** Every sessions query the page ever opened, and the one open now. */
const asked = (api: FakeApi) => api.watches.map((w) => w.query).filter((q): q is SessionsQuery => q.view === 'sessions');
const openWindow = (api: FakeApi) => {
  const open = api.openQueries().filter((q): q is SessionsQuery => q.view === 'sessions');
  expect(open).toHaveLength(1);
  return open[0]!;
};

function scrollTo(row: number) {
  const scroller = screen.getByTestId('sessions-scroll');
  act(() => {
    scroller.scrollTop = row * ROW_HEIGHT_PX;
    fireEvent.scroll(scroller);
  });
}

describe('the windowed Sessions list', () => {
  it('renders only a window of 10,000 rows, each saying where it sits in the whole', () => {
    stubLayout({ viewport: 600, row: 60 });
    renderWithApi(<SessionsPage />, coreAt(many));
    expect(countText()).toBe('10,000 sessions');
    const rows = items();
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]!.getAttribute('aria-posinset')).toBe('1');
    expect(rows.every((r) => r.getAttribute('aria-setsize') === '10000')).toBe(true);
    expect(screen.getByText('Run 0')).toBeTruthy();
    expect(screen.queryByText('Run 9999')).toBeNull();
  });

  it('places every row at its index times the one row height, measuring none', () => {
    // The DOM says rows are 60 px tall: a measured list would place row 5000 at 300,000 px.
    stubLayout({ viewport: 600, row: 60 });
    renderWithApi(<SessionsPage />, coreAt(many));
    expect((screen.getByRole('list', { name: 'Sessions' }) as HTMLElement).style.height).toBe(`${10_000 * ROW_HEIGHT_PX}px`);
    scrollTo(5000);
    const at5000 = items().find((r) => r.getAttribute('aria-posinset') === '5001')!;
    expect(at5000.style.transform).toBe(`translateY(${5000 * ROW_HEIGHT_PX}px)`);
  });

  it('asks the core for the rows around the view only, never the whole list', async () => {
    stubLayout({ viewport: 600, row: ROW_HEIGHT_PX });
    const api = coreAt(many);
    renderWithApi(<SessionsPage />, api);
    expect(openWindow(api)).toEqual({ view: 'sessions', filters: {}, offset: 0, limit: 100 });
    scrollTo(5000);
    await waitFor(() => expect(openWindow(api).offset).toBeGreaterThan(0));
    const at = openWindow(api);
    expect(at.offset).toBeLessThanOrEqual(5000);
    expect(at.offset + at.limit).toBeGreaterThan(5010);
    expect(at.limit).toBeLessThanOrEqual(200);
    expect(asked(api).every((q) => q.limit <= WINDOW_MAX)).toBe(true);
  });

  it('does not ask again while scrolling within the window it holds', async () => {
    stubLayout({ viewport: 600, row: ROW_HEIGHT_PX });
    const api = coreAt(many);
    renderWithApi(<SessionsPage />, api);
    scrollTo(5030);
    await waitFor(() => expect(openWindow(api).offset).toBeGreaterThan(0));
    const before = asked(api).length;
    for (const row of [5031, 5035, 5040, 5045, 5050]) scrollTo(row);
    await new Promise((r) => setTimeout(r, WINDOW_SETTLE_MS * 3));
    expect(asked(api)).toHaveLength(before);
  });

  it('asks nothing while the list flies past windows, then the one it settles on', async () => {
    stubLayout({ viewport: 600, row: ROW_HEIGHT_PX });
    const api = coreAt(many);
    renderWithApi(<SessionsPage />, api);
    const before = asked(api).length;
    for (let row = 200; row <= 8000; row += 400) scrollTo(row);
    scrollTo(8000);
    expect(asked(api)).toHaveLength(before);
    expect(await screen.findByText('Run 8000')).toBeTruthy();
    const at = openWindow(api);
    expect(at.offset).toBeLessThanOrEqual(8000);
    expect(at.offset + at.limit).toBeGreaterThan(8010);
    // Twenty windows flew past; the list asked for the one it stopped at (and at most one the
    // virtualizer reported on its way there), not for each.
    expect(asked(api).length - before).toBeLessThanOrEqual(2);
  });

  it('moves the window as the list scrolls', async () => {
    stubLayout({ viewport: 600, row: ROW_HEIGHT_PX });
    renderWithApi(<SessionsPage />, coreAt(many));
    scrollTo(5000);
    await waitFor(() => expect(screen.getByText('Run 5000')).toBeTruthy());
    expect(screen.queryByText('Run 0')).toBeNull();
    expect(items().length).toBeLessThan(40);
  });

  it('shows busy placeholder rows of a row\'s height until their answer lands', async () => {
    stubLayout({ viewport: 600, row: ROW_HEIGHT_PX });
    const api = coreAt(many);
    renderWithApi(<SessionsPage />, api);
    api.hold();
    scrollTo(5000);
    await waitFor(() => expect(openWindow(api).offset).toBeGreaterThan(0));
    const waiting = items();
    expect(waiting.length).toBeGreaterThan(5);
    expect(waiting.every((r) => r.getAttribute('aria-busy') === 'true')).toBe(true);
    expect(waiting.every((r) => (r.firstElementChild as HTMLElement).style.height === `${ROW_HEIGHT_PX}px`)).toBe(true);
    expect(screen.queryByText('Run 5000')).toBeNull();
    // The count stays the whole list's while the window moves.
    expect(countText()).toBe('10,000 sessions');
    act(() => api.release());
    expect(screen.getByText('Run 5000')).toBeTruthy();
    expect(items().some((r) => r.getAttribute('aria-busy') === 'true')).toBe(false);
  });

  it('End brings the last row into the DOM, asks for it, and focuses it', async () => {
    stubLayout({ viewport: 600, row: 60 });
    const api = coreAt(many);
    renderWithApi(<SessionsPage />, api);
    const first = screen.getByRole('button', { name: 'Open Run 0' });
    act(() => first.focus());
    act(() => {
      fireEvent.keyDown(first, { key: 'End' });
    });
    await waitFor(() => expect(focusedRow()).toContain('Run 9999'));
    expect(document.activeElement?.closest('[role="listitem"]')?.getAttribute('aria-posinset')).toBe('10000');
    expect(openWindow(api).offset + openWindow(api).limit).toBeGreaterThanOrEqual(10_000);
    // k moves back through rows the window holds.
    act(() => {
      fireEvent.keyDown(document.activeElement!, { key: 'k' });
    });
    await waitFor(() => expect(focusedRow()).toContain('Run 9998'));
  });

  it('comes back from a detail view to the deep row it was opened from', async () => {
    stubLayout({ viewport: 600, row: ROW_HEIGHT_PX });
    render(<App api={coreAt(many)} />);
    act(() => useUiStore.getState().go({ name: 'sessions' }));
    // The page comes in its own chunk (lazyViews.tsx).
    await screen.findByTestId('sessions-scroll');
    scrollTo(7000);
    const row = await screen.findByRole('button', { name: 'Open Run 7002' });
    act(() => row.focus());
    act(() => {
      fireEvent.keyDown(row, { key: 'Enter' });
    });
    expect(useUiStore.getState().route).toEqual({ name: 'detail', id: 'fr_07002', from: 'sessions' });
    await screen.findByRole('main', { name: 'Run 7002' });
    act(() => useUiStore.getState().back());
    await waitFor(() => expect(focusedRow()).toContain('Run 7002'));
  });
});
