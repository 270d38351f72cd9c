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
    // Node answers a request without Host with an empty 400 of its own; serveFile says it in words.
    this.http = createServer({ requireHostHeader: false }, (req, res) => void this.serveFile(req, res));
    this.wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024, perMessageDeflate: false, handleProtocols: (p) => (p.has(BRIDGE_PROTOCOL) ? BRIDGE_PROTOCOL : false) });
    this.http.on('upgrade', (req, socket, head) => {
      // Node hands an upgrading socket over without its error listener: a peer that resets it
      // mid-answer would otherwise end the process.
      socket.on('error', () => socket.destroy());
      if (hostLines(req) > 1) {
        socket.end(plainAnswer('400 Bad Request', TWO_HOSTS));
        return;
      }
      if (!this.admitted(req)) {
        socket.end(plainAnswer('403 Forbidden', 'forbidden: the bridge takes only this preview\'s own page, with the secret from its address'));
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => serveBridgeClient(ws, this.host));
    });
    // Node's own answer to a request it cannot parse has no body; this one says why, in words.
    this.http.on('clientError', (error: NodeJS.ErrnoException, socket) => {
      if (!socket.writable) return void socket.destroy();
      const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
      socket.end(tooLarge ? plainAnswer('431 Request Header Fields Too Large', 'bad request: the headers are too large') : plainAnswer('400 Bad Request', 'bad request: this is not an HTTP request the preview can read'));
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
    if (requestPath(req.url) !== BRIDGE_PATH) return false;
    if (req.headers.origin !== this.origin) return false;
    const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    const expected = Buffer.from(`secret.${this.secret}`);
    return offered.some((p) => {
      const given = Buffer.from(p);
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  }

  private async serveFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.httpVersion === '1.1' && req.headers.host === undefined) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request: an HTTP/1.1 request needs a Host header');
      return;
    }
    if (hostLines(req) > 1) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(TWO_HOSTS);
      return;
    }
    const path = requestPath(req.url);
    if (path === null) {
      // `GET /%E0%A4%A` or `GET //` from any page that found the port: answered, never a crash.
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request: the path is not a valid URL path');
      return;
    }
    if (req.method !== 'GET') {
      res.writeHead(405, { 'content-type': 'text/plain', allow: 'GET' }).end('method not allowed: the preview only serves GET');
      return;
    }
    const file = normalize(join(this.rendererDir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(this.rendererDir + sep)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
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

/** The request's path, percent-decoded; null when it is not a URL path at all (`//`, `/%E0%A4%A`). */
function requestPath(url: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://x').pathname);
  } catch {
    return null;
  }
}

/** A whole HTTP answer for a raw socket: the status, and the reason in words. */
function plainAnswer(status: string, words: string): string {
  return `HTTP/1.1 ${status}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(words)}\r\nConnection: close\r\n\r\n${words}`;
}

const TWO_HOSTS = 'bad request: a request may carry one Host header, not several';

/**
 * RFC 9112 3.2: a request with more than one Host line gets a 400. Node keeps the first and drops
 * the rest, so two parties could read one request as addressed to different hosts.
 */
function hostLines(req: IncomingMessage): number {
  let n = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]!.toLowerCase() === 'host') n++;
  return n;
}
