import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { IPC, type Route } from '../../../shared/api';
import { secureWebPreferences } from './window-security';

/** A tray click this soon after a blur-hide is the same gesture. */
const BLUR_CLICK_MS = 300;

export const POPOVER_SIZE = { width: 380, height: 600 } as const;

/** The popover's window options: frameless, no taskbar entry, not shown until placed. */
export function popoverWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    ...POPOVER_SIZE,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    title: 'Parrot Tray',
    webPreferences: secureWebPreferences(preload),
  };
}

/**
 * The tray popover: created once and hidden rather than destroyed, so it reopens at once with its
 * state; it hides when it loses focus, like a menu.
 */
export class Popover {
  private hiddenByBlurAt = 0;
  /** Whether the page has said it listens for routes (IPC.navigateReady) since it last loaded. */
  private pageListens = false;
  /** The newest route asked for before the page listened; older ones are superseded by it. */
  private heldRoute: Route | null = null;

  constructor(
    private readonly window: Pick<BrowserWindow, 'isVisible' | 'hide' | 'show' | 'focus' | 'setBounds' | 'on'> & {
      webContents: Pick<BrowserWindow['webContents'], 'send' | 'on'>;
    },
    private readonly now: () => number = Date.now,
  ) {
    window.on('blur', () => {
      this.hiddenByBlurAt = this.now();
      window.hide();
    });
    // A (re)load starts a page that has no listener yet: Electron would drop what is sent to it.
    window.webContents.on('did-start-loading', () => (this.pageListens = false));
  }

  /** The page listens for routes now: deliver the one held for it, if any. */
  pageReady(): void {
    this.pageListens = true;
    const route = this.heldRoute;
    this.heldRoute = null;
    if (route) this.window.webContents.send(IPC.navigate, route);
  }

  /** Shows it at `bounds` (from popoverPosition), or hides it if it is showing. */
  toggle(bounds: Rectangle): void {
    // Clicking the tray icon blurs the popover first; that click meant "close", not "reopen".
    if (this.window.isVisible() || this.now() - this.hiddenByBlurAt < BLUR_CLICK_MS) this.window.hide();
    else this.show(bounds);
  }

  show(bounds: Rectangle): void {
    this.window.setBounds(bounds);
    this.window.show();
    this.window.focus();
  }

  /** Shows it at a place: a session (a notification click, a deep link), Sessions or Settings. */
  navigate(route: Route, bounds: Rectangle): void {
    this.show(bounds);
    if (this.pageListens) this.window.webContents.send(IPC.navigate, route);
    else this.heldRoute = route;
  }

  openSession(id: string, bounds: Rectangle): void {
    this.navigate({ name: 'detail', id }, bounds);
  }
}
