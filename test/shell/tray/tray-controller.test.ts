import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { Menu, MenuItemConstructorOptions, NativeTheme, Rectangle, Screen, Tray } from 'electron';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { TrayController, type TrayControllerOptions, type TrayElectron } from '../../../src/main/shell/tray/tray-controller';
import type { TrayInput } from '../../../src/main/shell/tray/tray-state';

const ICONS = '/icons';
const icon = (file: string) => path.join(ICONS, file);

/** Records what the controller asks of the tray, and lets a test click it. */
class FakeTray extends EventEmitter {
  static last: FakeTray;
  calls: Array<[string, unknown]> = [];
  bounds: Rectangle = { x: 1200, y: 1048, width: 24, height: 24 };
  constructor(image: string) {
    super();
    this.calls.push(['new', image]);
    FakeTray.last = this;
  }
  setImage(image: string) { this.calls.push(['setImage', image]); }
  setToolTip(text: string) { this.calls.push(['setToolTip', text]); }
  setTitle(title: string) { this.calls.push(['setTitle', title]); }
  setContextMenu(menu: Menu | null) { this.calls.push(['setContextMenu', menu]); }
  popUpContextMenu(menu?: Menu) { this.calls.push(['popUpContextMenu', menu]); }
  getBounds() { return this.bounds; }
  destroy() { this.calls.push(['destroy', null]); }
  named(name: string) { return this.calls.filter(([n]) => n === name).map(([, v]) => v); }
}

/** A built menu is its template, so a test can read labels and click items. */
const FakeMenu = { buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }) as unknown as Menu };
const templateOf = (menu: unknown) => (menu as { template: MenuItemConstructorOptions[] }).template;

function setup(platform: string, over: Partial<TrayControllerOptions> = {}) {
  const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: false });
  const screen = {
    cursor: { x: 1500, y: 12 },
    getCursorScreenPoint: vi.fn(() => screen.cursor),
    getDisplayNearestPoint: vi.fn((_p: { x: number; y: number }) => ({ bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } })),
  };
  const electron: TrayElectron = { Tray: FakeTray, Menu: FakeMenu, screen, nativeTheme };
  const togglePopover = vi.fn();
  const onMenuAction = vi.fn();
  const controller = new TrayController({ electron, platform, iconDir: ICONS, popoverSize: { width: 380, height: 600 }, togglePopover, onMenuAction, ...over });
  return { controller, tray: FakeTray.last, nativeTheme, screen, togglePopover, onMenuAction };
}

const live = (over: Partial<TrayInput> = {}): TrayInput => ({ phase: 'live', active: 0, needsYou: 0, demo: false, ...over });

describe('TrayController', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2025, 2, 14, 13, 0));
  });
  afterEach(() => vi.useRealTimers());

  it('fits the real Electron APIs', () => {
    expectTypeOf<{ Tray: typeof Tray; Menu: typeof Menu; screen: Screen; nativeTheme: NativeTheme }>().toExtend<TrayElectron>();
  });

  it('starts offline with a tooltip and a context menu (Linux)', () => {
    const { tray } = setup('linux');
    expect(tray.calls[0]).toEqual(['new', icon('offline-light.png')]);
    expect(tray.named('setToolTip')).toEqual(['Parrot Tray — connecting…']);
    expect(templateOf(tray.named('setContextMenu')[0]).map((i) => i.label ?? i.type)).toContain('Quit Parrot Tray');
    expect(tray.named('setTitle')).toEqual([]);
    expect(tray.named('setImage')).toEqual([]);
  });

  it('follows the counts, sending only what changed', () => {
    const { controller, tray } = setup('linux');
    controller.update(live({ needsYou: 3, active: 12 }));
    controller.update(live({ needsYou: 3, active: 12 }));
    controller.update(live({ needsYou: 3, active: 11 }));
    expect(tray.named('setImage')).toEqual([icon('approvals-light.png')]);
    expect(tray.named('setToolTip').slice(1)).toEqual(['Parrot Tray — 3 need you, 12 active', 'Parrot Tray — 3 need you, 11 active']);
  });

  it('on macOS: template icons, the count as title, the menu popped on right-click', () => {
    const { controller, tray } = setup('darwin');
    expect(tray.calls[0]).toEqual(['new', icon('offlineTemplate.png')]);
    controller.update(live({ needsYou: 3 }));
    controller.update(live({ active: 1 }));
    expect(tray.named('setImage')).toEqual([icon('approvalsTemplate.png'), icon('busyTemplate.png')]);
    expect(tray.named('setTitle')).toEqual(['3', '']);
    expect(tray.named('setContextMenu')).toEqual([]);
    tray.emit('right-click', {}, tray.bounds);
    expect(templateOf(tray.named('popUpContextMenu')[0])[0]?.label).toBe('Open Command Center');
  });

  it('toggles the popover at the placed bounds on click', () => {
    const { tray, togglePopover, screen } = setup('win32');
    tray.emit('click', {}, { x: 1200, y: 1048, width: 24, height: 24 });
    expect(togglePopover).toHaveBeenCalledWith({ x: 1022, y: 432, width: 380, height: 600 });
    expect(screen.getDisplayNearestPoint).toHaveBeenCalledWith({ x: 1212, y: 1060 });
  });

  it('places from the cursor when the desktop gives no icon bounds (Linux)', () => {
    const { controller, tray, screen } = setup('linux');
    tray.bounds = { x: 0, y: 0, width: 0, height: 0 };
    screen.cursor = { x: 1500, y: 1060 };
    expect(controller.popoverBounds()).toEqual({ x: 1310, y: 432, width: 380, height: 600 });
    expect(screen.getDisplayNearestPoint).toHaveBeenCalledWith({ x: 1500, y: 1060 });
  });

  it('swaps the icon when the theme changes; Windows reads the taskbar theme', () => {
    const { controller, tray, nativeTheme } = setup('win32');
    controller.update(live());
    nativeTheme.shouldUseDarkColors = true;
    nativeTheme.emit('updated');
    expect(tray.named('setImage')).toEqual([icon('idle-light.png')]);
    nativeTheme.shouldUseDarkColorsForSystemIntegratedUI = true;
    nativeTheme.emit('updated');
    expect(tray.named('setImage')).toEqual([icon('idle-light.png'), icon('idle-dark.png')]);
  });

  it('reports menu clicks', () => {
    const { tray, onMenuAction } = setup('linux');
    const items = templateOf(tray.named('setContextMenu')[0]);
    items.find((i) => i.id === 'open-settings')?.click?.({} as never, undefined, {} as never);
    expect(onMenuAction).toHaveBeenCalledWith('open-settings');
  });

  it('rebuilds the menu for a snooze and again when it runs out', () => {
    const { controller, tray } = setup('linux');
    controller.setSnoozedUntil(new Date(2025, 2, 14, 14, 0).getTime());
    const snoozeLabels = () => (templateOf(tray.named('setContextMenu').at(-1))[3]?.submenu as MenuItemConstructorOptions[]).map((i) => i.label);
    expect(snoozeLabels()).toContain('Resume notifications (snoozed until 14:00)');
    vi.advanceTimersByTime(59 * 60_000);
    expect(tray.named('setContextMenu')).toHaveLength(2);
    vi.advanceTimersByTime(60_000);
    expect(tray.named('setContextMenu')).toHaveLength(3);
    expect(snoozeLabels()).toEqual(['For 1 hour', 'Until tomorrow']);
  });

  it('lets go of the tray, the theme and its timer when destroyed', () => {
    const { controller, tray, nativeTheme } = setup('linux', { snoozedUntil: Date.now() + 60_000 });
    expect(vi.getTimerCount()).toBe(1);
    controller.destroy();
    expect(tray.named('destroy')).toHaveLength(1);
    expect(nativeTheme.listenerCount('updated')).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
