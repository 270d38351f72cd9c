import fs from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { iconDirectory, iconFile, iconFilesFor, trayAreaIsDark } from '../../../src/main/shell/tray/icon-files';
import { TRAY_STATES } from '../../../src/main/shell/tray/tray-state';

const ICONS = path.resolve(import.meta.dirname, '../../../resources/icons');

/** Just enough PNG reading for the generated files: 8-bit RGBA, filter 0 on every row. */
function readPng(file: string): { width: number; height: number; rgba: Buffer } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < b.length) {
    const length = b.readUInt32BE(offset);
    const type = b.toString('ascii', offset + 4, offset + 8);
    const data = b.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 6]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  return { width, height, rgba };
}

describe('iconFile', () => {
  it('uses template images on macOS and themed files elsewhere', () => {
    expect(iconFile('approvals', 'darwin', true)).toBe('approvalsTemplate.png');
    expect(iconFile('approvals', 'darwin', false)).toBe('approvalsTemplate.png');
    expect(iconFile('busy', 'win32', true)).toBe('busy-dark.png');
    expect(iconFile('busy', 'linux', false)).toBe('busy-light.png');
  });

  it('reads the taskbar theme on Windows, the app theme elsewhere', () => {
    const lightAppsDarkTaskbar = { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: true };
    expect(trayAreaIsDark('win32', lightAppsDarkTaskbar)).toBe(true);
    expect(trayAreaIsDark('linux', lightAppsDarkTaskbar)).toBe(false);
    expect(trayAreaIsDark('win32', { shouldUseDarkColors: true })).toBe(true);
  });

  it('finds the icons beside the app or in the packaged resources', () => {
    expect(iconDirectory({ isPackaged: false, resourcesPath: '/x', appPath: '/repo' })).toBe(path.join('/repo', 'resources', 'icons'));
    expect(iconDirectory({ isPackaged: true, resourcesPath: '/opt/Parrot/resources', appPath: '/x' })).toBe(path.join('/opt/Parrot/resources', 'icons'));
  });
});

describe('the generated icons (npm run icons)', () => {
  it('exist for every state, platform and theme, at 1x and 2x', () => {
    for (const state of TRAY_STATES) {
      for (const file of iconFilesFor(state)) {
        const png = readPng(path.join(ICONS, file));
        const size = file.includes('@2x') ? 32 : 16;
        expect([file, png.width, png.height]).toEqual([file, size, size]);
      }
      for (const [platform, dark] of [['darwin', false], ['win32', true], ['linux', false]] as const) {
        expect(fs.existsSync(path.join(ICONS, iconFile(state, platform, dark)))).toBe(true);
      }
    }
  });

  it('draw something, and templates are black with alpha only', () => {
    for (const state of TRAY_STATES) {
      const template = readPng(path.join(ICONS, `${state}Template@2x.png`)).rgba;
      let opaque = 0;
      for (let i = 0; i < template.length; i += 4) {
        expect(template[i]! + template[i + 1]! + template[i + 2]!).toBe(0);
        if (template[i + 3]! > 128) opaque++;
      }
      // Roughly a tenth to a half of 32 x 32: a glyph, neither empty nor a filled square.
      expect(opaque).toBeGreaterThan(100);
      expect(opaque).toBeLessThan(600);
    }
  });

  it('draw each state differently', () => {
    const looks = TRAY_STATES.map((s) => readPng(path.join(ICONS, `${s}Template@2x.png`)).rgba.toString('base64'));
    expect(new Set(looks).size).toBe(TRAY_STATES.length);
  });
});
