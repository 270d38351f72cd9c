import { join } from 'node:path';
import type { Display, Menu, Point, Rectangle, Size } from 'electron';
import type { UpdateStatus } from '../../../shared/update/update-status';
import { iconFile, trayAreaIsDark, type ThemeColours } from './icon-files';
import { buildTrayMenu, type MenuBuilder } from './menu';
import { menuRefreshAt, trayMenuTemplate, type TrayMenuAction } from './menu-template';
import { popoverAnchor, popoverPosition } from './popover-position';
import { trayView, type TrayInput, type TrayView } from './tray-state';

/** The parts of Tray the controller uses; a real Electron Tray satisfies it. */
export interface TrayLike {
  setImage(image: string): void;
  setToolTip(toolTip: string): void;
  setTitle(title: string): void;
  setContextMenu(menu: Menu | null): void;
  popUpContextMenu(menu?: Menu): void;
  getBounds(): Rectangle;
  on(event: 'click', listener: (event: unknown, bounds: Rectangle) => void): unknown;
  on(event: 'right-click', listener: (event: unknown, bounds: Rectangle) => void): unknown;
  destroy(): void;
}

/** The Electron runtime the tray needs; `import('electron')` itself fits, and so does a test fake. */
export interface TrayElectron {
  Tray: new (image: string) => TrayLike;
  Menu: MenuBuilder;
  screen: { getCursorScreenPoint(): Point; getDisplayNearestPoint(point: Point): Pick<Display, 'bounds' | 'workArea'> };
  nativeTheme: ThemeColours & {
    on(event: 'updated', listener: () => void): unknown;
    removeListener(event: 'updated', listener: () => void): unknown;
  };
}

export interface TrayControllerOptions {
  electron: TrayElectron;
  /** process.platform. */
  platform: string;
  /** Where the icon PNGs are (iconDirectory()). */
  iconDir: string;
  popoverSize: Size;
  /** Shows the popover at these bounds, or hides it if it is showing. */
  togglePopover: (bounds: Rectangle) => void;
  onMenuAction: (action: TrayMenuAction) => void;
  initial?: TrayInput;
  snoozedUntil?: number | null;
  now?: () => number;
}

// setTimeout fires at once for delays past 2^31 - 1 ms; a longer wait is taken in steps.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The tray icon: its picture, tooltip and menu-bar title follow the counts and the connection,
 * its click toggles the popover, its menu follows the snooze.
 */
export class TrayController {
  private readonly tray: TrayLike;
  private input: TrayInput;
  private snoozedUntil: number | null;
  private appUpdate: UpdateStatus | null = null;
  private menu: Menu | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private shown: { image: string; tooltip: string; title: string };
  private readonly now: () => number;
  private readonly onThemeUpdated = (): void => this.render();

  constructor(private readonly options: TrayControllerOptions) {
    this.now = options.now ?? Date.now;
    this.input = options.initial ?? { phase: 'connecting', active: 0, needsYou: 0, demo: false };
    this.snoozedUntil = options.snoozedUntil ?? null;
    const view = trayView(this.input);
    const image = this.imagePath(view);
    this.tray = new options.electron.Tray(image);
    this.shown = { image, tooltip: '', title: '' };
    this.render();

    this.tray.on('click', (_event, bounds) => options.togglePopover(this.popoverBounds(bounds)));
    if (this.isMac) {
      // On macOS a set context menu takes over the left click too, so the menu is popped on
      // right-click instead; elsewhere it is set, which Linux needs to show any menu at all.
      this.tray.on('right-click', () => this.tray.popUpContextMenu(this.menu ?? undefined));
    }
    this.rebuildMenu();
    options.electron.nativeTheme.on('updated', this.onThemeUpdated);
  }

  private get isMac(): boolean {
    return this.options.platform === 'darwin';
  }

  /** New counts or connection phase; unchanged parts are not re-sent. */
  update(input: TrayInput): void {
    this.input = input;
    this.render();
  }

  setSnoozedUntil(until: number | null): void {
    this.snoozedUntil = until;
    this.rebuildMenu();
  }

  /** The update's item follows it: "Check for updates", its progress, or "Restart to update to v…". */
  setUpdate(update: UpdateStatus | null): void {
    this.appUpdate = update;
    this.rebuildMenu();
  }

  /** Where the popover goes now; also for opening it from a notification, with no click. */
  popoverBounds(trayBounds: Rectangle = this.tray.getBounds()): Rectangle {
    const { screen } = this.options.electron;
    const cursor = screen.getCursorScreenPoint();
    // No anchor (Wayland): the display at the origin, the primary one, where the popover is centred.
    const anchor = popoverAnchor(trayBounds, cursor, this.options.platform) ?? { x: 0, y: 0, width: 0, height: 0 };
    const display = screen.getDisplayNearestPoint({ x: Math.round(anchor.x + anchor.width / 2), y: Math.round(anchor.y + anchor.height / 2) });
    return popoverPosition({ trayBounds, cursor, window: this.options.popoverSize, display, platform: this.options.platform });
  }

  destroy(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
    this.options.electron.nativeTheme.removeListener('updated', this.onThemeUpdated);
    this.tray.destroy();
  }

  private imagePath(view: TrayView): string {
    const dark = trayAreaIsDark(this.options.platform, this.options.electron.nativeTheme);
    return join(this.options.iconDir, iconFile(view.icon, this.options.platform, dark));
  }

  // Re-sending an unchanged image is not free: on Linux each setImage writes a new icon file for
  // the panel to reload, which flickers when counts tick every few seconds.
  private render(): void {
    const view = trayView(this.input);
    const image = this.imagePath(view);
    if (image !== this.shown.image) this.tray.setImage(image);
    if (view.tooltip !== this.shown.tooltip) this.tray.setToolTip(view.tooltip);
    // The menu-bar title exists on macOS only.
    if (this.isMac && view.title !== this.shown.title) this.tray.setTitle(view.title);
    this.shown = { image, tooltip: view.tooltip, title: view.title };
  }

  private rebuildMenu(): void {
    const input = { snoozedUntil: this.snoozedUntil, now: this.now(), update: this.appUpdate };
    this.menu = buildTrayMenu(this.options.electron.Menu, trayMenuTemplate(input), this.options.onMenuAction);
    // Linux reads the menu when it is set, so a changed menu has to be set again.
    if (!this.isMac) this.tray.setContextMenu(this.menu);
    this.scheduleRefresh(menuRefreshAt(input));
  }

  private scheduleRefresh(at: number | null): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
    if (at == null) return;
    const delay = Math.min(Math.max(0, at - this.now()), MAX_TIMER_MS);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      this.rebuildMenu();
    }, delay);
  }
}
