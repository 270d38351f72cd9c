import type { WebSocket } from 'ws';
import type { ClientHost } from '../core/api/client-host';
import { serveClient, type ClientPeer } from '../core/api/serve-client';

/** Marks a frame that is not JSON: serveClient then treats it as the junk it is. */
const NOT_JSON = Symbol('not JSON');

/**
 * One browser tab of the web preview: the WebSocket as a ClientPeer (JSON text both ways), served
 * exactly as a window of the app is served over its MessagePort.
 */
export function serveBridgeClient(ws: WebSocket, host: ClientHost): void {
  // ws reports a frame it will not read (over 1 MiB, text that is not UTF-8, a bad opcode) as
  // 'error', then closes with the matching code itself; unheard, that error would end the process.
  ws.on('error', () => undefined);
  const peer: ClientPeer = {
    send: (message) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    },
    onMessage: (cb) =>
      ws.on('message', (data, isBinary) => {
        let raw: unknown = NOT_JSON;
        try {
          if (!isBinary) raw = JSON.parse(String(data));
        } catch {
          // Left as NOT_JSON: ignored like any other message that fails its schema.
        }
        cb(raw);
      }),
    onClose: (cb) => ws.on('close', cb),
  };
  serveClient(peer, host);
}
