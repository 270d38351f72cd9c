import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyOpenAtLogin, autostartEntry, launchCommand } from '../../src/main/shell/settings/open-at-login';
import { tempDir } from '../support/temp-dir';

describe('open at login', () => {
  it("uses Electron's login items on macOS and Windows", () => {
    const calls: unknown[] = [];
    applyOpenAtLogin(true, { platform: 'win32', setLoginItemSettings: (s) => calls.push(s), env: {}, home: '/nowhere', command: ['x'] });
    expect(calls).toEqual([{ openAtLogin: true }]);
  });

  it('writes and removes an XDG autostart entry on Linux, where Electron does nothing', () => {
    const home = tempDir();
    const deps = { platform: 'linux', setLoginItemSettings: () => expect.unreachable(), env: {}, home, command: ['/opt/Parrot Tray/parrot-tray'] };
    const file = join(home, '.config/autostart/parrot-tray.desktop');
    applyOpenAtLogin(true, deps);
    expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/Parrot Tray/parrot-tray"\n');
    applyOpenAtLogin(false, deps);
    expect(existsSync(file)).toBe(false);
    applyOpenAtLogin(false, deps);
    applyOpenAtLogin(true, { ...deps, env: { XDG_CONFIG_HOME: join(home, 'cfg') } });
    expect(existsSync(join(home, 'cfg/autostart/parrot-tray.desktop'))).toBe(true);
  });

  it('starts what started this run: the AppImage file, the binary, or Electron with the app', () => {
    const launch = { defaultApp: false, execPath: '/usr/lib/parrot-tray/parrot-tray', appPath: '/src/parrot' };
    expect(launchCommand({ APPIMAGE: '/home/ada/Parrot.AppImage' }, launch)).toEqual(['/home/ada/Parrot.AppImage']);
    expect(launchCommand({}, launch)).toEqual(['/usr/lib/parrot-tray/parrot-tray']);
    expect(launchCommand({}, { ...launch, defaultApp: true, execPath: '/n/electron' })).toEqual(['/n/electron', '/src/parrot']);
    expect(autostartEntry(['/a b/$x'])).toContain('Exec="/a b/\\$x"');
  });
});
