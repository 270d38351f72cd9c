import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer } from 'ws';
import { BRIDGE_PATH, BRIDGE_PROTOCOL } from '../../shared/api';
import { WEB_PREVIEW_CSP_HEADER } from '../../shared/csp';
import type { ClientHost } from '../core/api/client-host';
import { serveBridgeClient } from './bridge-client';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/**
 * The web preview: the built renderer and its bridge on 127.0.0.1 only. The bridge is guarded
 * twice, so another page in the person's browser cannot approve anything: the WebSocket must come
 * from this server's own origin, and must present the random per-run secret that the printed URL
 * carries (in its #fragment, which browsers never send to a server or put in a log).
 */
export class WebPreviewServer {
  readonly secret = randomBytes(24).toString('base64url');
  private readonly http: Server;
  private readonly wss: WebSocketServer;

  constructor(
    private readonly rendererDir: string,
    private readonly host: ClientHost,
  ) {
    this.http = createServer((req, res) => void this.serveFile(req, res));
    this.wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024, perMessageDeflate: false, handleProtocols: (p) => (p.has(BRIDGE_PROTOCOL) ? BRIDGE_PROTOCOL : false) });
    this.http.on('upgrade', (req, socket, head) => {
      if (!this.admitted(req)) {
        socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => serveBridgeClient(ws, this.host));
    });
  }

  async listen(port: number): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(port, '127.0.0.1', () => resolve());
    });
    return `${this.origin}/#secret=${this.secret}`;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private admitted(req: IncomingMessage): boolean {
    if (new URL(req.url ?? '/', 'http://x').pathname !== BRIDGE_PATH) return false;
    if (req.headers.origin !== this.origin) return false;
    const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    const expected = Buffer.from(`secret.${this.secret}`);
    return offered.some((p) => {
      const given = Buffer.from(p);
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  }

  private async serveFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      // `GET /%E0%A4%A` from any page that found the port: malformed, answered, never a crash.
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request: the path is not valid percent-encoding');
      return;
    }
    const file = normalize(join(this.rendererDir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(this.rendererDir + sep) || req.method !== 'GET') {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
        // The page's own policy again, as a header: frame-ancestors is honoured only there.
        ...(extname(file) === '.html' ? { 'content-security-policy': WEB_PREVIEW_CSP_HEADER } : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  }
}
