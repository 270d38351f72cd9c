import type { Rectangle } from 'electron';
import { describe, expect, it } from 'vitest';
import { popoverAnchor, popoverPosition, taskbarEdge, type PopoverPlacementInput } from '../../../src/main/shell/tray/popover-position';

const rect = (x: number, y: number, width: number, height: number): Rectangle => ({ x, y, width, height });
const WINDOW = { width: 380, height: 600 };
const FULL_HD = rect(0, 0, 1920, 1080);

/** Everything but the popover's own size, with a margin of 8 (the default). */
function place(over: Partial<PopoverPlacementInput> & Pick<PopoverPlacementInput, 'trayBounds' | 'display'>) {
  return popoverPosition({ cursor: { x: 0, y: 0 }, window: WINDOW, platform: 'win32', ...over });
}

describe('popoverPosition', () => {
  it('Wayland, with no tray bounds and the cursor answered as (0, 0): centred in the work area', () => {
    const display = { bounds: FULL_HD, workArea: rect(0, 32, 1920, 1048) };
    const input: PopoverPlacementInput = { trayBounds: rect(0, 0, 0, 0), cursor: { x: 0, y: 0 }, window: WINDOW, display, platform: 'linux' };
    expect(popoverAnchor(input.trayBounds, input.cursor, 'linux')).toBeNull();
    expect(popoverPosition(input)).toEqual(rect(770, 256, 380, 600));
    // X11 with a real cursor position still hangs from the cursor.
    expect(popoverAnchor(input.trayBounds, { x: 1900, y: 10 }, 'linux')).toEqual(rect(1900, 10, 0, 0));
  });

  it('Windows, taskbar at the bottom: above the taskbar, centred on the icon', () => {
    const display = { bounds: FULL_HD, workArea: rect(0, 0, 1920, 1040) };
    // Icon centre 1212; 1212 - 190 = 1022. Its top is 1048, but the taskbar starts at 1040.
    expect(place({ trayBounds: rect(1200, 1048, 24, 24), display })).toEqual(rect(1022, 1040 - 600 - 8, 380, 600));
  });

  it('macOS menu bar: below the bar, centred on the icon', () => {
    const display = { bounds: rect(0, 0, 1440, 900), workArea: rect(0, 25, 1440, 875) };
    expect(place({ trayBounds: rect(1000, 0, 30, 24), display, platform: 'darwin' })).toEqual(rect(825, 33, 380, 600));
  });

  it('macOS with the Dock at the bottom still hangs from the menu bar the icon is in', () => {
    const display = { bounds: rect(0, 0, 1440, 900), workArea: rect(0, 25, 1440, 800) };
    expect(place({ trayBounds: rect(1000, 0, 30, 24), display, platform: 'darwin' })).toEqual(rect(825, 33, 380, 600));
  });

  it('taskbar on the left: to its right, bottom kept inside the work area', () => {
    const display = { bounds: FULL_HD, workArea: rect(60, 0, 1860, 1080) };
    expect(place({ trayBounds: rect(18, 1000, 24, 24), display })).toEqual(rect(68, 472, 380, 600));
  });

  it('taskbar on the right: to its left', () => {
    const display = { bounds: FULL_HD, workArea: rect(0, 0, 1860, 1080) };
    expect(place({ trayBounds: rect(1878, 1000, 24, 24), display })).toEqual(rect(1472, 472, 380, 600));
  });

  it('icon near a corner: pulled inside the work area with the margin', () => {
    const bottom = { bounds: FULL_HD, workArea: rect(0, 0, 1920, 1040) };
    expect(place({ trayBounds: rect(1896, 1048, 24, 24), display: bottom })).toEqual(rect(1920 - 380 - 8, 432, 380, 600));
    const top = { bounds: FULL_HD, workArea: rect(0, 27, 1920, 1053) };
    expect(place({ trayBounds: rect(2, 0, 24, 27), display: top, platform: 'linux' })).toEqual(rect(8, 35, 380, 600));
  });

  it('a secondary display left of the primary (negative x) keeps the popover on that display', () => {
    const display = { bounds: rect(-1920, 0, 1920, 1080), workArea: rect(-1920, 0, 1920, 1040) };
    expect(place({ trayBounds: rect(-300, 1048, 24, 24), display })).toEqual(rect(-478, 432, 380, 600));
    // Near its right edge it must not spill onto the primary at x >= 0.
    expect(place({ trayBounds: rect(-30, 1048, 24, 24), display })).toEqual(rect(-388, 432, 380, 600));
  });

  it('a display above the primary (negative y)', () => {
    const taskbarBelow = { bounds: rect(0, -1080, 1920, 1080), workArea: rect(0, -1080, 1920, 1040) };
    expect(place({ trayBounds: rect(1200, -32, 24, 24), display: taskbarBelow })).toEqual(rect(1022, -1080 + 1040 - 608, 380, 600));
    const menuBar = { bounds: rect(200, -900, 1440, 900), workArea: rect(200, -875, 1440, 875) };
    expect(place({ trayBounds: rect(1200, -900, 30, 24), display: menuBar, platform: 'darwin' })).toEqual(rect(1025, -867, 380, 600));
  });

  it('Linux with zero tray bounds: hangs from the cursor', () => {
    const gnome = { bounds: FULL_HD, workArea: rect(70, 27, 1850, 1053) };
    expect(place({ trayBounds: rect(0, 0, 0, 0), cursor: { x: 1500, y: 12 }, display: gnome, platform: 'linux' })).toEqual(
      rect(1310, 35, 380, 600),
    );
    const kdeBottom = { bounds: FULL_HD, workArea: rect(0, 0, 1920, 1036) };
    expect(place({ trayBounds: rect(0, 0, 0, 0), cursor: { x: 1850, y: 1060 }, display: kdeBottom, platform: 'linux' })).toEqual(
      rect(1532, 428, 380, 600),
    );
  });

  it('no bar reserves space (auto-hide): goes by the display edge nearest the icon', () => {
    const display = { bounds: FULL_HD, workArea: FULL_HD };
    expect(place({ trayBounds: rect(1200, 1050, 24, 24), display })).toEqual(rect(1022, 1050 - 608, 380, 600));
  });

  it('a popover taller than the work area keeps its top visible', () => {
    const display = { bounds: rect(0, 0, 800, 600), workArea: rect(0, 0, 800, 560) };
    expect(place({ trayBounds: rect(700, 570, 24, 24), display, window: { width: 380, height: 700 } })).toEqual(rect(412, 8, 380, 700));
  });

  it('rounds to whole pixels and honours a custom margin', () => {
    const display = { bounds: FULL_HD, workArea: rect(0, 0, 1920, 1040) };
    const placed = place({ trayBounds: rect(1200.5, 1048, 23, 24), display, margin: 0 });
    expect(placed).toEqual(rect(Math.round(1200.5 + 11.5 - 190), 440, 380, 600));
  });
});

describe('taskbarEdge', () => {
  const windows = { bounds: FULL_HD, workArea: rect(0, 0, 1920, 1040) };

  it('reads the bar from the work area', () => {
    expect(taskbarEdge(windows, rect(1200, 1048, 24, 24), 'win32')).toBe('bottom');
    expect(taskbarEdge({ bounds: FULL_HD, workArea: rect(0, 40, 1920, 1040) }, rect(1200, 8, 24, 24), 'win32')).toBe('top');
  });

  it('with two bars, picks the one holding the icon', () => {
    const gnome = { bounds: FULL_HD, workArea: rect(70, 27, 1850, 1053) };
    expect(taskbarEdge(gnome, rect(1800, 0, 24, 27), 'linux')).toBe('top');
    expect(taskbarEdge(gnome, rect(20, 900, 24, 24), 'linux')).toBe('left');
  });

  it('with no bar, macOS is the top and elsewhere the nearest display edge', () => {
    const bare = { bounds: FULL_HD, workArea: FULL_HD };
    expect(taskbarEdge(bare, rect(900, 500, 24, 24), 'darwin')).toBe('top');
    expect(taskbarEdge(bare, rect(1900, 500, 16, 16), 'linux')).toBe('right');
  });
});

describe('popoverAnchor', () => {
  it('is the icon, or the cursor when the icon has no size', () => {
    expect(popoverAnchor(rect(5, 6, 24, 24), { x: 1, y: 2 })).toEqual(rect(5, 6, 24, 24));
    expect(popoverAnchor(rect(0, 0, 0, 0), { x: 1, y: 2 })).toEqual(rect(1, 2, 0, 0));
  });
});
