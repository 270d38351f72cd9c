import { useEffect, useRef, type RefObject } from 'react';
import type { ListRows } from '../../components/useListKeyboard';
import { REVEAL_MS, retryEachFrame } from '../../components/retryEachFrame';
import { useFocusStore } from '../../state/useFocusStore';
import type { SessionListHandle } from './SessionList';

// The row last opened from this page, and where it sat. The page unmounts while a detail view
// shows, so this outlives it: coming back puts focus (and the scroll) on that row instead of the
// top. The index matters because the page comes back holding only the top of the list.
let lastOpened: { id: string; index: number } | null = null;

export function rememberOpened(id: string, index: number): void {
  lastOpened = { id, index };
}

/**
 * On arrival: focus the search box when another view asked for it ("/" in the popover), or the
 * row the person opened before leaving, scrolled into the virtual window first.
 */
export function useReturnFocus(rows: ListRows | null, list: RefObject<SessionListHandle | null>, search: RefObject<HTMLInputElement | null>): void {
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    const focus = useFocusStore.getState();
    if (focus.focusSearch) {
      done.current = true;
      focus.clearSearchFocus();
      search.current?.focus();
      return;
    }
    // Before the first answer the list has no rows; wait for them rather than give up.
    if (!rows || rows.count === 0) return;
    done.current = true;
    // Used once: a later visit from the popover starts at the top, not at an old row.
    const opened = lastOpened;
    lastOpened = null;
    if (!opened) return;
    const known = rows.indexOf(opened.id);
    const index = known >= 0 ? known : opened.index;
    if (index >= rows.count) return;
    list.current?.reveal(index);
    // No cleanup: StrictMode's re-run would cancel this and, with `done` set, never retry.
    // The virtualizer settles its scroll, the window settles, then the core answers for that part.
    retryEachFrame(() => {
      const row = [...document.querySelectorAll<HTMLElement>('[data-row-id]')].find((el) => el.dataset.rowId === opened.id);
      const button = row?.querySelector<HTMLElement>('[data-row-primary]');
      button?.focus();
      return Boolean(button);
    }, REVEAL_MS);
  }, [rows, list, search]);
}
