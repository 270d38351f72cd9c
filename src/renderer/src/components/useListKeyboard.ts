import { useCallback, useEffect, useRef, useState, type FocusEvent } from 'react';
import { openDetail } from './openDetail';
import { REVEAL_MS, retryEachFrame } from './retryEachFrame';
import { requestRowAction, type RowActionRequest } from './rowMenuItems';

/**
 * The rows a list can move through, by index. A windowed list knows how many rows there are but
 * the ids of only those it has loaded: `idAt` is undefined for the others, and a move there
 * waits (reveal, then the row's answer) before focusing.
 */
export interface ListRows {
  count: number;
  idAt: (index: number) => string | undefined;
  /** Where a loaded row sits; -1 when it is not loaded (or not in the list). */
  indexOf: (id: string) => number;
}

/** A fully loaded list: every id known, in order. */
export function rowsOf(ids: readonly string[]): ListRows {
  return { count: ids.length, idAt: (i) => ids[i], indexOf: (id) => ids.indexOf(id) };
}

export interface ListKeyboardOptions {
  /** The rows in the order they appear, across every list the view shows. */
  rows: ListRows;
  /** Enter on a row's main button; by default opens its detail view. */
  onOpen?: (id: string) => void;
  /** "/": focus the view's search. Unset where there is none. */
  onSearch?: () => void;
  /** Brings a row into the DOM before it is focused, for a virtualized list (scrollToIndex). */
  reveal?: (index: number) => void;
}

export interface ListKeyboard {
  /** Spread on the view's root: keys act when focus is inside it, or nowhere at all. */
  containerProps: {
    ref: (el: HTMLElement | null) => void;
    onFocus: (e: FocusEvent<HTMLElement>) => void;
  };
  /** The row that holds the list's single tab stop. */
  activeId: string | null;
  tabIndexFor: (id: string) => 0 | -1;
}

const rowOf = (el: Element | null) => el?.closest<HTMLElement>('[data-row-id]') ?? null;

function primaryOf(root: HTMLElement | null, id: string): HTMLElement | null {
  for (const row of root?.querySelectorAll<HTMLElement>('[data-row-id]') ?? []) {
    if (row.dataset.rowId === id) return row.querySelector<HTMLElement>('[data-row-primary]');
  }
  return null;
}

function isTyping(el: HTMLElement): boolean {
  return el.isContentEditable || el.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/**
 * Keys for a list of SessionRows: ↑/↓ and j/k move a roving tab stop, Enter opens, `a` approves,
 * `r` starts a rejection, Shift+R resumes, Shift+C starts a cancel (it asks first), Shift+E ends a
 * chat, `.` (or the context-menu key, or Shift+F10) opens the row's "More actions" menu, `/`
 * searches. Rows are found through the attributes SessionRow renders, and the keys press the
 * row's own buttons (Approve/Reject; the menu button for the rest), so they get exactly the same
 * checks (live connection, call in flight) and the same feedback as a click. Moves are by index,
 * so they work over a list of which only a window is loaded.
 */
export function useListKeyboard(options: ListKeyboardOptions): ListKeyboard {
  const latest = useRef(options);
  latest.current = options;
  const root = useRef<HTMLElement | null>(null);
  const focused = useRef<HTMLElement | null>(null);
  /** The row to focus once it is in the DOM: by index, since its id may not be known yet. */
  const pending = useRef<number | null>(null);
  const cancelRetry = useRef<() => void>(() => undefined);
  const [activeId, setActiveId] = useState<string | null>(null);
  const { rows } = options;
  const current = activeId !== null && rows.indexOf(activeId) >= 0 ? activeId : (rows.idAt(0) ?? null);

  const focusPending = useCallback((): boolean => {
    if (pending.current === null) return true;
    const id = latest.current.rows.idAt(pending.current);
    const el = id === undefined ? null : primaryOf(root.current, id);
    if (!el || id === undefined) return false;
    pending.current = null;
    setActiveId(id);
    el.focus();
    return true;
  }, []);

  const focusRow = useCallback(
    (index: number) => {
      const { rows: list, reveal } = latest.current;
      if (index < 0 || index >= list.count) return;
      const id = list.idAt(index);
      if (id !== undefined) setActiveId(id);
      cancelRetry.current();
      pending.current = index;
      if (focusPending()) return;
      reveal?.(index);
      // Keep looking for a while rather than wait for this component to render again.
      cancelRetry.current = retryEachFrame(focusPending, REVEAL_MS, () => (pending.current = null));
    },
    [focusPending],
  );
  useEffect(() => () => cancelRetry.current(), []);

  useEffect(() => {
    // A row that was just revealed, or the focused row re-mounted elsewhere (a chat that moved
    // from Active Now to Recent): put focus back rather than drop it on <body>.
    const active = document.activeElement;
    const dropped = active === null || active === document.body || !active.isConnected;
    const at = current === null ? -1 : rows.indexOf(current);
    if (dropped && focused.current !== null && !focused.current.isConnected && pending.current === null && at >= 0) {
      focused.current = null;
      pending.current = at;
      if (!focusPending()) pending.current = null;
    } else focusPending();
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || !root.current) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (target && target !== document.body && !root.current.contains(target)) return;
      if (target && (isTyping(target) || target.closest('dialog, [role="dialog"]'))) return;
      const { rows: list, onOpen, onSearch } = latest.current;
      const row = rowOf(target);
      const rowId = row?.dataset.rowId ?? null;
      const at = rowId === null ? -1 : list.indexOf(rowId);
      const last = list.count - 1;
      const press = (action: string) => {
        const button = row?.querySelector<HTMLElement>(`[data-decision="${action}"]`);
        if (!button || button.getAttribute('aria-disabled') === 'true') return false;
        button.click();
        return true;
      };
      const ask = (request: RowActionRequest) => (row ? requestRowAction(row, request) : false);
      // Shift+letter, whatever Caps Lock says; checked first so Shift+R never rejects.
      const shifted = e.shiftKey && e.key.length === 1 ? e.key.toLowerCase() : null;
      let handled = true;
      if (shifted === 'r') handled = ask('resume');
      else if (shifted === 'c') handled = ask('cancel');
      else if (shifted === 'e') handled = ask('end');
      else if (e.key === '.' || e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) handled = ask('menu');
      else if (e.key === 'ArrowDown' || e.key === 'j') focusRow(at < 0 ? 0 : Math.min(at + 1, last));
      else if (e.key === 'ArrowUp' || e.key === 'k') focusRow(at < 0 ? last : Math.max(at - 1, 0));
      else if (e.key === 'Home' && at >= 0) focusRow(0);
      else if (e.key === 'End' && at >= 0) focusRow(last);
      else if (e.key === 'Enter' && rowId !== null && target?.hasAttribute('data-row-primary')) (onOpen ?? openDetail)(rowId);
      else if (e.key === 'a') handled = press('approve');
      else if (e.key === 'r') handled = press('reject');
      else if (e.key === '/' && onSearch) onSearch();
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focusRow]);

  const ref = useCallback((el: HTMLElement | null) => {
    root.current = el;
  }, []);
  const onFocus = useCallback((e: FocusEvent<HTMLElement>) => {
    const row = rowOf(e.target);
    focused.current = row ? e.target : null;
    if (row) setActiveId(row.dataset.rowId ?? null);
  }, []);

  return {
    containerProps: { ref, onFocus },
    activeId: current,
    tabIndexFor: (id) => (id === current ? 0 : -1),
  };
}
