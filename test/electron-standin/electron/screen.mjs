// screen (docs/api/screen.md): displays come from the launch options (bounds and workArea per
// display); the cursor is wherever the test last put it.
import { EventEmitter } from 'node:events';
import { guard, onCommand, options } from './runtime.mjs';

const DEFAULT = [{ bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 32, width: 1920, height: 1048 } }];
const displays = (options.displays ?? DEFAULT).map((d, i) => ({
  id: d.id ?? i + 1, label: d.label ?? `Display ${i + 1}`, bounds: d.bounds, workArea: d.workArea ?? d.bounds,
  size: { width: d.bounds.width, height: d.bounds.height }, workAreaSize: { width: (d.workArea ?? d.bounds).width, height: (d.workArea ?? d.bounds).height },
  scaleFactor: d.scaleFactor ?? 1, rotation: 0, internal: false, monochrome: false, colorDepth: 24, colorSpace: '', depthPerComponent: 8, displayFrequency: 60, accelerometerSupport: 'unknown', touchSupport: 'unknown', detected: true, maximumCursorSize: { width: 64, height: 64 }, nativeOrigin: { x: d.bounds.x, y: d.bounds.y },
}));
let cursor = options.cursor ?? { x: displays[0].bounds.x + 10, y: displays[0].bounds.y + 10 };

const copy = (d) => structuredClone(d);
const distance = (d, p) => {
  const dx = Math.max(d.bounds.x - p.x, 0, p.x - (d.bounds.x + d.bounds.width));
  const dy = Math.max(d.bounds.y - p.y, 0, p.y - (d.bounds.y + d.bounds.height));
  return dx * dx + dy * dy;
};
const overlap = (a, b) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

class Screen extends EventEmitter {
  getPrimaryDisplay() { return copy(displays[0]); }
  getAllDisplays() { return displays.map(copy); }
  getCursorScreenPoint() { return { ...cursor }; }
  getDisplayNearestPoint(point) { return copy(displays.reduce((best, d) => (distance(d, point) < distance(best, point) ? d : best))); }
  getDisplayMatching(rect) {
    const best = displays.reduce((b, d) => (overlap(d.bounds, rect) > overlap(b.bounds, rect) ? d : b));
    return copy(overlap(best.bounds, rect) > 0 ? best : this.getDisplayNearestPoint({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }));
  }
  screenToDipPoint(p) { return p; }
  dipToScreenPoint(p) { return p; }
}
export const screen = guard('screen', new Screen());
/** The primary display, for modules that place things on it (the Windows tray icon). */
export const primaryDisplay = () => copy(displays[0]);
onCommand('cursor', ({ x, y }) => void (cursor = { x, y }));
