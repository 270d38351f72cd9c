// globalShortcut (docs/api/global-shortcut.md, electron_api_global_shortcut.cc,
// accelerator_util.cc): only after ready; a string that is not an accelerator fails gin's argument
// conversion; taking an accelerator already taken returns false. A test "presses" one by name.
import { app } from './app.mjs';
import { guard, onCommand } from './runtime.mjs';

const MODIFIERS = { command: 'Super', cmd: 'Super', super: 'Super', meta: 'Super', control: 'Ctrl', ctrl: 'Ctrl', commandorcontrol: 'Ctrl', cmdorctrl: 'Ctrl', alt: 'Alt', option: 'Alt', altgr: 'AltGr', shift: 'Shift' };
const NAMED = ['plus', 'space', 'tab', 'capslock', 'numlock', 'scrolllock', 'backspace', 'delete', 'insert', 'return', 'enter', 'up', 'down', 'left', 'right', 'home', 'end', 'pageup', 'pagedown', 'escape', 'esc', 'volumeup', 'volumedown', 'volumemute', 'medianexttrack', 'mediaprevioustrack', 'mediastop', 'mediaplaypause', 'printscreen', 'numdec', 'numadd', 'numsub', 'nummult', 'numdiv'];

/** Canonical form ("Ctrl+Shift+K"), or null when Electron's StringToAccelerator would fail. */
export function parseAccelerator(text) {
  if (typeof text !== 'string' || !/^[\x20-\x7e]+$/.test(text)) return null;
  const mods = new Set();
  let key = null;
  for (const raw of text.split(/\+(?!$)/)) {
    const token = raw.toLowerCase();
    if (MODIFIERS[token]) mods.add(MODIFIERS[token]);
    else if (/^(f([1-9]|1\d|2[0-4])|num[0-9]|[a-z0-9]|[)!@#$%^&*(:;:+=<,_\->.?/~`{\]\[|\\}"'])$/.test(token) || NAMED.includes(token)) key = token === 'esc' ? 'ESCAPE' : token === 'enter' ? 'RETURN' : token.toUpperCase();
    else return null;
  }
  if (!key) return null;
  return [...['Ctrl', 'Alt', 'AltGr', 'Shift', 'Super'].filter((m) => mods.has(m)), key].join('+');
}

const registered = new Map();
function convert(accelerator, index = 0) {
  const parsed = parseAccelerator(accelerator);
  if (!parsed) throw new TypeError(`Error processing argument at index ${index}, conversion failure from ${accelerator}`);
  return parsed;
}
function checkReady() {
  if (!app.isReady()) throw new Error('globalShortcut cannot be used before the app is ready');
}

export const globalShortcut = guard('globalShortcut', {
  register(accelerator, callback) {
    const key = convert(accelerator);
    checkReady();
    if (registered.has(key)) return false;
    registered.set(key, { accelerator, callback });
    return true;
  },
  registerAll(accelerators, callback) {
    const keys = accelerators.map((a) => convert(a));
    checkReady();
    if (keys.some((k) => registered.has(k))) return false;
    keys.forEach((k, i) => registered.set(k, { accelerator: accelerators[i], callback }));
    return true;
  },
  isRegistered(accelerator) { return registered.has(convert(accelerator)); },
  unregister(accelerator) { const key = convert(accelerator); checkReady(); registered.delete(key); },
  unregisterAll() { checkReady(); registered.clear(); },
});

onCommand('shortcuts', () => [...registered.values()].map((r) => r.accelerator));
onCommand('press-shortcut', ({ accelerator }) => {
  const entry = registered.get(parseAccelerator(accelerator));
  if (!entry) throw new Error(`no global shortcut ${accelerator} is registered`);
  entry.callback();
});
