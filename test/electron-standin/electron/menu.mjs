// Menu and MenuItem (docs/api/menu.md, menu-item.md): the template as data; a test clicks an item
// by label, which runs its `click(menuItem, window, event)` and flips checkbox/radio state as the
// native menu would.
import { guard, report } from './runtime.mjs';

let appMenu = null;

export class MenuItem {
  constructor(opts = {}) {
    this.label = opts.label ?? '';
    this.type = opts.type ?? (opts.submenu ? 'submenu' : 'normal');
    this.role = opts.role;
    this.id = opts.id;
    this.enabled = opts.enabled ?? true;
    this.visible = opts.visible ?? true;
    this.checked = opts.checked ?? false;
    this.accelerator = opts.accelerator;
    this.toolTip = opts.toolTip ?? '';
    this.sublabel = opts.sublabel ?? '';
    this.click = opts.click;
    this.submenu = opts.submenu ? (opts.submenu instanceof Menu ? opts.submenu : Menu.buildFromTemplate(opts.submenu)) : undefined;
    this.menu = null;
  }
}

export class Menu {
  constructor() {
    this.items = [];
  }
  static buildFromTemplate(template) {
    if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array');
    const menu = new Menu();
    for (const entry of template) menu.append(entry instanceof MenuItem ? entry : new MenuItem(entry));
    return menu;
  }
  static setApplicationMenu(menu) { appMenu = menu; }
  static getApplicationMenu() { return appMenu; }
  append(item) { item.menu = this; this.items.push(item); }
  insert(pos, item) { item.menu = this; this.items.splice(pos, 0, item); }
  getMenuItemById(id) {
    for (const item of this.items) {
      if (item.id === id) return item;
      const inner = item.submenu?.getMenuItemById(id);
      if (inner) return inner;
    }
    return null;
  }
  popup() { report('menu-popup', { items: describeMenu(this) }); }
  closePopup() {}
}

/** The menu as plain data for the driver (separators kept so tests see the layout). */
export function describeMenu(menu) {
  return menu ? menu.items.map((i) => ({ label: i.label, type: i.type, enabled: i.enabled, visible: i.visible, checked: i.checked, id: i.id ?? null, submenu: i.submenu ? describeMenu(i.submenu) : null })) : null;
}

/** Finds an item by its label path ("Parent > Child" or just "Child") and clicks it. */
export function clickMenuItem(menu, labelPath, focusedWindow) {
  const parts = labelPath.split(' > ');
  const find = (m, wanted) => m.items.find((i) => i.label === wanted) ?? m.items.map((i) => (i.submenu ? find(i.submenu, wanted) : null)).find(Boolean);
  let item = null;
  let current = menu;
  for (const part of parts) {
    item = parts.length === 1 ? find(current, part) : current?.items.find((i) => i.label === part);
    current = item?.submenu;
  }
  if (!item) throw new Error(`no menu item labelled ${labelPath}`);
  if (!item.enabled || !item.visible) throw new Error(`menu item ${labelPath} is ${item.enabled ? 'hidden' : 'disabled'}`);
  if (item.type === 'checkbox') item.checked = !item.checked;
  if (item.type === 'radio') {
    for (const sibling of item.menu?.items ?? []) if (sibling.type === 'radio') sibling.checked = false;
    item.checked = true;
  }
  item.click?.(item, focusedWindow ?? undefined, { shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, triggeredByAccelerator: false });
}

export const MenuGuarded = guard('Menu', Menu);
export const MenuItemGuarded = guard('MenuItem', MenuItem);
