import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { SUBPROTOCOL } from '../../src/shared/protocol';

export interface Peer {
  ws: WebSocket;
  headers: IncomingMessage['headers'];
  received: any[];
  send(frame: unknown): void;
  /** Resolves with the next frame the client sends (of `type`, if given). */
  next(type?: string, timeoutMs?: number): Promise<any>;
}

export interface ScriptOptions {
  /** Answer the upgrade with this HTTP status instead of accepting it. */
  refuseWith?: (req: IncomingMessage, attempt: number) => number | null;
  /** Do not echo the subprotocol (a server of another version). */
  noSubprotocol?: boolean;
  /** Stop answering pings, as a half-open peer would. */
  autoPong?: boolean;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections();
          s.close(() => resolve());
        }),
    ),
  );
});

/**
 * A WebSocket server on 127.0.0.1 that a test scripts frame by frame, to play the faulty backends
 * PROTOCOL.md must survive: gaps, replays, garbage, drops, half-open sockets, every close code.
 */
export async function scriptedServer(onPeer: (peer: Peer, attempt: number) => void, options: ScriptOptions = {}) {
  let attempts = 0;
  const peers: Peer[] = [];
  const http = createServer();
  const wss = new WebSocketServer({
    noServer: true,
    autoPong: options.autoPong ?? true,
    handleProtocols: (offered) => (options.noSubprotocol ? false : offered.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
  });
  http.on('upgrade', (req, socket, head) => {
    const attempt = ++attempts;
    const status = options.refuseWith?.(req, attempt) ?? null;
    if (status !== null) {
      socket.end(`HTTP/1.1 ${status} Refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const received: any[] = [];
      const waiters: Array<() => void> = [];
      ws.on('message', (data) => {
        received.push(JSON.parse(String(data)));
        for (const w of waiters.splice(0)) w();
      });
      let read = 0;
      const peer: Peer = {
        ws,
        headers: req.headers,
        received,
        send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
        async next(type, timeoutMs = 3000) {
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            while (read < received.length) {
              const f = received[read++];
              if (!type || f.type === type) return f;
            }
            if (Date.now() > deadline) throw new Error(`the client sent no ${type ?? 'frame'} within ${timeoutMs} ms`);
            await new Promise<void>((r) => {
              const t = setTimeout(r, 50);
              waiters.push(() => {
                clearTimeout(t);
                r();
              });
            });
          }
        },
      };
      peers.push(peer);
      onPeer(peer, attempt);
    });
  });
  servers.push(http);
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const { port } = http.address() as AddressInfo;
  return { url: `ws://127.0.0.1:${port}`, peers, attempts: () => attempts };
}

export function hello(overrides: Record<string, unknown> = {}) {
  return {
    type: 'hello',
    protocol: 1,
    serverTime: new Date().toISOString(),
    heartbeatMs: 15000,
    tenant: { id: 't_acme', name: 'Acme' },
    user: { id: 'u_ada', name: 'Ada Lovelace' },
    headSeq: 0,
    ...overrides,
  };
}

export async function waitFor(condition: () => boolean, timeoutMs = 3000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
