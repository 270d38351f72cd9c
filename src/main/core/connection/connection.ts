import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import type { ConnectionState } from '../../../shared/connection-state';
import {
  CloseCode,
  decodeStreamFrame,
  INVALID_FRAME_LIMIT,
  INVALID_FRAME_WINDOW_MS,
  MAX_FRAME_BYTES,
  SUBPROTOCOL,
  type ClientFrame,
} from '../../../shared/protocol';
import { silentLogger, type Logger } from '../log';
import { backoffDelay, BACKOFF_RESET_AFTER_MS } from './backoff';
import { afterClose, describeEnding, type Ending } from './close-policy';
import type { ConnectionEvents, ConnectionOptions } from './connection-options';
import { SlidingWindowCounter } from './invalid-frames';
import { closeCodeOfWsError } from './ws-error-close';

/**
 * One WebSocket to the backend, kept alive: bearer header and subprotocol, heartbeat pings and
 * a dead-peer check, frame validation with the shared schemas, and reconnects as section 2 says.
 * It knows nothing of sessions; the sync engine listens to its frames.
 */
export class StreamConnection extends EventEmitter<ConnectionEvents> {
  private ws: WebSocket | null = null;
  /** The token each socket was opened with: a verdict on an old token says nothing of a new one. */
  private readonly tokenOf = new WeakMap<WebSocket, string | null>();
  private token: string | null;
  private attempt = 0;
  private upSince: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private heartbeatMs: number;
  private lastHeard = 0;
  private lastPing = 0;
  private retryAfterMs: number | null = null;
  private stopped = true;
  private dropping = false;
  private readonly invalid = new SlidingWindowCounter(INVALID_FRAME_LIMIT, INVALID_FRAME_WINDOW_MS);
  private readonly clock: () => number;
  private readonly random: () => number;
  private readonly logger: Logger;
  readonly stats = { invalidFrames: 0, unknownFrames: 0, connects: 0 };
  private current: ConnectionState;

  constructor(private readonly options: ConnectionOptions) {
    super();
    this.token = options.token;
    this.clock = options.clock ?? Date.now;
    this.random = options.random ?? Math.random;
    this.logger = options.logger ?? silentLogger;
    this.heartbeatMs = options.defaultHeartbeatMs ?? 15_000;
    this.current = { phase: 'stopped', nextTryAt: null, offlineSince: this.clock(), reason: null };
  }

  get state(): ConnectionState {
    return this.current;
  }

  get isLive(): boolean {
    return this.current.phase === 'live';
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    if (!this.token) return this.setState({ phase: 'signin-needed', nextTryAt: null, reason: 'no token configured' });
    this.connect();
  }

  /** Closes with 1000 and stays down until start(). */
  stop(): void {
    this.stopped = true;
    this.clearTimers();
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.removeAllListeners();
      ws.on('error', () => undefined);
      if (ws.readyState === WebSocket.OPEN) ws.close(CloseCode.normal, 'client stopping');
      else ws.terminate();
    }
    this.leaveLive();
    this.setState({ phase: 'stopped', nextTryAt: null, reason: null });
  }

  /** A new token ends a sign-in stop at once; a live connection keeps going until the server says otherwise. */
  setToken(token: string | null): void {
    const changed = token !== this.token;
    this.token = token;
    if (changed && !this.stopped && this.current.phase === 'signin-needed' && token) this.connect();
  }

  /** A replaced token is a new sign-in, tried at once: "sign-in needed" or live is said now, not at the next reconnect. */
  replaceToken(token: string | null): void {
    if (token === this.token) return;
    this.setToken(token);
    // A socket still connecting is judged on arrival (closed() sees the token it carried).
    if (this.ws && this.ws.readyState === WebSocket.OPEN) {
      this.attempt = 0;
      this.drop(CloseCode.normal, 'the token was replaced');
    } else this.reconnectNow();
  }

  /** Skip the wait (after sleep, or when the network comes back). */
  reconnectNow(): void {
    if (this.stopped || this.current.phase !== 'reconnecting') return;
    this.connect();
  }

  /**
   * After sleep a socket that looks open may be long dead: drop it and connect again at once
   * rather than wait two heartbeats; if already waiting to reconnect, go now.
   */
  reconnectAfterWake(): void {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) {
      this.attempt = 0;
      this.drop(CloseCode.normal, 'resumed from sleep');
    } else this.reconnectNow();
  }

  /**
   * Stops reading frames (they wait in the socket, then in the server's send buffer) until
   * resume(): flow control for a receiver that is behind. A new socket always starts reading.
   */
  pause(): void {
    this.ws?.pause();
  }

  resume(): void {
    this.ws?.resume();
  }

  /** Sends a frame if the socket is open; false otherwise (the caller decides what offline means). */
  send(frame: ClientFrame): boolean {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  /** Closes the socket from our side (e.g. 1008 after too many invalid frames); the usual reconnect follows. */
  drop(code: number, reason: string): void {
    if (!this.ws) return;
    // Frames still in flight until the close completes are not read (nor counted, nor logged).
    this.dropping = true;
    this.ws.close(code, reason);
  }

  private connect(): void {
    this.clearTimers();
    this.setState({ phase: 'connecting', nextTryAt: null });
    this.stats.connects++;
    const ws = new WebSocket(this.options.url, [SUBPROTOCOL], {
      headers: { authorization: `Bearer ${this.token}` },
      // ws enables per-message deflate by default; on small JSON frames it costs far more than it saves.
      perMessageDeflate: false,
      maxPayload: MAX_FRAME_BYTES,
      handshakeTimeout: 10_000,
    });
    this.ws = ws;
    this.tokenOf.set(ws, this.token);
    let ending: Ending | null = null;
    let opened = false;
    const end = (e: Ending) => (ending ??= e);
    ws.on('unexpected-response', (req, res) => {
      end({ kind: 'http', status: res.statusCode ?? 0 });
      req.destroy();
      this.closed(ws, ending!);
    });
    ws.on('error', (error) => {
      // Once open, the close code tells what happened (1009 for a frame over 1 MiB); before, the error does.
      // ws drops the socket itself on a frame it will not read: name the code it sent, not 1006.
      const sent = opened ? closeCodeOfWsError((error as { code?: string }).code) : null;
      if (!opened) end(/subprotocol/i.test(error.message) ? { kind: 'no-subprotocol' } : { kind: 'network' });
      else if (sent !== null) end({ kind: 'close', code: sent });
      if (ws.readyState !== WebSocket.OPEN && ws.readyState !== WebSocket.CLOSING) this.closed(ws, ending!);
    });
    ws.on('open', () => {
      opened = true;
      this.dropping = false;
      // Accepted with a token the person has since replaced: sign in again with the new one.
      if (this.tokenOf.get(ws) !== this.token) {
        this.attempt = 0;
        return this.drop(CloseCode.normal, 'the token was replaced');
      }
      this.lastHeard = this.clock();
      this.invalid.reset();
      this.retryAfterMs = null;
      this.startHeartbeat();
    });
    ws.on('message', (data, isBinary) => {
      this.lastHeard = this.clock();
      this.receive(isBinary ? null : String(data), (data as Buffer).length);
    });
    ws.on('pong', () => (this.lastHeard = this.clock()));
    ws.on('ping', () => (this.lastHeard = this.clock()));
    ws.on('close', (code) => this.closed(ws, ending ?? { kind: 'close', code }));
  }

  private receive(text: string | null, byteLength: number): void {
    if (this.dropping) return;
    if (text === null) return this.reportInvalid(null, 'binary frame');
    const decoded = decodeStreamFrame(text, byteLength);
    if (decoded.kind === 'unknown') {
      this.stats.unknownFrames++;
      return;
    }
    if (decoded.kind === 'invalid') return this.reportInvalid(decoded.type, decoded.reason);
    const frame = decoded.frame;
    if (frame.type === 'hello') {
      this.heartbeatMs = frame.heartbeatMs;
      this.startHeartbeat();
      this.upSince = this.clock();
      this.setState({ phase: 'live', nextTryAt: null, offlineSince: null, reason: null });
      this.emit('live');
    }
    if (frame.type === 'error' && frame.retryAfterMs != null) this.retryAfterMs = frame.retryAfterMs;
    this.emit('frame', frame, text);
  }

  /** Counts a frame that failed validation, here or later (the sync engine checks changes items). */
  reportInvalid(type: string | null, reason: string): void {
    this.stats.invalidFrames++;
    this.logger.warn(`dropped an invalid frame${type ? ` (type ${type})` : ''}: ${reason}`);
    if (this.invalid.hit(this.clock())) {
      this.logger.warn(`more than ${INVALID_FRAME_LIMIT} invalid frames in ${INVALID_FRAME_WINDOW_MS / 1000} s: closing with 1008`);
      this.drop(CloseCode.policyViolation, 'too many invalid frames');
    }
  }

  private closed(ws: WebSocket, ending: Ending): void {
    if (ws !== this.ws) return;
    this.ws = null;
    ws.removeAllListeners();
    ws.on('error', () => undefined);
    ws.terminate();
    this.clearTimers();
    if (this.upSince !== null && this.clock() - this.upSince >= BACKOFF_RESET_AFTER_MS) this.attempt = 0;
    this.leaveLive();
    const action = afterClose(ending, { backoffMs: backoffDelay(this.attempt, this.random), retryAfterMs: this.retryAfterMs, random: this.random });
    this.emit('down', { dropCursor: action.kind === 'reconnect' && action.dropCursor === true });
    if (this.stopped) return;
    if (action.kind === 'stop') {
      // Refused a token that has since been replaced (while this socket was still connecting):
      // the new one gets its own try rather than the old one's verdict.
      if (action.phase === 'signin-needed' && this.tokenOf.get(ws) !== this.token && this.token) return this.connect();
      // No log line: the state carries the reason, and whoever shows it words it for the person.
      return this.setState({ phase: action.phase, nextTryAt: null, reason: action.reason });
    }
    this.attempt++;
    const reason = describeEnding(ending);
    this.logger.info(`${reason}; reconnecting in ${(action.delayMs / 1000).toFixed(1)} s`);
    this.setState({ phase: 'reconnecting', nextTryAt: this.clock() + action.delayMs, reason });
    this.timer = setTimeout(() => this.connect(), action.delayMs);
  }

  private leaveLive(): void {
    this.upSince = null;
    if (this.current.offlineSince === null) this.current = { ...this.current, offlineSince: this.clock() };
  }

  /** Pings every heartbeatMs; a peer silent (no frame, no pong) for 2 × heartbeatMs is dead. */
  private startHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.lastPing = this.clock();
    this.heartbeat = setInterval(() => {
      const ws = this.ws;
      if (!ws) return;
      const now = this.clock();
      if (now - this.lastHeard > 2 * this.heartbeatMs) {
        this.logger.warn(`no answer for ${Math.round((now - this.lastHeard) / 1000)} s: connection declared dead`);
        ws.terminate();
        return;
      }
      if (now - this.lastPing >= this.heartbeatMs && ws.readyState === WebSocket.OPEN) {
        this.lastPing = now;
        ws.ping();
      }
    }, Math.max(50, Math.floor(this.heartbeatMs / 4)));
    this.heartbeat.unref();
  }

  private clearTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.timer = this.heartbeat = null;
  }

  private setState(patch: Partial<ConnectionState>): void {
    this.current = { ...this.current, ...patch };
    this.emit('state', this.current);
  }
}

/** What the sync engine, transcripts and commands need of a connection: frames in, frames out. */
export type FrameChannel = Pick<StreamConnection, 'on' | 'send' | 'isLive' | 'reportInvalid'>;
/** A channel whose reading can be paused while its receiver catches up (the sync engine's). */
export type FlowChannel = FrameChannel & Pick<StreamConnection, 'pause' | 'resume'>;
