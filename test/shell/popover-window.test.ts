import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { Popover, popoverWindowOptions } from '../../src/main/shell/windows/popover-window';

class FakeWindow extends EventEmitter {
  visible = false;
  bounds: unknown = null;
  sent: unknown[] = [];
  contents = new EventEmitter();
  webContents = { send: (...args: unknown[]) => this.sent.push(args), on: (name: string, fn: () => void) => this.contents.on(name, fn) };
  isVisible = () => this.visible;
  hide = () => void (this.visible = false);
  show = () => void (this.visible = true);
  focus = () => undefined;
  setBounds = (b: unknown) => void (this.bounds = b);
}

const at = { x: 10, y: 20, width: 380, height: 600 };

describe('the popover window', () => {
  it('is frameless, has no taskbar entry, and starts hidden with the secure preferences', () => {
    const o = popoverWindowOptions('/app/preload.cjs');
    expect(o).toMatchObject({ frame: false, skipTaskbar: true, show: false, width: 380, height: 600 });
    expect(o.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });

  it('toggles at the given bounds, hides on blur, and a tray click right after a blur keeps it closed', () => {
    let now = 1000;
    const w = new FakeWindow();
    const p = new Popover(w as never, () => now);
    p.toggle(at);
    expect([w.visible, w.bounds]).toEqual([true, at]);
    w.emit('blur');
    expect(w.visible).toBe(false);
    now += 100;
    p.toggle(at);
    expect(w.visible).toBe(false);
    now += 1000;
    p.toggle(at);
    expect(w.visible).toBe(true);
    p.toggle(at);
    expect(w.visible).toBe(false);
  });

  it('opens at a session for a notification click or a deep link', () => {
    const w = new FakeWindow();
    const p = new Popover(w as never);
    p.pageReady();
    p.openSession('fr_7', at);
    expect(w.visible).toBe(true);
    expect(w.sent).toEqual([['parrot-tray:navigate', { name: 'detail', id: 'fr_7' }]]);
  });

  it('holds a route asked for before the page listens, and delivers the newest once it does', () => {
    const w = new FakeWindow();
    const p = new Popover(w as never);
    p.navigate({ name: 'sessions' }, at);
    p.openSession('fr_7', at);
    expect([w.visible, w.sent]).toEqual([true, []]);
    p.pageReady();
    expect(w.sent).toEqual([['parrot-tray:navigate', { name: 'detail', id: 'fr_7' }]]);
    p.pageReady();
    expect(w.sent).toHaveLength(1);
  });

  it('holds routes again while the page reloads', () => {
    const w = new FakeWindow();
    const p = new Popover(w as never);
    p.pageReady();
    w.contents.emit('did-start-loading');
    p.navigate({ name: 'settings' }, at);
    expect(w.sent).toEqual([]);
    p.pageReady();
    expect(w.sent).toEqual([['parrot-tray:navigate', { name: 'settings' }]]);
  });
});
