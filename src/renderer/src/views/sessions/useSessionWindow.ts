import { useCallback, useMemo, useState } from 'react';
import type { ListRow, SessionFilters, SessionsResult } from '../../../../shared/api';
import type { ListRows } from '../../components/useListKeyboard';
import { useLiveQuery } from '../../state/useLiveQuery';
import { FIRST_WINDOW, sameWindow, windowFor, type RowWindow } from './window';

export interface SessionWindow {
  /** The core's latest answer (for these filters, or the last ones while theirs is on its way). */
  result: SessionsResult | null;
  /** True when `result` answers the current filters and window. */
  current: boolean;
  /** The row at an index of the whole list, when the window holds it. */
  rowAt: (index: number) => ListRow | undefined;
  /** The same, by id, for the keyboard. */
  rows: ListRows;
  /** The list rendered rows `first`..`last`: ask for the window around them. */
  onRange: (first: number, last: number) => void;
}

/**
 * The Sessions list as a live query over a window of rows: the list's length and counts come
 * whole from the core, the rows only around what is on screen (window.ts says how much).
 */
export function useSessionWindow(filters: SessionFilters): SessionWindow {
  const [win, setWin] = useState<RowWindow>(FIRST_WINDOW);
  const { result, current } = useLiveQuery({ view: 'sessions', filters, offset: win.offset, limit: win.limit });
  const onRange = useCallback((first: number, last: number) => {
    setWin((w) => {
      const next = windowFor(first, last);
      return sameWindow(w, next) ? w : next;
    });
  }, []);

  const access = useMemo(() => {
    const offset = result?.offset ?? 0;
    const loaded = result?.rows ?? [];
    const rowAt = (index: number) => (index >= offset ? loaded[index - offset] : undefined);
    const rows: ListRows = {
      count: result?.total ?? 0,
      idAt: (index) => rowAt(index)?.session.id,
      indexOf: (id) => {
        const at = loaded.findIndex((r) => r.session.id === id);
        return at < 0 ? -1 : offset + at;
      },
    };
    return { rowAt, rows };
  }, [result]);

  return { result, current, onRange, ...access };
}
