import { startTransition, useEffect, useId, useState } from 'react';
import type { ListRow, ViewQuery } from '../../../../shared/api';
import { SessionRow } from '../../components/SessionRow';

/**
 * Rows a section asks for at a time ("Show more" asks for this many more). The popover shows about
 * nine rows in all, so twelve a section is more than a screen; the full Sessions list is where one
 * browses. Every row rendered is paid for again whenever an answer replaces it: at 25 a section, a
 * batch of 100 moved sessions cost the page 23-35 ms of main-thread time, at 12 about 14-19 ms.
 * The count in the heading is always the whole section's.
 */
export const POPOVER_PAGE = 12;

/**
 * Rows the popover renders on its first paint, all sections together, first come first served:
 * it shows about seven, and rendering whole pages first (50 rows, over 100 ms in a cold page) kept
 * any from showing. The rest render right after, as a background render React can interrupt.
 */
export const FIRST_PAINT_ROWS = 8;

/** Each section's share of the first paint, in the popover's order. */
export function firstPaintShares(sizes: readonly number[], budget = FIRST_PAINT_ROWS): number[] {
  let left = budget;
  return sizes.map((n) => {
    const share = Math.min(n, left);
    left -= share;
    return share;
  });
}

/** The popover's one query: its sections' first rows (one page each, or more after "Show more"). */
export const commandCenterQuery = (needsYou = POPOVER_PAGE, active = POPOVER_PAGE, recent = POPOVER_PAGE): Extract<ViewQuery, { view: 'commandCenter' }> => ({
  view: 'commandCenter',
  needsYouLimit: needsYou,
  activeLimit: active,
  recentLimit: recent,
});

export interface PopoverSectionProps {
  title: string;
  /** The rows the core sent (as many as asked for) and the section's whole count. */
  section: { rows: readonly ListRow[]; total: number };
  /** What the section says when it has no rows. */
  empty: string;
  now: number;
  tabIndexFor: (id: string) => 0 | -1;
  onShowMore: () => void;
  /**
   * One-height rows (SessionRow `fixed`): the prompt and Approve/Reject on one line. Needs you uses
   * them so five decisions fit the popover's first screen; the detail view shows a prompt whole.
   */
  fixed?: boolean;
  /** Rows drawn on the first paint (firstPaintShares); all of them right after. */
  firstPaint: number;
}

/** A heading with its count and the list it names. */
export function PopoverSection({ title, section, empty, now, tabIndexFor, onShowMore, fixed = false, firstPaint }: PopoverSectionProps) {
  const headingId = useId();
  const { rows, total } = section;
  // Only the first paint is cut short; every later answer renders whole, at once, so a row that
  // moves between sections keeps its focus.
  const [whole, setWhole] = useState(false);
  useEffect(() => startTransition(() => setWhole(true)), []);
  const shown = whole ? rows : rows.slice(0, firstPaint);
  const hidden = total - rows.length;
  return (
    <section className="popover-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-heading">
        {title} <span className="count">{total}</span>
      </h2>
      {rows.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ul className="rows" aria-labelledby={headingId}>
          {shown.map((r) => (
            <li key={r.session.id}>
              <SessionRow session={r.session} rollUp={r.rollUp} now={now} compact fixed={fixed} tabIndex={tabIndexFor(r.session.id)} />
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && (
        <button type="button" className="btn show-more" onClick={onShowMore}>
          Show {Math.min(hidden, POPOVER_PAGE)} more <span className="muted">({hidden.toLocaleString('en-US')} not shown)</span>
        </button>
      )}
    </section>
  );
}
