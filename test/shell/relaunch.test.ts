import { describe, expect, it } from 'vitest';
import { relaunchOptions } from '../../src/main/shell/relaunch';

describe('relaunching after a change of backend', () => {
  it("keeps Electron's defaults for an ordinary install", () => {
    expect(relaunchOptions({}, ['/opt/Parrot Tray/parrot-tray', '--show-popover'])).toBeUndefined();
  });

  it('runs the AppImage file again, not the binary inside its vanishing mount', () => {
    expect(relaunchOptions({ APPIMAGE: '/home/ada/Apps/Parrot-Tray.AppImage' }, ['/tmp/.mount_ParrotX/parrot-tray', '--no-sandbox'])).toEqual({
      execPath: '/home/ada/Apps/Parrot-Tray.AppImage',
      args: ['--no-sandbox'],
    });
  });

  it('does not open the link that started this run again', () => {
    expect(relaunchOptions({}, ['/usr/bin/parrot-tray', 'discoparrot://session/fr_7'])).toEqual({ args: [] });
    expect(relaunchOptions({ APPIMAGE: '/a.AppImage' }, ['/m/parrot-tray', 'discoparrot://session/fr_7'])).toEqual({ execPath: '/a.AppImage', args: [] });
  });
});
