import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useImperativeHandle, useRef, type Ref } from 'react';
import type { Session } from '../../../../shared/protocol';
import { SessionRow } from '../../components/SessionRow';
import { VirtualList } from '../../components/VirtualList';

/** A compact row's usual height; rows with an error or a checkpoint prompt are measured as they render. */
export const ROW_ESTIMATE_PX = 64;
/**
 * Rows rendered beyond each edge of the view. A jump of a screen or more (the scrollbar, End)
 * renders every row afresh, overscan included, so more than a few only adds to that frame.
 */
export const OVERSCAN = 3;

/**
 * The whole tenant's sessions, virtualized: only the rows in view (plus a few) are in the DOM, so
 * 10,000 sessions scroll like 10. Rows carry aria-setsize/aria-posinset because a screen reader
 * cannot count rows that are not there.
 */
export interface SessionListHandle {
  /** Scrolls a row into the DOM so useListKeyboard can focus it. */
  reveal: (index: number) => void;
}

interface SessionListProps {
  sessions: readonly Session[];
  now: number;
  /** The roving tab stop from useListKeyboard. */
  tabIndexFor?: (id: string) => 0 | -1;
  onOpen?: (id: string) => void;
  ref?: Ref<SessionListHandle>;
}

export function SessionList({ sessions, now, tabIndexFor, onOpen, ref }: SessionListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable unless the list changes: the virtualizer recomputes every row's position (10,000 of
  // them) whenever getItemKey is a new function, which made every scrolled frame do so.
  const getItemKey = useCallback((i: number) => sessions[i]?.id ?? i, [sessions]);
  const virtualizer = useVirtualizer({
    count: sessions.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: OVERSCAN,
    getItemKey,
  });
  // Stable too, so a memoized SessionRow that did not change is not rendered again as the list scrolls.
  const openRow = useCallback((s: Session) => onOpen?.(s.id), [onOpen]);
  useImperativeHandle(ref, () => ({ reveal: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }) }), [virtualizer]);

  return (
    <div ref={scrollRef} className="sessions-scroll" data-testid="sessions-scroll">
      <VirtualList virtualizer={virtualizer} items={sessions} label="Sessions" className="sessions-list" itemClassName={() => 'sessions-item'}>
        {(session) => <SessionRow session={session} now={now} compact tabIndex={tabIndexFor?.(session.id)} onOpen={onOpen && openRow} />}
      </VirtualList>
    </div>
  );
}
