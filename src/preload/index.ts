// The preload exposes the one renderer API of src/shared, method by method, and never ipcRenderer
// itself: the page gets these functions and nothing else of Electron.
//
// It keeps the page's MessagePort to the core itself (docs/tutorial/message-ports.md: with
// context isolation, IPC and its ports reach the isolated world), and runs the client half of the
// core protocol here (createApiClient). Each port main hands over (the first, and a new one after
// every core restart) re-attaches the same client, so the page's queries survive a restart.
//
// It runs in Electron's sandbox, whose `require` knows only `electron`, `events`, `timers` and
// `url`: everything else must be bundled, and nothing here may pull in a runtime library (zod
// stays in the core, which validates every message anyway). Only types come from ../shared/api;
// the client and the channel names come from files that import nothing at runtime.
// test/preload/sandboxed-preload.test.ts runs the built bundle under those rules.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CoreMessage, ParrotApi, Route } from '../shared/api';
import { createApiClient } from '../shared/api/api-client';
import { IPC } from '../shared/api/ipc-channels';

/** The DOM MessagePort, as much of it as the preload uses (the Node-side tsconfig has no DOM lib). */
interface PagePort {
  onmessage: ((event: { data: unknown }) => void) | null;
  addEventListener(type: 'close', listener: () => void): void;
  postMessage(message: unknown): void;
  close(): void;
}

const client = createApiClient();
let current: PagePort | null = null;

ipcRenderer.on(IPC.port, (event: IpcRendererEvent) => {
  const port = event.ports[0] as unknown as PagePort | undefined;
  if (!port) return;
  const previous = current;
  current = port;
  previous?.close();
  // Setting onmessage starts the port; the core's messages are trusted (it is the app's own).
  port.onmessage = (message) => client.receive(message.data as CoreMessage);
  port.addEventListener('close', () => {
    if (current !== port) return;
    current = null;
    // The core stopped (main restarts it and sends a new port): calls in flight fail, new ones wait.
    client.detach('Parrot Tray restarted its core; try again');
  });
  client.attach((message) => port.postMessage(message));
});
ipcRenderer.send(IPC.connect);

const api: ParrotApi = {
  ...client.api,
  onNavigate(listener: (route: Route) => void) {
    const handler = (_event: IpcRendererEvent, route: Route) => listener(route);
    ipcRenderer.on(IPC.navigate, handler);
    // Only now can a route reach the page; main has held any sent before (a cold-start deep link).
    ipcRenderer.send(IPC.navigateReady);
    return () => ipcRenderer.removeListener(IPC.navigate, handler);
  },
};

contextBridge.exposeInMainWorld('parrotTray', api);
