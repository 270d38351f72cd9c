import type { IpcMain, IpcMainEvent, WebContents } from 'electron';
import { IPC } from '../../../shared/api/ipc-channels';
import { isTrustedSenderUrl } from './trusted-sender';

/**
 * Main's side of the page's IPC, which only sets things up (Fiddle's sender check on each): a page
 * asking for its MessagePort to the core, and a page saying it listens for routes. A message from
 * anything but the app's own page is dropped before it reaches either. What crosses the port is
 * validated by the core (serveClient), which is the only one reading it.
 */
export function registerApiHandlers(
  ipcMain: Pick<IpcMain, 'on'>,
  appUrl: () => string,
  handlers: {
    /** Give this page a port to the core (CoreSupervisor.connect). */
    connect: (sender: WebContents) => void;
    onNavigateReady?: (sender: WebContents) => void;
  },
): void {
  const trusted = (event: IpcMainEvent) => isTrustedSenderUrl(event.senderFrame?.url, appUrl());
  ipcMain.on(IPC.connect, (event) => {
    if (trusted(event)) handlers.connect(event.sender);
  });
  ipcMain.on(IPC.navigateReady, (event) => {
    if (trusted(event)) handlers.onNavigateReady?.(event.sender);
  });
}
