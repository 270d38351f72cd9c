import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ListRow, SessionFilters, SessionsResult } from '../../../../shared/api';
import type { ListRows } from '../../components/useListKeyboard';
import { useLiveQuery } from '../../state/useLiveQuery';
import { FIRST_WINDOW, sameWindow, windowFor, type RowWindow } from './window';

export interface SessionWindow {
  /** The core's latest answer (for these filters, or the last ones while theirs is on its way). */
  result: SessionsResult | null;
  /** True when `result` answers the current filters and window. */
  current: boolean;
  /** Why the core will not list these filters, in words (useLiveQuery's error). */
  error: string | null;
  /** The row at an index of the whole list, when the window holds it. */
  rowAt: (index: number) => ListRow | undefined;
  /** The same, by id, for the keyboard. */
  rows: ListRows;
  /** The list rendered rows `first`..`last`: ask for the window around them. */
  onRange: (first: number, last: number) => void;
}

/**
 * How long the window the list wants must hold still before the core is asked for it. A fling
 * through the list passes a new window every frame; asking for each would have the page parse
 * answers for rows already scrolled past (and the core compute them). A slow scroll stays in one
 * window for far longer than this, and the margin (window.ts) is on screen well before it is needed.
 */
export const WINDOW_SETTLE_MS = 60;

/**
 * The Sessions list as a live query over a window of rows: the list's length and counts come
 * whole from the core, the rows only around what is on screen (window.ts says how much), asked
 * for once the scroll settles on a window (WINDOW_SETTLE_MS).
 */
export function useSessionWindow(filters: SessionFilters): SessionWindow {
  const [win, setWin] = useState<RowWindow>(FIRST_WINDOW);
  const { result, current, error } = useLiveQuery({ view: 'sessions', filters, offset: win.offset, limit: win.limit });
  // The window the rendered rows call for; a scroll within it restarts nothing.
  const wanted = useRef<RowWindow>(FIRST_WINDOW);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onRange = useCallback((first: number, last: number) => {
    const next = windowFor(first, last);
    if (sameWindow(wanted.current, next)) return;
    wanted.current = next;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setWin((w) => (sameWindow(w, next) ? w : next)), WINDOW_SETTLE_MS);
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

  return { result, current, error, onRange, ...access };
}
