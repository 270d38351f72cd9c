// The preload exposes the one renderer API of src/shared, method by method, and never ipcRenderer
// itself: the page gets these functions and nothing else of Electron.
//
// It runs in Electron's sandbox, whose `require` knows only `electron`, `events`, `timers` and
// `url`: everything else must be bundled, and nothing here may pull in a runtime library (the
// schemas and zod stay in main, which validates every request anyway). Only types come from
// ../shared/api; the channel names come from the one file that imports nothing.
// test/preload/sandboxed-preload.test.ts runs the built bundle under those rules.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiMethod, ApiParams, ApiResult, ParrotApi, Route, TranscriptPush, ViewUpdate } from '../shared/api';
import { IPC } from '../shared/api/ipc-channels';

function listen<T>(channel: string, listener: (value: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, value: T) => listener(value);
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
}

const api: ParrotApi = {
  subscribe(listener: (update: ViewUpdate) => void) {
    const stop = listen(IPC.view, listener);
    ipcRenderer.send(IPC.subscribe);
    return stop;
  },
  onTranscript(listener: (push: TranscriptPush) => void) {
    return listen(IPC.transcript, listener);
  },
  onNavigate(listener: (route: Route) => void) {
    const stop = listen(IPC.navigate, listener);
    // Only now can a route reach the page; main has held any sent before (a cold-start deep link).
    ipcRenderer.send(IPC.navigateReady);
    return stop;
  },
  call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<M>> {
    return ipcRenderer.invoke(IPC.call, method, params) as Promise<ApiResult<M>>;
  },
};

contextBridge.exposeInMainWorld('parrotTray', api);
