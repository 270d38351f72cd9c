import { useId } from 'react';
import type { ListRow } from '../../../../shared/api';
import { SessionRow } from '../../components/SessionRow';

/**
 * Rows a section asks for at a time ("Show more" asks for this many more). A tenant of 10,000
 * sessions puts about 8,000 in the popover, for a window that shows nine: about three screens
 * is plenty, and keeps each answer from the core small. The count in the heading is always the
 * whole section's.
 */
export const POPOVER_PAGE = 25;

export interface PopoverSectionProps {
  title: string;
  /** The rows the core sent (as many as asked for) and the section's whole count. */
  section: { rows: readonly ListRow[]; total: number };
  /** What the section says when it has no rows. */
  empty: string;
  now: number;
  tabIndexFor: (id: string) => 0 | -1;
  onShowMore: () => void;
}

/** A heading with its count and the list it names. */
export function PopoverSection({ title, section, empty, now, tabIndexFor, onShowMore }: PopoverSectionProps) {
  const headingId = useId();
  const { rows, total } = section;
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
          {rows.map((r) => (
            <li key={r.session.id}>
              <SessionRow session={r.session} rollUp={r.rollUp} now={now} compact tabIndex={tabIndexFor(r.session.id)} />
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
