import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { Session } from '../../../shared/protocol';
import { ACTION_DOING, applicableActions, type SessionAction } from '../../../shared/sessions';
import { useRowConnection } from '../state/useProfileOf';
import { actionBlockedReason } from './actionWords';
import { ROW_ACTION_EVENT, rowMenuItems, type RowActionRequest, type RowMenuItem } from './rowMenuItems';
import type { SessionActions } from './useSessionActions';
import '../styles/actions.css';

export interface RowMenuProps {
  session: Session;
  actions: SessionActions;
  /** The row's roving tabindex (useListKeyboard). */
  tabIndex?: 0 | -1;
}

/**
 * A row's "More actions" button and its menu (the WAI-ARIA menu button pattern). Closed, it is one
 * button; the items render only while it is open. No button at all when nothing applies.
 */
export function RowMenu({ session, actions, tabIndex }: RowMenuProps) {
  const items = rowMenuItems(session);
  if (items.length === 0) return null;
  return <MenuButton session={session} items={items} actions={actions} tabIndex={tabIndex} />;
}

function MenuButton({ session, items, actions, tabIndex }: RowMenuProps & { items: RowMenuItem[] }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const buttonId = useId();
  const menuId = useId();
  const latest = useRef({ session, actions });
  latest.current = { session, actions };

  useEffect(() => {
    // The row shortcuts (useListKeyboard) arrive as an event on this button: the same path as the menu.
    const el = button.current;
    if (!el) return;
    const onRequest = (e: Event) => {
      const request = (e as CustomEvent<RowActionRequest>).detail;
      if (request === 'menu') return setOpen(true);
      if (applicableActions(latest.current.session).includes(request)) latest.current.actions.request(request, el);
    };
    el.addEventListener(ROW_ACTION_EVENT, onRequest);
    return () => el.removeEventListener(ROW_ACTION_EVENT, onRequest);
  }, []);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const choose = (item: RowMenuItem) => {
    close(true);
    if (item.id === 'remind') actions.remind();
    else if (item.id === 'mute') actions.mute();
    else actions.request(item.id, button.current);
  };

  return (
    <>
      <button
        ref={button}
        id={buttonId}
        type="button"
        className="row-menu-button"
        tabIndex={tabIndex}
        title="More actions"
        // A label, not hidden text: the row's title stays the one text a search for it finds.
        aria-label={`More actions for ${session.title}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-row-menu=""
        data-actions={items.filter((i) => i.command).map((i) => i.id).join(' ')}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && button.current && <MenuList sessionId={session.id} id={menuId} labelledBy={buttonId} anchor={button.current} items={items} busy={actions.busy} onChoose={choose} onClose={close} />}
    </>
  );
}

interface MenuListProps {
  sessionId: string;
  id: string;
  labelledBy: string;
  anchor: HTMLElement;
  items: RowMenuItem[];
  busy: SessionActions['busy'];
  onChoose: (item: RowMenuItem) => void;
  onClose: (refocus: boolean) => void;
}

const GAP_PX = 4;

/**
 * In a portal, fixed to the viewport beside its button: rows contain their paint (`contain`), so
 * anything inside one is clipped to it. Closes on Escape or Tab (focus back on the button), on a
 * press elsewhere, and when the page scrolls or resizes under it.
 */
function MenuList({ sessionId, id, labelledBy, anchor, items, busy, onChoose, onClose }: MenuListProps) {
  const phase = useRowConnection(sessionId).phase;
  const blocked = actionBlockedReason(phase);
  const popup = useRef<HTMLDivElement>(null);
  const reasonId = useId();
  const [place, setPlace] = useState<{ top: number; right: number } | null>(null);
  const latestClose = useRef(onClose);
  latestClose.current = onClose;

  /** Beside its button: below it, or above when it would run off the bottom (the popover is short). */
  const placeBy = useCallback(() => {
    const at = anchor.getBoundingClientRect();
    const viewH = document.documentElement.clientHeight;
    const height = popup.current?.offsetHeight ?? 0;
    const below = at.bottom + GAP_PX;
    const top = below + height > viewH - GAP_PX && at.top - GAP_PX - height >= GAP_PX ? at.top - GAP_PX - height : below;
    setPlace({ top, right: Math.max(GAP_PX, document.documentElement.clientWidth - at.right) });
    return at.bottom > 0 && at.top < viewH;
  }, [anchor]);

  useLayoutEffect(() => void placeBy(), [placeBy]);

  const placed = place !== null;
  useEffect(() => {
    // Once placed: a hidden element takes no focus. The first item, as the menu button pattern has it.
    // preventScroll: the popup is fixed inside the scrolling <main>, and a focus that scrolled it
    // would close the menu (it closes on scroll, since it no longer sits by its button).
    if (placed) popup.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus({ preventScroll: true });
  }, [placed]);

  useEffect(() => {
    const away = (e: Event) => {
      const target = e.target instanceof Node ? e.target : null;
      if (target && (popup.current?.contains(target) || anchor.contains(target))) return;
      latestClose.current(false);
    };
    const gone = () => latestClose.current(false);
    // A scroll moves the menu with its button (rows laid out late shift the list under it); it
    // closes once the button has left the window.
    const follow = () => {
      if (!placeBy()) gone();
    };
    document.addEventListener('pointerdown', away, true);
    window.addEventListener('scroll', follow, true);
    window.addEventListener('resize', gone);
    return () => {
      document.removeEventListener('pointerdown', away, true);
      window.removeEventListener('scroll', follow, true);
      window.removeEventListener('resize', gone);
    };
  }, [anchor, placeBy]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const all = [...(popup.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => all[(to + all.length) % all.length]?.focus({ preventScroll: true });
    let handled = true;
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at < 0 ? -1 : at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(-1);
    else if (e.key === 'Escape' || e.key === 'Tab') onClose(true);
    else handled = false;
    // Keys typed in the menu are the menu's: not the view's Escape (App goes back on it), nor the
    // list's row keys ("a" approves), which sit on an ancestor now that the menu lives in <main>.
    e.stopPropagation();
    if (handled) e.preventDefault();
  };

  return createPortal(
    <div ref={popup} className="row-menu-popup" style={place ? { top: place.top, right: place.right } : { visibility: 'hidden' }}>
      <div role="menu" id={id} aria-labelledby={labelledBy} aria-describedby={blocked ? reasonId : undefined} className="row-menu" onKeyDown={onKeyDown}>
        {items.map((item) => {
          const unavailable = (item.command && blocked !== null) || busy !== null;
          return (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={`row-menu-item${item.id === 'cancel' || item.id === 'end' ? ' row-menu-danger' : ''}`}
              aria-disabled={unavailable}
              aria-keyshortcuts={item.shortcut}
              data-menu-item={item.id}
              onClick={() => !unavailable && onChoose(item)}
            >
              <span className="row-menu-label">
                {busy === item.id && item.command ? ACTION_DOING[item.id as SessionAction] : item.label}
                {item.detail && <span className="row-menu-detail"> {item.detail}</span>}
              </span>
              {item.keys && (
                <kbd className="row-menu-keys" aria-hidden="true">
                  {item.keys}
                </kbd>
              )}
            </button>
          );
        })}
      </div>
      {blocked && (
        <p id={reasonId} className="row-menu-reason">
          {blocked}
        </p>
      )}
    </div>,
    // Inside the view's landmark (axe: region), which has no containment or transform to clip a fixed popup.
    anchor.closest('main') ?? document.body,
  );
}
