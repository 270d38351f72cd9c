// ipcMain and the dispatch of renderer messages, after lib/browser/ipc-main-impl.ts and
// lib/browser/ipc-dispatch.ts: `send` is emitted on webContents ('ipc-message'), webContents.ipc
// and ipcMain; `invoke` finds the first handler (webContents.ipc before ipcMain), and a thrown
// error is logged in main and sent back as `error.toString()`.
import { EventEmitter } from 'node:events';
import v8 from 'node:v8';
import { guard } from './runtime.mjs';

export class IpcMainImpl extends EventEmitter {
  constructor() {
    super();
    this._invokeHandlers = new Map();
    // Do not throw exception when channel name is "error" (as Electron).
    this.on('error', () => {});
  }
  handle(method, fn) {
    if (this._invokeHandlers.has(method)) throw new Error(`Attempted to register a second handler for '${method}'`);
    if (typeof fn !== 'function') throw new TypeError(`Expected handler to be a function, but found type '${typeof fn}'`);
    this._invokeHandlers.set(method, fn);
  }
  handleOnce(method, fn) {
    this.handle(method, (e, ...args) => {
      this.removeHandler(method);
      return fn(e, ...args);
    });
  }
  removeHandler(method) {
    this._invokeHandlers.delete(method);
  }
}

export const ipcMain = guard('ipcMain', new IpcMainImpl());

/**
 * Structured clone as Electron's V8 serializer does it. On a value it cannot clone, v8_util.cc's
 * Write() throws `An object could not be cloned.` after V8's own DataCloneError, and that is the
 * message that reaches the caller (spec/api-ipc-spec.ts, spec/api-web-frame-spec.ts).
 */
export function cloneForIpc(value) {
  try {
    return v8.deserialize(v8.serialize(value));
  } catch {
    throw new Error('An object could not be cloned.');
  }
}

/** A renderer `send`: every emitter in Electron's order. */
export function dispatchMessage(webContents, event, channel, args) {
  webContents.emit('ipc-message', event, channel, ...args);
  webContents.ipc.emit(channel, event, ...args);
  ipcMain.emit(channel, event, ...args);
}

/** ipcRenderer.postMessage ('-ipc-ports', lib/browser/ipc-dispatch.ts): one message, event.ports; no 'ipc-message'. */
export function dispatchPorts(webContents, event, channel, message) {
  webContents.ipc.emit(channel, event, message);
  ipcMain.emit(channel, event, message);
}

/** A renderer `invoke`: resolves to { result } or { error: string } like Electron's reply. */
export async function dispatchInvoke(webContents, event, channel, args) {
  const target = [webContents.ipc, ipcMain].find((t) => t._invokeHandlers.has(channel));
  const replyWithError = (error) => {
    console.error(`Error occurred in handler for '${channel}':`, error);
    return { error: String(error) };
  };
  if (!target) return replyWithError(new Error(`No handler registered for '${channel}'`));
  try {
    const result = await Promise.resolve(target._invokeHandlers.get(channel)(event, ...args));
    return { result: cloneForIpc(result) };
  } catch (error) {
    return replyWithError(error);
  }
}
