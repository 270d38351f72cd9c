import { useEffect, useRef, type RefObject } from 'react';
import { useFocusStore } from '../../state/useFocusStore';
import type { SessionListHandle } from './SessionList';

// The row last opened from this page. The page unmounts while a detail view shows, so this
// outlives it: coming back puts focus (and the scroll) on that row instead of the top.
let lastOpened: string | null = null;

export function rememberOpened(id: string): void {
  lastOpened = id;
}

/**
 * On arrival: focus the search box when another view asked for it ("/" in the popover), or the
 * row the person opened before leaving, scrolled into the virtual window first.
 */
export function useReturnFocus(ids: readonly string[], list: RefObject<SessionListHandle | null>, search: RefObject<HTMLInputElement | null>): void {
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
    const index = lastOpened === null ? -1 : ids.indexOf(lastOpened);
    // Before the first snapshot there are no ids; wait for them rather than give up.
    if (ids.length === 0) return;
    done.current = true;
    // Used once: a later visit from the popover starts at the top, not at an old row.
    const id = lastOpened;
    lastOpened = null;
    if (index < 0) return;
    list.current?.reveal(index);
    // The virtualizer settles its scroll over a few frames; look for the row until it is there.
    // No cleanup: StrictMode's re-run would cancel this and, with `done` set, never retry.
    let frames = 0;
    const tryFocus = () => {
      const row = [...document.querySelectorAll<HTMLElement>('[data-row-id]')].find((el) => el.dataset.rowId === id);
      const button = row?.querySelector<HTMLElement>('[data-row-primary]');
      if (button) button.focus();
      else if (++frames < 30) requestAnimationFrame(tryFocus);
    };
    requestAnimationFrame(tryFocus);
  }, [ids, list, search]);
}
