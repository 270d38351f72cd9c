import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { SUBPROTOCOL } from '../../../src/shared/protocol';
import type { Junk, Placed } from './stream-frames';
import { SECRET } from './words';

/** The seq the snapshot is as of; the change log continues from it. */
export const SNAPSHOT_SEQ = 100;

export interface Script {
  /** The valid tenant as of SNAPSHOT_SEQ. */
  sessions: unknown[];
  pageSize: number;
  /** Junk before hello, on every connection. */
  opening: Junk[];
  /** Junk after each snapshot page, by page index. */
  betweenPages: Junk[][];
}

/**
 * A backend that speaks PROTOCOL.md correctly for the valid part of a run (hello, resync and a
 * paged snapshot, replay from any cursor, live batches) and sends the run's junk around it: before
 * hello, between snapshot pages, and among live changes. Independent of the client under test.
 */
export class JunkBackend {
  private readonly log: Array<{ seq: number } & Record<string, unknown>> = [];
  private readonly live = new Set<WebSocket>();
  private readonly sockets = new Set<WebSocket>();
  connections = 0;

  private constructor(
    private readonly http: Server,
    private readonly script: Script,
  ) {}

  static async start(script: Script): Promise<JunkBackend> {
    const http = createServer();
    const backend = new JunkBackend(http, script);
    const wss = new WebSocketServer({ noServer: true, handleProtocols: (offered) => (offered.has(SUBPROTOCOL) ? SUBPROTOCOL : false) });
    http.on('upgrade', (req, socket, head) => {
      socket.on('error', () => socket.destroy());
      if (req.headers.authorization !== `Bearer ${SECRET}`) return void socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n');
      wss.handleUpgrade(req, socket, head, (ws) => backend.accept(ws));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
    return backend;
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }

  head(): number {
    return SNAPSHOT_SEQ + this.log.length;
  }

  /** Appends valid items to the log and sends them as one batch to every subscribed client. */
  publish(items: Array<Record<string, unknown>>): void {
    const fromSeq = this.head() + 1;
    const placed = items.map((item, i) => ({ ...item, seq: fromSeq + i }));
    this.log.push(...placed);
    for (const ws of this.live) this.send(ws, { type: 'changes', fromSeq, toSeq: this.head(), items: placed });
  }

  /** Sends junk to every subscribed client. */
  junk(frame: Junk): void {
    for (const ws of this.live) this.send(ws, frame.data);
  }

  /** A batch whose envelope holds but whose place does not: before the cursor, or past a missing seq. */
  misplaced(batch: Placed): void {
    const fromSeq = batch.kind === 'replay' ? 1 : this.head() + 2;
    const items = batch.items.map((item, i) => (typeof item === 'object' && item !== null && !Array.isArray(item) ? { ...item, seq: fromSeq + i } : item));
    for (const ws of this.live) this.send(ws, { type: 'changes', fromSeq, toSeq: fromSeq + items.length - 1, items });
  }

  /** Cuts every connection, as a deploy or a network drop would. */
  dropAll(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  async stop(): Promise<void> {
    this.dropAll();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private send(ws: WebSocket, frame: unknown): void {
    if (ws.readyState !== ws.OPEN) return;
    if (Buffer.isBuffer(frame)) ws.send(frame, { binary: true });
    else ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  private accept(ws: WebSocket): void {
    this.connections++;
    this.sockets.add(ws);
    ws.on('error', () => undefined);
    ws.on('close', () => {
      this.live.delete(ws);
      this.sockets.delete(ws);
    });
    ws.on('message', (data) => this.answer(ws, JSON.parse(String(data)) as Record<string, unknown>));
    for (const junk of this.script.opening) this.send(ws, junk.data);
    this.send(ws, { type: 'hello', protocol: 1, serverTime: new Date().toISOString(), heartbeatMs: 15_000, tenant: { id: 't_fuzz', name: 'Fuzz' }, user: { id: 'u_ada', name: 'Ada' }, headSeq: this.head() });
  }

  private answer(ws: WebSocket, frame: Record<string, unknown>): void {
    if (frame.type === 'transcript.get') {
      this.send(ws, { type: 'transcript', reqId: frame.reqId, sessionId: frame.sessionId, entries: [], complete: true });
      return;
    }
    if (frame.type !== 'subscribe') return;
    let since = frame.since as number | null;
    if (since === null || since < SNAPSHOT_SEQ) {
      this.snapshot(ws);
      since = SNAPSHOT_SEQ;
    }
    const rest = this.log.filter((item) => item.seq > since);
    if (rest.length > 0) this.send(ws, { type: 'changes', fromSeq: rest[0]!.seq, toSeq: this.head(), items: rest });
    this.live.add(ws);
  }

  private snapshot(ws: WebSocket): void {
    const { sessions, pageSize, betweenPages } = this.script;
    this.send(ws, { type: 'resync', reason: 'no_cursor' });
    const pages = Math.max(1, Math.ceil(sessions.length / pageSize));
    for (let p = 0; p < pages; p++) {
      const last = p === pages - 1;
      this.send(ws, { type: 'snapshot', page: p, sessions: sessions.slice(p * pageSize, (p + 1) * pageSize), last, ...(last ? { seq: SNAPSHOT_SEQ } : {}) });
      for (const junk of betweenPages[p] ?? []) this.send(ws, junk.data);
    }
  }
}
