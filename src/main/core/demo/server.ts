import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { timingSafeEqual } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode, MAX_FRAME_BYTES, SUBPROTOCOL, type ChangeItem, type TranscriptEntry } from '../../../shared/protocol';
import { CommandDesk } from './commands';
import { DemoConnection, type ConnectionLimits } from './connection';
import { DEMO_USER } from './content/people';
import { seedTenant } from './seed';
import { Simulation } from './simulation';
import { DemoTenant } from './tenant';

export interface DemoBackendOptions {
  host?: string;
  port?: number;
  token: string;
  seed?: number;
  sessions?: number;
  /** Simulated changes per second; 0 keeps the tenant still (tests drive it by hand). */
  rate?: number;
  heartbeatMs?: number;
  clock?: () => number;
  logRetentionMs?: number;
  logMaxEntries?: number;
  limits?: Partial<ConnectionLimits>;
}

const DEFAULT_LIMITS: ConnectionLimits = { invalidFrames: 100, invalidWindowMs: 60_000, framesPerSecond: 200, retryAfterMs: 5_000 };

/**
 * The project's own backend: the server side of PROTOCOL.md over a real WebSocket, with a
 * simulated tenant. Used on a first start with no backend configured, and by every test.
 */
export class DemoBackend {
  readonly tenant: DemoTenant;
  readonly simulation: Simulation;
  readonly commands: CommandDesk;
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<DemoConnection>();
  private token: Buffer;
  private heartbeat: NodeJS.Timeout | null = null;
  private accepted = 0;
  private stopping: Promise<void> | null = null;
  private readonly options: Required<Omit<DemoBackendOptions, 'limits' | 'token'>> & { limits: ConnectionLimits };

  constructor(options: DemoBackendOptions) {
    this.options = {
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 0,
      seed: options.seed ?? 1,
      sessions: options.sessions ?? 60,
      rate: options.rate ?? 2,
      heartbeatMs: options.heartbeatMs ?? 15_000,
      clock: options.clock ?? Date.now,
      logRetentionMs: options.logRetentionMs ?? 24 * 60 * 60_000,
      logMaxEntries: options.logMaxEntries ?? 200_000,
      limits: { ...DEFAULT_LIMITS, ...options.limits },
    };
    this.token = Buffer.from(options.token);
    this.tenant = new DemoTenant({
      seed: this.options.seed,
      clock: this.options.clock,
      logRetentionMs: this.options.logRetentionMs,
      logMaxEntries: this.options.logMaxEntries,
    });
    seedTenant(this.tenant, this.options.sessions);
    this.simulation = new Simulation(this.tenant, this.options.rate, this.options.sessions);
    this.commands = new CommandDesk(this.tenant);
    this.http = createServer((_req, res) => {
      res.writeHead(426, { 'content-type': 'text/plain' }).end(`Parrot Tray demo backend: connect with WebSocket, subprotocol ${SUBPROTOCOL}\n`);
    });
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: MAX_FRAME_BYTES,
      // Small JSON frames gain little from deflate and pay for it in CPU on both ends.
      perMessageDeflate: false,
      handleProtocols: (offered) => (offered.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
    });
    this.http.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
    this.tenant.on('changes', (items: ChangeItem[]) => {
      for (const c of this.connections) c.sendChanges(items);
    });
    this.tenant.on('transcript', (sessionId: string, entries: TranscriptEntry[]) => {
      for (const c of this.connections) c.sendAppend(sessionId, entries);
    });
  }

  /** Starts listening (port 0 picks a free one) and the simulation; resolves to the ws:// URL. */
  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.options.port, this.options.host, () => resolve());
    });
    // Checked four times a heartbeat, so a silent peer is cut close to 2 × heartbeatMs, not 3.
    this.heartbeat = setInterval(() => this.beat(), Math.max(25, Math.floor(this.options.heartbeatMs / 4)));
    this.heartbeat.unref();
    this.simulation.start();
    return this.url;
  }

  get url(): string {
    const { address, port } = this.http.address() as AddressInfo;
    const host = address.includes(':') ? `[${address}]` : address;
    return `ws://${host}:${port}`;
  }

  get clientCount(): number {
    return this.connections.size;
  }

  /** Every connection accepted since start: how a test sees a client reconnect. */
  get acceptedCount(): number {
    return this.accepted;
  }

  /** Rotates the token: every open connection is closed with 4001 and must sign in again. */
  revokeToken(next: string): void {
    this.token = Buffer.from(next);
    for (const c of this.connections) c.close(CloseCode.tokenRevoked, 'token revoked');
  }

  /** Closes every client with 1001 (going away) and stops listening; safe to call twice. */
  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    this.simulation.stop();
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const c of this.connections) c.close(CloseCode.goingAway, 'server going away');
    await new Promise<void>((resolve) => {
      this.wss.close(() => resolve());
    });
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer (.+)$/.exec(header);
    if (!match) return false;
    const given = Buffer.from(match[1]!);
    return given.length === this.token.length && timingSafeEqual(given, this.token);
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (!this.authorized(req)) {
      const body = 'sign-in needed: missing or wrong token\n';
      socket.end(
        `HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws: WebSocket) => this.accept(ws));
  }

  private accept(ws: WebSocket): void {
    // A client that did not ask for our subprotocol speaks another version of the protocol.
    if (ws.protocol !== SUBPROTOCOL) {
      ws.close(CloseCode.protocolUnsupported, `protocol version not supported: use ${SUBPROTOCOL}`);
      return;
    }
    const connection = new DemoConnection(ws, {
      tenant: this.tenant,
      commands: this.commands,
      user: DEMO_USER,
      heartbeatMs: this.options.heartbeatMs,
      limits: this.options.limits,
    });
    this.connections.add(connection);
    this.accepted++;
    ws.on('close', () => this.connections.delete(connection));
    connection.hello();
  }

  private beat(): void {
    for (const c of this.connections) c.heartbeat();
  }
}
