// The preload exposes the one renderer API of src/shared, method by method, and never ipcRenderer
// itself: the page gets these functions and nothing else of Electron.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, type ApiMethod, type ApiParams, type ApiResult, type ParrotApi, type Route, type TranscriptPush, type ViewUpdate } from '../shared/api';

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
    return listen(IPC.navigate, listener);
  },
  call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<M>> {
    return ipcRenderer.invoke(IPC.call, method, params) as Promise<ApiResult<M>>;
  },
};

contextBridge.exposeInMainWorld('parrotTray', api);
