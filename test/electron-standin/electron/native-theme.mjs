// nativeTheme (docs/api/native-theme.md): themeSource overrides the system; the result drives
// every page's prefers-color-scheme, as Electron's does. The system's dark mode is a launch
// option a test can change later (emits 'updated' when it changes what shouldUseDarkColors says).
import { EventEmitter } from 'node:events';
import { guard, onCommand, options } from './runtime.mjs';

let systemDark = !!options.systemDark;
const pages = new Set();

class NativeTheme extends EventEmitter {
  constructor() {
    super();
    this._source = 'system';
  }
  get themeSource() { return this._source; }
  set themeSource(value) {
    if (!['system', 'light', 'dark'].includes(value)) throw new TypeError(`Error processing argument at index 0, conversion failure from ${value}`);
    const before = this.shouldUseDarkColors;
    this._source = value;
    this._apply(before);
  }
  get shouldUseDarkColors() { return this._source === 'dark' || (this._source === 'system' && systemDark); }
  get shouldUseHighContrastColors() { return false; }
  get shouldUseInvertedColorScheme() { return false; }
  get inForcedColorsMode() { return false; }
  get prefersReducedTransparency() { return false; }
  _apply(before) {
    for (const page of pages) void applyTo(page);
    if (before !== this.shouldUseDarkColors) this.emit('updated');
  }
}
// macOS/Windows only: the taskbar's own light/dark (Windows keeps it apart from the apps' mode).
// The stand-in's Windows has one system setting for both.
if (process.platform === 'win32') {
  Object.defineProperty(NativeTheme.prototype, 'shouldUseDarkColorsForSystemIntegratedUI', { get: () => systemDark });
}
const impl = new NativeTheme();
export const nativeTheme = guard('nativeTheme', impl);

function applyTo(page) {
  return page.emulateMedia({ colorScheme: impl.shouldUseDarkColors ? 'dark' : 'light' }).catch(() => {});
}
/** BrowserWindow registers each page so it follows the theme from its first load. */
export function followTheme(page) {
  pages.add(page);
  page.once('close', () => pages.delete(page));
  return applyTo(page);
}
onCommand('system-dark', ({ dark }) => {
  const before = impl.shouldUseDarkColors;
  systemDark = !!dark;
  impl._apply(before);
});
