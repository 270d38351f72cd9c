import type { Menu, MenuItemConstructorOptions } from 'electron';
import type { TrayMenuAction, TrayMenuItem } from './menu-template';

/** Menu.buildFromTemplate, passed in so this runs (and is tested) without Electron. */
export type MenuBuilder = Pick<typeof Menu, 'buildFromTemplate'>;

export function toElectronTemplate(items: readonly TrayMenuItem[], onAction: (action: TrayMenuAction) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'submenu':
        return { id: item.id, label: item.label, enabled: item.enabled, submenu: toElectronTemplate(item.items, onAction) };
      case 'action':
        return {
          id: item.id,
          label: item.label,
          enabled: item.enabled,
          ...(item.accelerator ? { accelerator: item.accelerator } : {}),
          click: () => onAction(item.id),
        };
    }
  });
}

export function buildTrayMenu(menu: MenuBuilder, items: readonly TrayMenuItem[], onAction: (action: TrayMenuAction) => void): Menu {
  return menu.buildFromTemplate(toElectronTemplate(items, onAction));
}
