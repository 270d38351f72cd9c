import type { ClientPeer } from '../api/serve-client';

/**
 * The parts of Electron's MessagePortMain (docs/api/message-port-main.md) the core uses. The core
 * gets ports from process.parentPort's `message` event and never imports `electron`, so the
 * shape is written down here.
 */
export interface PortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  start(): void;
  close(): void;
}

/**
 * A window's MessagePort as serveClient's peer. MessagePortMain queues messages until start(),
 * so the port is started only once the message listener is in place: nothing the window sent
 * first (hello, its queries) is dispatched to nobody.
 */
export function portPeer(port: PortLike): ClientPeer {
  return {
    send: (message) => port.postMessage(message),
    onMessage(listener) {
      port.on('message', (event) => listener(event.data));
      port.start();
    },
    onClose: (listener) => void port.on('close', listener),
  };
}
