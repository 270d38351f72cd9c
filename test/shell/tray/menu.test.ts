import type { Menu, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildTrayMenu, toElectronTemplate } from '../../../src/main/shell/tray/menu';
import { menuRefreshAt, trayMenuTemplate, untilWords, type TrayMenuItem } from '../../../src/main/shell/tray/menu-template';

const NOW = new Date(2025, 2, 14, 13, 0).getTime();
const at = (day: number, h: number, m = 0) => new Date(2025, 2, day, h, m).getTime();

/** Labels as an outline, separators as '---', submenus as [label, children]. */
function outline(items: readonly TrayMenuItem[]): unknown[] {
  return items.map((i) => (i.kind === 'separator' ? '---' : i.kind === 'submenu' ? [i.label, outline(i.items)] : i.label));
}

describe('trayMenuTemplate', () => {
  it('has the entry points, the snooze choices and quit', () => {
    expect(outline(trayMenuTemplate({ snoozedUntil: null, now: NOW }))).toEqual([
      'Open Command Center',
      'Sessions',
      '---',
      ['Snooze notifications', ['For 1 hour', 'Until tomorrow']],
      'Settings…',
      'Report a problem…',
      'Check for updates (installed builds only)',
      '---',
      'Quit Parrot Tray',
    ]);
  });

  it('follows the update: check, its progress, then "Restart to update" first', () => {
    const base = { phase: 'idle' as const, automatic: true, version: null, percent: null, error: null, checkedAt: null };
    const items = (update: Parameters<typeof trayMenuTemplate>[0]['update']) =>
      trayMenuTemplate({ snoozedUntil: null, now: NOW, update }).filter((i) => i.kind === 'action' && (i.id === 'check-for-updates' || i.id === 'install-update')).map((i) => (i.kind === 'action' ? [i.id, i.label, i.enabled] : []));
    expect(items(null)).toEqual([['check-for-updates', 'Check for updates (installed builds only)', false]]);
    expect(items(base)).toEqual([['check-for-updates', 'Check for updates', true]]);
    expect(items({ ...base, phase: 'failed', error: 'offline' })).toEqual([['check-for-updates', 'Check for updates', true]]);
    expect(items({ ...base, phase: 'downloading', version: '2.0.0', percent: 40 })).toEqual([['check-for-updates', 'Downloading v2.0.0 (40%)…', false]]);
    expect(items({ ...base, phase: 'ready', version: '2.0.0' })).toEqual([['install-update', 'Restart to update to v2.0.0', true], ['check-for-updates', 'Check for updates', true]]);
  });

  it('offers to resume when snoozed, saying until when', () => {
    const menu = trayMenuTemplate({ snoozedUntil: at(14, 14), now: NOW });
    expect(outline(menu)[3]).toEqual(['Notifications snoozed', ['For 1 hour', 'Until tomorrow', '---', 'Resume notifications (snoozed until 14:00)']]);
    const resume = menu[3]?.kind === 'submenu' ? menu[3].items[3] : undefined;
    expect(resume).toMatchObject({ kind: 'action', id: 'resume-notifications', enabled: true });
  });

  it('treats a snooze that has ended as none', () => {
    expect(outline(trayMenuTemplate({ snoozedUntil: NOW, now: NOW }))[3]).toEqual(['Snooze notifications', ['For 1 hour', 'Until tomorrow']]);
  });

  it('gives every action an id and sets no accelerators', () => {
    const ids: string[] = [];
    const walk = (items: readonly TrayMenuItem[]) =>
      items.forEach((i) => {
        if (i.kind === 'action') {
          ids.push(i.id);
          expect(i.accelerator).toBeUndefined();
        }
        if (i.kind === 'submenu') walk(i.items);
      });
    walk(trayMenuTemplate({ snoozedUntil: at(14, 14), now: NOW }));
    expect(ids).toEqual(['open-command-center', 'open-sessions', 'snooze-1h', 'snooze-tomorrow', 'resume-notifications', 'open-settings', 'report-problem', 'check-for-updates', 'quit']);
  });
});

describe('untilWords and menuRefreshAt', () => {
  it('names the day when the snooze ends on another one', () => {
    expect(untilWords(at(14, 14), NOW)).toBe('14:00');
    expect(untilWords(at(15, 8), NOW)).toBe('tomorrow 08:00');
    expect(untilWords(at(21, 8), NOW)).toBe('Fri 08:00');
  });

  it('refreshes at the end of the snooze or at midnight, whichever is first', () => {
    expect(menuRefreshAt({ snoozedUntil: null, now: NOW })).toBeNull();
    expect(menuRefreshAt({ snoozedUntil: at(14, 14), now: NOW })).toBe(at(14, 14));
    expect(menuRefreshAt({ snoozedUntil: at(15, 8), now: NOW })).toBe(at(15, 0));
    expect(menuRefreshAt({ snoozedUntil: NOW, now: NOW })).toBeNull();
  });
});

describe('toElectronTemplate and buildTrayMenu', () => {
  it('turns the data into Electron items whose clicks report the action', () => {
    const onAction = vi.fn();
    const template = toElectronTemplate(trayMenuTemplate({ snoozedUntil: at(14, 14), now: NOW }), onAction);
    expect(template[2]).toEqual({ type: 'separator' });
    expect(template[0]).toMatchObject({ id: 'open-command-center', label: 'Open Command Center', enabled: true });
    const snooze = template[3]?.submenu as MenuItemConstructorOptions[];
    expect(snooze.map((i) => i.id ?? i.type)).toEqual(['snooze-1h', 'snooze-tomorrow', 'separator', 'resume-notifications']);
    snooze[1]?.click?.({} as never, undefined, {} as never);
    template[5]?.click?.({} as never, undefined, {} as never);
    template[8]?.click?.({} as never, undefined, {} as never);
    expect(onAction.mock.calls).toEqual([['snooze-tomorrow'], ['report-problem'], ['quit']]);
  });

  it('keeps an accelerator when the data has one', () => {
    const [item] = toElectronTemplate([{ kind: 'action', id: 'quit', label: 'Quit', enabled: false, accelerator: 'CmdOrCtrl+Q' }], () => {});
    expect(item).toMatchObject({ accelerator: 'CmdOrCtrl+Q', enabled: false });
  });

  it('builds through the Menu it is given', () => {
    const built = { built: true } as unknown as Menu;
    const buildFromTemplate = vi.fn((_t: MenuItemConstructorOptions[]) => built);
    expect(buildTrayMenu({ buildFromTemplate }, trayMenuTemplate({ snoozedUntil: null, now: NOW }), () => {})).toBe(built);
    expect(buildFromTemplate.mock.calls[0]?.[0]).toHaveLength(9);
  });
});
