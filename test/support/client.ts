import WebSocket from 'ws';
import { SUBPROTOCOL, type ServerFrame } from '../../src/shared/protocol';

type Frame = ServerFrame | { type: string; [k: string]: unknown };

/**
 * A minimal protocol client for tests: connects with the bearer token and subprotocol, queues
 * every frame, and lets a test wait for the next frame of a type with a timeout.
 */
export class TestClient {
  readonly frames: Frame[] = [];
  private waiters: Array<() => void> = [];
  closed: { code: number; reason: string } | null = null;
  private readonly taken = new Set<number>();

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      this.frames.push(isBinary ? { type: '(binary)' } : (JSON.parse(String(data)) as Frame));
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.wake();
    });
  }

  static async connect(url: string, options: { token?: string | null; protocols?: string[] } = {}): Promise<TestClient> {
    const headers: Record<string, string> = {};
    const token = options.token === undefined ? 'test-token' : options.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const ws = new WebSocket(url, options.protocols ?? [SUBPROTOCOL], { headers, perMessageDeflate: false });
    const client = new TestClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return client;
  }

  /** Resolves with the HTTP status of a refused upgrade. */
  static async refusedStatus(url: string, options: { token?: string | null; protocols?: string[] } = {}): Promise<number> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const ws = new WebSocket(url, options.protocols ?? [SUBPROTOCOL], { headers });
    return new Promise((resolve, reject) => {
      ws.once('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.once('open', () => reject(new Error('the upgrade was accepted')));
      ws.once('error', () => undefined);
    });
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /**
   * The first frame not yet taken (of `type`, if given), or a rejection after `timeoutMs`.
   * Frames of other types stay for later calls, so a test can read a result and then the change.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read frames loosely on purpose
  async next(type?: string, timeoutMs = 3000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (let i = 0; i < this.frames.length; i++) {
        if (this.taken.has(i)) continue;
        const frame = this.frames[i]!;
        if (type !== undefined && frame.type !== type) continue;
        this.taken.add(i);
        return frame;
      }
      if (this.closed) throw new Error(`socket closed (${this.closed.code} ${this.closed.reason}) while waiting for ${type ?? 'a frame'}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${type ?? 'frame'} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async closedWith(timeoutMs = 3000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('the socket stayed open');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.closed;
  }

  close(): void {
    this.ws.terminate();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
