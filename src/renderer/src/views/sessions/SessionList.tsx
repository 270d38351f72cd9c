import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { ListRow } from '../../../../shared/api';
import type { Session } from '../../../../shared/protocol';
import { SessionRow } from '../../components/SessionRow';
import { VirtualList } from '../../components/VirtualList';

/**
 * Every row's height, exactly (rows.css `.row-fixed` sets the same): rows are never measured, so
 * the virtualizer places 100,000 of them by multiplication, and a row whose notes would be taller
 * cuts them with an ellipsis instead (SessionRow `fixed`).
 */
export const ROW_HEIGHT_PX = 74;
/**
 * Rows rendered beyond each edge of the view. A jump of a screen or more (the scrollbar, End)
 * renders every row afresh, overscan included, so more than a few only adds to that frame.
 */
export const OVERSCAN = 3;

/**
 * The whole filtered list, virtualized and windowed: `count` rows long, of which the core sent
 * only those around the view (`rowAt`); the others render as placeholders of a row's height until
 * their answer lands. Rows carry aria-setsize/aria-posinset because a screen reader cannot count
 * rows that are not there.
 */
export interface SessionListHandle {
  /** Scrolls a row into the DOM so useListKeyboard can focus it. */
  reveal: (index: number) => void;
}

interface SessionListProps {
  count: number;
  rowAt: (index: number) => ListRow | undefined;
  now: number;
  /** The rendered rows changed: the page asks the core for the window around them. */
  onRange: (first: number, last: number) => void;
  /** The roving tab stop from useListKeyboard. */
  tabIndexFor?: (id: string) => 0 | -1;
  onOpen?: (id: string) => void;
  ref?: Ref<SessionListHandle>;
}

function PlaceholderRow() {
  return (
    <div className="row row-placeholder" style={{ height: ROW_HEIGHT_PX }}>
      <span className="visually-hidden">Loading…</span>
      <span className="skeleton-line skeleton-title" aria-hidden="true" />
      <span className="skeleton-line skeleton-meta" aria-hidden="true" />
    </div>
  );
}

const itemClassName = () => 'sessions-item';
const PLACEHOLDER = { className: 'sessions-item sessions-item-loading', render: () => <PlaceholderRow /> };

export function SessionList({ count, rowAt, now, onRange, tabIndexFor, onOpen, ref }: SessionListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Items are keyed by index (the default): the virtualizer recomputes every row's position
  // (100,000 of them) whenever getItemKey changes, which a key by id would do on every answer.
  // The row inside is keyed by id, so a row never inherits another session's state.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => onRange(first, last), [first, last, onRange]);
  // Stable too, so a memoized SessionRow that did not change is not rendered again as the list scrolls.
  const openRow = useCallback((s: Session) => onOpen?.(s.id), [onOpen]);
  useImperativeHandle(ref, () => ({ reveal: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }) }), [virtualizer]);

  return (
    <div ref={scrollRef} className="sessions-scroll" data-testid="sessions-scroll">
      <VirtualList virtualizer={virtualizer} count={count} itemAt={rowAt} label="Sessions" className="sessions-list" itemClassName={itemClassName} placeholder={PLACEHOLDER} measure={false}>
        {(row) => <SessionRow key={row.session.id} session={row.session} rollUp={row.rollUp} now={now} compact fixed tabIndex={tabIndexFor?.(row.session.id)} onOpen={onOpen && openRow} />}
      </VirtualList>
    </div>
  );
}
