import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ROW_ESTIMATE_PX } from '../../../src/renderer/src/views/sessions/SessionList';
import { SessionsPage } from '../../../src/renderer/src/views/sessions/SessionsPage';
import { SECOND, ago, flowRun } from '../../shared/fixtures';
import { countText, feed, renderWithApi, stubLayout } from './helpers';

/** 10,000 finished runs, newest first by construction: run 0 is the newest. */
const many = Array.from({ length: 10_000 }, (_, i) =>
  flowRun({ id: `fr_${String(i).padStart(5, '0')}`, title: `Run ${i}`, status: 'succeeded', updatedAt: ago(i * SECOND) }),
);

const items = () => within(screen.getByRole('list', { name: 'Sessions' })).getAllByRole('listitem');

describe('the virtualized Sessions list', () => {
  it('renders only a window of 10,000 rows, each saying where it sits in the whole', () => {
    stubLayout({ viewport: 600, row: 60 });
    feed(many);
    renderWithApi(<SessionsPage />);
    expect(countText()).toBe('10,000 sessions');
    const rows = items();
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]!.getAttribute('aria-posinset')).toBe('1');
    expect(rows.every((r) => r.getAttribute('aria-setsize') === '10000')).toBe(true);
    expect(screen.getByText('Run 0')).toBeTruthy();
    expect(screen.queryByText('Run 9999')).toBeNull();
  });

  it('moves the window as the list scrolls', async () => {
    stubLayout({ viewport: 600, row: ROW_ESTIMATE_PX });
    feed(many);
    renderWithApi(<SessionsPage />);
    const scroller = screen.getByTestId('sessions-scroll');
    act(() => {
      scroller.scrollTop = 5000 * ROW_ESTIMATE_PX;
      fireEvent.scroll(scroller);
    });
    await waitFor(() => expect(screen.getByText('Run 5000')).toBeTruthy());
    expect(screen.queryByText('Run 0')).toBeNull();
    expect(items().length).toBeLessThan(40);
  });

  it('End brings the last row into the DOM and focuses it', async () => {
    stubLayout({ viewport: 600, row: 60 });
    feed(many);
    renderWithApi(<SessionsPage />);
    const first = screen.getByRole('button', { name: 'Open Run 0' });
    act(() => first.focus());
    act(() => {
      fireEvent.keyDown(first, { key: 'End' });
    });
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Run 9999'));
    expect(document.activeElement?.closest('[role="listitem"]')?.getAttribute('aria-posinset')).toBe('10000');
  });
});
