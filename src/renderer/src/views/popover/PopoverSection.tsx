import { useId } from 'react';
import type { Session } from '../../../../shared/protocol';
import { SessionRow } from '../../components/SessionRow';

/**
 * Rows a section renders before "Show more". A tenant of 10,000 sessions puts about 8,000 in the
 * popover; rendering every one took 10 s in Chromium before the first row showed, for a window
 * that shows nine. A delta of moved sessions replaces a section's top rows, each costing about a
 * millisecond of main thread here, so the page is small: about three screens. The count in the
 * heading is always the whole section's.
 */
export const POPOVER_PAGE = 25;

export interface PopoverSectionProps {
  title: string;
  sessions: readonly Session[];
  /** What the section says when it has no rows. */
  empty: string;
  now: number;
  tabIndexFor: (id: string) => 0 | -1;
  /** How many rows to render (the rest wait behind "Show more"). */
  limit: number;
  onShowMore: () => void;
}

/** A heading with its count and the list it names. */
export function PopoverSection({ title, sessions, empty, now, tabIndexFor, limit, onShowMore }: PopoverSectionProps) {
  const headingId = useId();
  const hidden = sessions.length - limit;
  return (
    <section className="popover-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-heading">
        {title} <span className="count">{sessions.length}</span>
      </h2>
      {sessions.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ul className="rows" aria-labelledby={headingId}>
          {sessions.slice(0, limit).map((s) => (
            <li key={s.id}>
              <SessionRow session={s} now={now} compact tabIndex={tabIndexFor(s.id)} />
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
