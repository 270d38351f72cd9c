import { join } from 'node:path';
import type { TrayState } from './tray-state';

/** The few nativeTheme fields the icon choice reads. */
export interface ThemeColours {
  shouldUseDarkColors: boolean;
  shouldUseDarkColorsForSystemIntegratedUI?: boolean;
}

/**
 * Whether the tray area is dark. On Windows the taskbar follows the *system* theme, which can
 * differ from the app theme (dark taskbar, light apps is the default), so the app's own colours
 * would pick an invisible icon there. Elsewhere the app colours are the best signal there is.
 */
export function trayAreaIsDark(platform: string, theme: ThemeColours): boolean {
  if (platform === 'win32' && theme.shouldUseDarkColorsForSystemIntegratedUI !== undefined) {
    return theme.shouldUseDarkColorsForSystemIntegratedUI;
  }
  return theme.shouldUseDarkColors;
}

/**
 * The icon file for a state. macOS gets a template image (black + alpha; the menu bar recolours
 * it, and Electron finds the @2x file beside it). Windows and Linux get a pre-coloured icon named
 * after the theme it is drawn *for*: `-dark` is a light glyph for a dark tray area.
 */
export function iconFile(state: TrayState | string, platform: string, dark: boolean): string {
  if (platform === 'darwin') return `${state}Template.png`;
  return `${state}-${dark ? 'dark' : 'light'}.png`;
}

/** Every file iconFile can name for one state, @2x included: what the icon script must write. */
export function iconFilesFor(state: string): string[] {
  const bases = [`${state}Template`, `${state}-light`, `${state}-dark`];
  return bases.flatMap((b) => [`${b}.png`, `${b}@2x.png`]);
}

export interface IconLocation {
  isPackaged: boolean;
  /** process.resourcesPath: electron-builder copies resources/icons to <resources>/icons. */
  resourcesPath: string;
  /** app.getAppPath(): the project root when run unpackaged. */
  appPath: string;
}

export function iconDirectory(where: IconLocation): string {
  return where.isPackaged ? join(where.resourcesPath, 'icons') : join(where.appPath, 'resources', 'icons');
}
