import { useCallback, useEffect, useRef, useState, type FocusEvent } from 'react';
import { openDetail } from './openDetail';

export interface ListKeyboardOptions {
  /** Row ids in the order they appear, across every list the view shows. */
  ids: readonly string[];
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
 * `r` starts a rejection, `/` searches. Rows are found through the attributes SessionRow renders,
 * and `a`/`r` press the row's own Approve/Reject buttons, so the keys get exactly the same
 * checks (live connection, call in flight) and the same feedback as a click.
 */
export function useListKeyboard(options: ListKeyboardOptions): ListKeyboard {
  const latest = useRef(options);
  latest.current = options;
  const root = useRef<HTMLElement | null>(null);
  const focused = useRef<HTMLElement | null>(null);
  const pending = useRef<string | null>(null);
  const frame = useRef(0);
  const [activeId, setActiveId] = useState<string | null>(null);
  const current = activeId !== null && options.ids.includes(activeId) ? activeId : (options.ids[0] ?? null);

  const focusPending = useCallback((): boolean => {
    const el = pending.current === null ? null : primaryOf(root.current, pending.current);
    if (!el) return pending.current === null;
    pending.current = null;
    el.focus();
    return true;
  }, []);

  const focusRow = useCallback(
    (index: number) => {
      const id = latest.current.ids[index];
      if (id === undefined) return;
      setActiveId(id);
      cancelAnimationFrame(frame.current);
      pending.current = id;
      if (focusPending()) return;
      latest.current.reveal?.(index);
      // A virtualized list renders the row in its own component, maybe a frame or two later:
      // keep looking for a short while rather than wait for this component to render again.
      let tries = 0;
      const retry = () => {
        if (focusPending()) return;
        if (++tries < 30) frame.current = requestAnimationFrame(retry);
        else pending.current = null;
      };
      frame.current = requestAnimationFrame(retry);
    },
    [focusPending],
  );
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  useEffect(() => {
    // A row that was just revealed, or the focused row re-mounted elsewhere (a chat that moved
    // from Active Now to Recent): put focus back rather than drop it on <body>.
    const active = document.activeElement;
    const dropped = active === null || active === document.body || !active.isConnected;
    if (dropped && focused.current !== null && !focused.current.isConnected && pending.current === null && current !== null) {
      focused.current = null;
      pending.current = current;
      if (!focusPending()) pending.current = null;
    } else focusPending();
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || !root.current) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (target && target !== document.body && !root.current.contains(target)) return;
      if (target && (isTyping(target) || target.closest('dialog, [role="dialog"]'))) return;
      const { ids, onOpen, onSearch } = latest.current;
      const row = rowOf(target);
      const rowId = row?.dataset.rowId ?? null;
      const at = rowId === null ? -1 : ids.indexOf(rowId);
      const press = (action: string) => {
        const button = row?.querySelector<HTMLElement>(`[data-decision="${action}"]`);
        if (!button || button.getAttribute('aria-disabled') === 'true') return false;
        button.click();
        return true;
      };
      let handled = true;
      if (e.key === 'ArrowDown' || e.key === 'j') focusRow(at < 0 ? 0 : Math.min(at + 1, ids.length - 1));
      else if (e.key === 'ArrowUp' || e.key === 'k') focusRow(at < 0 ? ids.length - 1 : Math.max(at - 1, 0));
      else if (e.key === 'Home' && at >= 0) focusRow(0);
      else if (e.key === 'End' && at >= 0) focusRow(ids.length - 1);
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
