// Tray (docs/api/tray.md), as on Linux (StatusNotifierItem): state only, since nothing draws it.
// A test clicks it through the driver. On Linux (tray_icon_linux.cc) an activation emits 'click'
// with an empty Rectangle and Point (NotifyClicked() defaults) and getBounds() is the empty rect
// (it is macOS/Windows only); 'right-click' is macOS/Windows only: there the SNI host opens the
// context menu instead. setTitle/getTitle are macOS only: getTitle() is "" (electron_api_tray.cc).
// With the launch option platform 'win32', the icon has a place in the notification area
// (tray_icon_win.cc): getBounds() and a click's bounds are the launch option `trayBounds`, by
// default the corner of the primary display's bottom taskbar.
import { EventEmitter } from 'node:events';
import { BrowserWindow } from './browser-window.mjs';
import { clickMenuItem, describeMenu } from './menu.mjs';
import { toImage } from './native-image.mjs';
import { electronEvent, guard, onCommand, options, report } from './runtime.mjs';
import { primaryDisplay } from './screen.mjs';

const EMPTY = { x: 0, y: 0, width: 0, height: 0 };

/** Where the icon sits on Windows: as launched, else the right end of a bottom taskbar. */
function windowsBounds() {
  if (options.trayBounds) return { ...options.trayBounds };
  const { bounds, workArea } = primaryDisplay();
  const bar = bounds.y + bounds.height - (workArea.y + workArea.height) || 40;
  return { x: bounds.x + bounds.width - 120, y: bounds.y + bounds.height - bar, width: 24, height: bar };
}

const trays = new Map();
let nextId = 1;

export class Tray extends EventEmitter {
  constructor(image, guid) {
    super();
    this._id = nextId++;
    this._image = toImage(image);
    this._toolTip = '';
    this._title = '';
    this._menu = null;
    this._destroyed = false;
    this._guid = guid;
    trays.set(this._id, this);
    const self = guard('Tray', this);
    this._self = self;
    report('tray', this._describe());
    return self;
  }
  _check() {
    if (this._destroyed) throw new Error('Tray is destroyed');
  }
  setImage(image) { this._check(); this._image = toImage(image); report('tray', this._describe()); }
  setPressedImage(image) { this._check(); this._pressed = toImage(image); }
  setToolTip(text) { this._check(); this._toolTip = String(text); report('tray', this._describe()); }
  setTitle(title) { this._check(); this._title = String(title); report('tray', this._describe()); }
  getTitle() { this._check(); return ''; }
  setContextMenu(menu) { this._check(); this._menu = menu; report('tray', this._describe()); }
  popUpContextMenu(menu) { this._check(); report('tray-menu-popup', { id: this._id, menu: describeMenu(menu ?? this._menu) }); }
  closeContextMenu() {}
  setIgnoreDoubleClickEvents() {}
  getBounds() { this._check(); return process.platform === 'win32' ? windowsBounds() : { ...EMPTY }; }
  isDestroyed() { return this._destroyed; }
  destroy() {
    if (this._destroyed) return;
    this._destroyed = true;
    trays.delete(this._id);
    report('tray-destroyed', { id: this._id });
  }
  _describe() {
    return { id: this._id, image: this._image._describe(), toolTip: this._toolTip, title: this._title, menu: describeMenu(this._menu), bounds: this.getBounds(), destroyed: this._destroyed };
  }
}

function trayFor(id) {
  const tray = id === undefined ? [...trays.values()].at(-1) : trays.get(id);
  if (!tray) throw new Error('no tray');
  return tray;
}

onCommand('trays', () => [...trays.values()].map((t) => t._describe()));
onCommand('tray-click', ({ id, button = 'left', position }) => {
  const tray = trayFor(id);
  const event = electronEvent({ altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, triggeredByAccelerator: false });
  if (button === 'right') return void report('tray-menu-popup', { id: tray._id, menu: describeMenu(tray._menu) });
  tray.emit('click', event, tray.getBounds(), position ?? { x: 0, y: 0 });
});
onCommand('tray-menu-click', ({ id, label }) => {
  const tray = trayFor(id);
  if (!tray._menu) throw new Error('the tray has no context menu');
  clickMenuItem(tray._menu, label, BrowserWindow.getFocusedWindow());
});

export const TrayGuarded = guard('Tray', Tray);
