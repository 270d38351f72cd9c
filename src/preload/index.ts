// The preload exposes the renderer API of src/shared method by method, never ipcRenderer itself.
// Until the shell issue wires the IPC channels, it exposes only what the renderer needs to know
// that it runs inside the desktop app.
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('parrotTray', { host: 'electron' });
