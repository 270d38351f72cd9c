import type { Point, Rectangle, Size } from 'electron';

export type TaskbarEdge = 'top' | 'bottom' | 'left' | 'right';

export interface PopoverPlacementInput {
  /** tray.getBounds(); all zero on Linux desktops that do not report where the icon is. */
  trayBounds: Rectangle;
  /** screen.getCursorScreenPoint(): the stand-in for the icon when its bounds are unknown. */
  cursor: Point;
  window: Size;
  /** The display nearest the anchor (see popoverAnchor), in the same global DIP coordinates. */
  display: { bounds: Rectangle; workArea: Rectangle };
  platform: string;
  /** Gap kept from the taskbar and from the work area's edges. */
  margin?: number;
}

export const POPOVER_MARGIN = 8;

const hasArea = (r: Rectangle): boolean => r.width > 0 && r.height > 0;

/**
 * The rectangle the popover hangs from: the icon, or a zero-sized rectangle at the cursor when
 * the desktop reports no bounds (the click still happened at the icon, give or take a few pixels).
 * Null when neither is known: Wayland gives no tray bounds and answers (0, 0) for the cursor
 * (Electron 41+; global coordinates are the compositor's), so the popover is centred instead.
 */
export function popoverAnchor(trayBounds: Rectangle, cursor: Point, platform = 'linux'): Rectangle | null {
  if (hasArea(trayBounds)) return trayBounds;
  if (platform === 'linux' && cursor.x === 0 && cursor.y === 0) return null;
  return { x: cursor.x, y: cursor.y, width: 0, height: 0 };
}

function insets(display: { bounds: Rectangle; workArea: Rectangle }): Record<TaskbarEdge, number> {
  const { bounds: b, workArea: w } = display;
  return {
    top: w.y - b.y,
    bottom: b.y + b.height - (w.y + w.height),
    left: w.x - b.x,
    right: b.x + b.width - (w.x + w.width),
  };
}

/** How far `point` is from each edge of `rect` (negative once past it). */
function distances(rect: Rectangle, p: Point): Record<TaskbarEdge, number> {
  return { top: p.y - rect.y, bottom: rect.y + rect.height - p.y, left: p.x - rect.x, right: rect.x + rect.width - p.x };
}

const EDGES: readonly TaskbarEdge[] = ['top', 'bottom', 'left', 'right'];

function nearest(d: Record<TaskbarEdge, number>, among: readonly TaskbarEdge[]): TaskbarEdge {
  return among.reduce((best, e) => (d[e] < d[best] ? e : best));
}

/**
 * Which edge the icon's bar is on. The work area is the display minus the bars, so an inset edge
 * is a bar; with several (GNOME's top bar plus a side dock, macOS's menu bar plus the Dock) the
 * one nearest the icon is the one holding it. No inset at all (an auto-hiding taskbar, a panel
 * that reserves no space) leaves the icon's own position: the display edge it is closest to.
 */
export function taskbarEdge(display: { bounds: Rectangle; workArea: Rectangle }, anchor: Rectangle, platform: string): TaskbarEdge {
  const centre = { x: anchor.x + anchor.width / 2, y: anchor.y + anchor.height / 2 };
  const d = distances(display.bounds, centre);
  const bars = EDGES.filter((e) => insets(display)[e] > 0);
  if (bars.length > 0) return nearest(d, bars);
  // The macOS menu bar is always on top, even when it hides itself and reserves nothing.
  if (platform === 'darwin') return 'top';
  return nearest(d, EDGES);
}

function clamp(value: number, min: number, max: number): number {
  // A window larger than the work area keeps its top-left corner visible.
  return Math.max(min, Math.min(value, max));
}

/**
 * Where the popover goes: against the icon on the bar's side, centred on the icon along the bar,
 * then pulled inside the work area so no part of it lands under a bar or off the display.
 * Rounded because BrowserWindow.setBounds takes whole DIPs.
 */
export function popoverPosition(input: PopoverPlacementInput): Rectangle {
  const margin = input.margin ?? POPOVER_MARGIN;
  const { width, height } = input.window;
  const area = input.display.workArea;
  const anchor = popoverAnchor(input.trayBounds, input.cursor, input.platform);
  if (!anchor) {
    return { x: Math.round(area.x + (area.width - width) / 2), y: Math.round(area.y + (area.height - height) / 2), width, height };
  }
  const edge = taskbarEdge(input.display, anchor, input.platform);
  const centreX = anchor.x + anchor.width / 2 - width / 2;
  const centreY = anchor.y + anchor.height / 2 - height / 2;

  let x: number;
  let y: number;
  switch (edge) {
    case 'top':
      x = centreX;
      y = anchor.y + anchor.height + margin;
      break;
    case 'bottom':
      x = centreX;
      y = anchor.y - height - margin;
      break;
    case 'left':
      x = anchor.x + anchor.width + margin;
      y = centreY;
      break;
    case 'right':
      x = anchor.x - width - margin;
      y = centreY;
      break;
  }
  return {
    x: Math.round(clamp(x, area.x + margin, area.x + area.width - width - margin)),
    y: Math.round(clamp(y, area.y + margin, area.y + area.height - height - margin)),
    width,
    height,
  };
}
