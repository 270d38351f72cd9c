// BrowserWindow (docs/api/browser-window.md): one Chromium page per window. What only the OS
// shows (visibility, focus, position) is state here; the page's viewport follows width/height.
import { EventEmitter } from 'node:events';
import { newPage, targetId } from './chromium.mjs';
import { followTheme } from './native-theme.mjs';
import { electronEvent, guard, report } from './runtime.mjs';
import { WebContents } from './web-contents.mjs';

const windows = new Map();
let nextId = 1;
let focusedId = null;
let onAllClosed = () => {};
/** app.mjs decides what the last window closing means (window-all-closed / quit). */
export function setAllClosedHandler(fn) { onAllClosed = fn; }

export class BrowserWindow extends EventEmitter {
  constructor(options = {}) {
    super();
    this.id = nextId++;
    const width = options.width ?? 800;
    const height = options.height ?? 600;
    this._bounds = { x: options.x ?? 0, y: options.y ?? 0, width, height };
    this._visible = false;
    this._destroyed = false;
    this._state = { alwaysOnTop: !!options.alwaysOnTop, skipTaskbar: !!options.skipTaskbar, minimized: false, title: options.title ?? '' };
    this._targetId = null;
    const prefs = { sandbox: true, contextIsolation: true, nodeIntegration: false, ...(options.webPreferences ?? {}) };
    if (prefs.nodeIntegration) throw new Error('Electron stand-in: webPreferences.nodeIntegration is not modelled (sandbox only)');
    this.webContents = new WebContents(prefs, (url, overrides) => new BrowserWindow(overrides).loadURL(url));
    this.webContents._win = this;
    const self = guard('BrowserWindow', this);
    windows.set(this.id, self);
    this._ready = newPage(async (page) => {
      await this.webContents._attach(page);
      await page.setViewportSize({ width, height });
      await followTheme(page);
      this._targetId = await targetId(page);
      report('window', { id: this.id, webContentsId: this.webContents.id, targetId: this._targetId });
      // browser_window.cc: ready-to-show only fires for a window that is not visible yet.
      page.once('load', () => {
        if (!this._destroyed && !this._visible) this.emit('ready-to-show', electronEvent());
      });
    });
    this._ready.catch((error) => process.stderr.write(`Electron stand-in: window ${this.id} failed: ${error?.stack ?? error}\n`));
    if (options.show !== false) self.show();
    return self;
  }

  static getAllWindows() { return [...windows.values()]; }
  static getFocusedWindow() { return focusedId === null ? null : windows.get(focusedId) ?? null; }
  static fromWebContents(wc) { return [...windows.values()].find((w) => w.webContents === wc) ?? null; }
  static fromId(id) { return windows.get(id) ?? null; }

  loadURL(url, options) { return this.webContents.loadURL(url, options); }
  loadFile(file, options) { return this.webContents.loadFile(file, options); }

  show() {
    if (this._destroyed) return;
    const wasVisible = this._visible;
    this._visible = true;
    if (!wasVisible) this.emit('show', electronEvent());
    this.focus();
    report('window-state', this._describe());
  }
  showInactive() { if (!this._visible) { this._visible = true; this.emit('show', electronEvent()); report('window-state', this._describe()); } }
  hide() {
    if (this._destroyed || !this._visible) return;
    this._visible = false;
    if (focusedId === this.id) this.blur();
    this.emit('hide', electronEvent());
    report('window-state', this._describe());
  }
  focus() {
    if (this._destroyed || focusedId === this.id) return;
    if (!this._visible) this._visible = true;
    const previous = focusedId === null ? null : windows.get(focusedId);
    focusedId = this.id;
    previous?.emit('blur', electronEvent());
    this.emit('focus', electronEvent());
  }
  /** The window loses focus (the user clicked elsewhere; docs: 'blur'). */
  blur() {
    if (focusedId !== this.id) return;
    focusedId = null;
    this.emit('blur', electronEvent());
  }
  isVisible() { return this._visible; }
  isFocused() { return focusedId === this.id; }
  isDestroyed() { return this._destroyed; }

  getBounds() { return { ...this._bounds }; }
  getContentBounds() { return this.getBounds(); }
  setBounds(bounds) {
    const old = this._bounds;
    this._bounds = { ...old, ...bounds };
    if (bounds.width !== undefined || bounds.height !== undefined) {
      const { width, height } = this._bounds;
      void this._ready.then((page) => page.setViewportSize({ width, height })).catch(() => {});
      this.emit('resize', electronEvent());
    }
    if (bounds.x !== undefined || bounds.y !== undefined) this.emit('move', electronEvent());
    report('window-state', this._describe());
  }
  getSize() { return [this._bounds.width, this._bounds.height]; }
  setSize(width, height) { this.setBounds({ width, height }); }
  getPosition() { return [this._bounds.x, this._bounds.y]; }
  setPosition(x, y) { this.setBounds({ x, y }); }
  setAlwaysOnTop(flag) { this._state.alwaysOnTop = !!flag; }
  isAlwaysOnTop() { return this._state.alwaysOnTop; }
  setSkipTaskbar(flag) { this._state.skipTaskbar = !!flag; }
  setVisibleOnAllWorkspaces() {}
  minimize() { this._state.minimized = true; this.emit('minimize', electronEvent()); }
  restore() { this._state.minimized = false; this.emit('restore', electronEvent()); }
  isMinimized() { return this._state.minimized; }
  setTitle(title) { this._state.title = title; }
  getTitle() { return this._state.title; }
  removeMenu() {}
  setMenuBarVisibility() {}

  /** docs: 'close' can be prevented; then 'closed' once the window is gone. Returns whether it closed. */
  close() {
    if (this._destroyed) return true;
    const event = electronEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroy();
    return true;
  }
  destroy() {
    if (this._destroyed) return;
    this._destroyed = true;
    this._visible = false;
    if (focusedId === this.id) focusedId = null;
    windows.delete(this.id);
    void this._ready.then((page) => page.close()).catch(() => {});
    this.webContents._destroy();
    this.emit('closed', electronEvent());
    report('window-closed', { id: this.id });
    if (windows.size === 0) onAllClosed();
  }
  _describe() {
    return { id: this.id, visible: this._visible, focused: this.isFocused(), bounds: this.getBounds(), destroyed: this._destroyed, targetId: this._targetId };
  }
}
/** For the driver: every window's state. */
export function describeWindows() { return [...windows.values()].map((w) => ({ ...w._describe(), url: w.webContents.getURL() })); }
export function windowById(id) { const w = windows.get(id); if (!w) throw new Error(`no window ${id}`); return w; }
