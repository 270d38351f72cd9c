import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO } from '../support/built-app';
import { RELEASE_FEED } from '../../src/main/shell/update/start-updates';
import { feedProblem } from '../../src/main/shell/update/update-policy';

const config = parse(readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('the installers as electron-builder makes them (electron-builder.yml)', () => {
  it('flips the Electron Fuses the security checklist asks for, and fails on any drift', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // Off once the renderer is served from the app's own scheme (issue 15, item 2).
      grantFileProtocolExtraPrivileges: false,
    });
    // onlyLoadAppFromAsar needs the app in an asar (electron-builder's default, never turned off).
    expect(config.asar).not.toBe(false);
  });

  it('signs on macOS with a hardened runtime and allow-jit alone, and lets notification actions show', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, entitlements: 'resources/entitlements.mac.plist', entitlementsInherit: 'resources/entitlements.mac.plist' });
    expect(config.mac.extendInfo).toMatchObject({ LSUIElement: true, NSUserNotificationAlertStyle: 'alert' });
    const plist = readFileSync(join(REPO, config.mac.entitlements as string), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('publishes updates to the https feed the app checks, and nowhere else', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: RELEASE_FEED });
    expect(feedProblem(config.publish.url as string, false)).toBeNull();
    // The config electron-updater reads when run from source names the same feed and its cache folder.
    const dev = parse(readFileSync(join(REPO, 'resources/dev-app-update.yml'), 'utf8')) as Record<string, unknown>;
    expect(dev).toEqual({ provider: 'generic', url: RELEASE_FEED, updaterCacheDirName: 'parrot-tray-updater' });
  });

  it('installs a desktop entry and the discoparrot: handler on Linux', () => {
    expect(config.protocols).toEqual([{ name: 'Disco Parrot', schemes: ['discoparrot'] }]);
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], syncDesktopName: true });
    expect(pkg.desktopName).toBe('parrot-tray.desktop');
  });
});
