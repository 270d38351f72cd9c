import { useId } from 'react';
import type { Session } from '../../../../shared/protocol';
import { SessionRow } from '../../components/SessionRow';

export interface PopoverSectionProps {
  title: string;
  sessions: readonly Session[];
  /** What the section says when it has no rows. */
  empty: string;
  now: number;
  tabIndexFor: (id: string) => 0 | -1;
}

/** A heading with its count and the list it names. */
export function PopoverSection({ title, sessions, empty, now, tabIndexFor }: PopoverSectionProps) {
  const headingId = useId();
  return (
    <section className="popover-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-heading">
        {title} <span className="count">{sessions.length}</span>
      </h2>
      {sessions.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ul className="rows" aria-labelledby={headingId}>
          {sessions.map((s) => (
            <li key={s.id}>
              <SessionRow session={s} now={now} compact tabIndex={tabIndexFor(s.id)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
