// What every stand-in module shares: the launch options the driver chose, the channel back to the
// driver (the fork IPC channel), the "not modelled" guard, and Electron-style events.

/** Launch options from the driver; removed from the env so the app sees the env the test chose. */
export const options = JSON.parse(process.env.ELECTRON_STANDIN_OPTIONS ?? '{}');
delete process.env.ELECTRON_STANDIN_OPTIONS;

const send = typeof process.send === 'function' ? process.send.bind(process) : null;

/** Tells the driver something happened (a record tests can inspect). */
export function report(type, data = {}) {
  if (send && process.connected) send({ standin: 'event', type, data });
}

const commands = new Map();
/** A driver command (`driver.command(name, args)`) handled in this process. */
export function onCommand(name, fn) {
  commands.set(name, fn);
}

process.on('message', async (msg) => {
  if (!msg || msg.standin !== 'command') return;
  const fn = commands.get(msg.name);
  try {
    if (!fn) throw new Error(`Electron stand-in: no driver command ${msg.name}`);
    const result = await fn(msg.args ?? {});
    send?.({ standin: 'reply', id: msg.id, result });
  } catch (error) {
    send?.({ standin: 'reply', id: msg.id, error: error instanceof Error ? error.message : String(error) });
  }
});
// The driver (the test) went away: nothing may outlive it.
process.on('disconnect', () => hardExit(1));

const exitHooks = [];
/** Cleanups before the process ends (closing Chromium). */
export function onExit(fn) {
  exitHooks.push(fn);
}
const realExit = process.exit.bind(process);
let exiting = false;
/** Ends the process after the cleanups; what Electron's C++ does once the app has quit. */
export async function hardExit(code) {
  if (exiting) return;
  exiting = true;
  const timer = setTimeout(() => realExit(code), 3000);
  for (const fn of exitHooks) await Promise.resolve().then(fn).catch(() => {});
  clearTimeout(timer);
  realExit(code);
}

export { guard } from './guard.mjs';

/** The Event Electron passes to listeners: preventDefault/defaultPrevented plus extra fields. */
export function electronEvent(fields = {}) {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...fields,
  };
  return event;
}

/** Reads a PNG's width/height from its IHDR chunk (bytes 16..24). */
export function pngSize(buffer) {
  if (buffer.length >= 24 && buffer.toString('latin1', 1, 4) === 'PNG') return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
  return null;
}
