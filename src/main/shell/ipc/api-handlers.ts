import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC, type ApiMethod } from '../../../shared/api';
import type { ApiHost } from '../../core/api/api-host';
import { isTrustedSenderUrl } from './trusted-sender';

/**
 * The main side of the IPC transport (Gitify's typed handlers, Fiddle's sender check): every
 * message is dropped unless it comes from the app's own page, and every request is validated
 * against its schema by the host before anything runs.
 */
export function registerApiHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'on'>,
  host: ApiHost,
  appUrl: () => string,
  onNavigateReady: (sender: WebContents) => void = () => undefined,
): void {
  const subscribers = new Set<WebContents>();
  const trusted = (event: IpcMainEvent | IpcMainInvokeEvent) => isTrustedSenderUrl(event.senderFrame?.url, appUrl());

  ipcMain.handle(IPC.call, async (event, method: unknown, params: unknown) => {
    if (!trusted(event)) throw new Error('refused: not the app page');
    if (typeof method !== 'string') throw new Error('refused: no method');
    return host.call(method as ApiMethod, params);
  });

  ipcMain.on(IPC.subscribe, (event) => {
    if (!trusted(event)) return;
    const contents = event.sender;
    if (!subscribers.has(contents)) {
      subscribers.add(contents);
      contents.once('destroyed', () => subscribers.delete(contents));
    }
    contents.send(IPC.view, host.snapshot());
  });

  ipcMain.on(IPC.navigateReady, (event) => {
    if (trusted(event)) onNavigateReady(event.sender);
  });

  host.on('view', (update) => {
    for (const c of subscribers) if (!c.isDestroyed()) c.send(IPC.view, update);
  });
  host.on('transcript', (push) => {
    for (const c of subscribers) if (!c.isDestroyed()) c.send(IPC.transcript, push);
  });
}
