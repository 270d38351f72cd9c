import type { WebSocket } from 'ws';
import {
  CloseCode,
  decodeClientFrame,
  MAX_CHANGES_BATCH,
  MAX_SNAPSHOT_PAGE,
  PROTOCOL_VERSION,
  type ChangeItem,
  type ClientFrame,
  type CommandFrame,
  type Ref,
  type ServerFrame,
  type TranscriptEntry,
} from '../../../shared/protocol';
import type { CommandDesk } from './commands';
import type { DemoTenant } from './tenant';

export interface ConnectionLimits {
  /** More than this many invalid frames within the window: close 1008. */
  invalidFrames: number;
  invalidWindowMs: number;
  /** More frames than this in one second: an `error` with retryAfterMs, then close 4003. */
  framesPerSecond: number;
  retryAfterMs: number;
}

interface ConnectionDeps {
  tenant: DemoTenant;
  commands: CommandDesk;
  user: Ref;
  heartbeatMs: number;
  limits: ConnectionLimits;
}

const TRANSCRIPT_PAGE_DEFAULT = 200;
const TRANSCRIPT_PAGE_MAX = 500;

/** One client of the demo backend: its subscription, its watched transcripts, its limits. */
export class DemoConnection {
  private subscribed = false;
  private readonly watching = new Set<string>();
  private invalidAt: number[] = [];
  private frameWindow = { start: 0, count: 0 };
  private lastHeard: number;
  private lastPing = Date.now();
  private closing = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly deps: ConnectionDeps,
  ) {
    this.lastHeard = Date.now();
    const heard = (): void => {
      this.lastHeard = Date.now();
    };
    ws.on('pong', heard);
    ws.on('ping', heard);
    ws.on('message', (data, isBinary) => {
      heard();
      this.receive(data, isBinary);
    });
    ws.on('error', () => undefined);
  }

  hello(): void {
    const { tenant, user, heartbeatMs } = this.deps;
    this.send({
      type: 'hello',
      protocol: PROTOCOL_VERSION,
      serverTime: tenant.nowIso(),
      heartbeatMs,
      tenant: { id: 't_acme', name: 'Acme' },
      user,
      headSeq: tenant.headSeq,
    });
  }

  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    this.ws.close(code, reason);
  }

  /** Called four times a heartbeat: pings once per heartbeatMs, ends a peer silent for two. */
  heartbeat(): void {
    const now = Date.now();
    if (now - this.lastHeard > 2 * this.deps.heartbeatMs) {
      this.ws.terminate();
      return;
    }
    if (now - this.lastPing >= this.deps.heartbeatMs) {
      this.lastPing = now;
      this.ws.ping();
    }
  }

  sendChanges(items: ChangeItem[]): void {
    if (!this.subscribed) return;
    for (let i = 0; i < items.length; i += MAX_CHANGES_BATCH) {
      const batch = items.slice(i, i + MAX_CHANGES_BATCH);
      this.send({ type: 'changes', fromSeq: batch[0]!.seq, toSeq: batch[batch.length - 1]!.seq, items: batch });
    }
  }

  sendAppend(sessionId: string, entries: TranscriptEntry[]): void {
    if (this.watching.has(sessionId)) this.send({ type: 'transcript.append', sessionId, entries });
  }

  private send(frame: ServerFrame): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(frame));
  }

  private receive(data: unknown, isBinary: boolean): void {
    if (this.closing || this.rateLimited()) return;
    if (isBinary) return this.invalid(null, 'binary frames are not part of the protocol');
    const decoded = decodeClientFrame(String(data));
    if (decoded.kind === 'unknown') return; // Forward compatibility: a newer client's extra frames.
    if (decoded.kind === 'invalid') {
      // A malformed request still gets an answer it can be matched by: a command its `result`,
      // anything else carrying a reqId an `error` with that reqId.
      const reqId = requestId(String(data));
      if (decoded.type === 'command' && reqId) {
        this.send({ type: 'result', reqId, ok: false, error: { code: 'invalid', message: `invalid command: ${decoded.reason}` } });
      }
      return this.invalid(decoded.type, decoded.reason, decoded.type === 'command' ? undefined : (reqId ?? undefined));
    }
    try {
      this.handle(decoded.frame);
    } catch {
      this.send({ type: 'error', code: 'internal', message: 'the demo backend failed on that frame' });
      this.close(CloseCode.serverError, 'server error');
    }
  }

  private handle(frame: ClientFrame): void {
    switch (frame.type) {
      case 'subscribe':
        return this.subscribe(frame.since);
      case 'transcript.get': {
        const limit = Math.min(frame.limit ?? TRANSCRIPT_PAGE_DEFAULT, TRANSCRIPT_PAGE_MAX);
        const page = this.deps.tenant.transcriptPage(frame.sessionId, frame.afterSeq, limit);
        if (!page) return this.notFound(frame.sessionId, frame.reqId);
        return this.send({ type: 'transcript', reqId: frame.reqId, sessionId: frame.sessionId, ...page });
      }
      case 'transcript.watch':
        if (!this.deps.tenant.get(frame.sessionId)) return this.notFound(frame.sessionId);
        this.watching.add(frame.sessionId);
        return;
      case 'transcript.unwatch':
        this.watching.delete(frame.sessionId);
        return;
      case 'command':
        return this.command(frame);
    }
  }

  private subscribe(since: number | null): void {
    const { tenant } = this.deps;
    this.subscribed = false;
    if (since === null) return this.snapshot('no_cursor');
    const replay = tenant.log.since(since);
    if (replay.kind === 'ahead') {
      return this.close(CloseCode.subscriptionInvalid, `since ${since} is ahead of headSeq ${tenant.headSeq}`);
    }
    if (replay.kind === 'expired') return this.snapshot('cursor_expired');
    this.subscribed = true;
    this.sendChanges(replay.items);
  }

  /** The whole tenant as of headSeq, in pages of 500; sent in one go so no change can interleave. */
  private snapshot(reason: string): void {
    const { tenant } = this.deps;
    const sessions = tenant.all();
    const seq = tenant.headSeq;
    this.send({ type: 'resync', reason });
    const pages = Math.max(1, Math.ceil(sessions.length / MAX_SNAPSHOT_PAGE));
    for (let page = 0; page < pages; page++) {
      const slice = sessions.slice(page * MAX_SNAPSHOT_PAGE, (page + 1) * MAX_SNAPSHOT_PAGE);
      const last = page === pages - 1;
      this.send(last ? { type: 'snapshot', page, sessions: slice, last, seq } : { type: 'snapshot', page, sessions: slice, last });
    }
    this.subscribed = true;
  }

  private command(frame: CommandFrame): void {
    const outcome = this.deps.commands.handle(frame, this.deps.user);
    this.send(outcome.ok ? { type: 'result', reqId: frame.reqId, ok: true } : { type: 'result', reqId: frame.reqId, ok: false, error: outcome.error });
  }

  private notFound(sessionId: string, reqId?: string): void {
    this.send({ type: 'error', code: 'not_found', message: `session ${sessionId} does not exist`, ...(reqId ? { reqId } : {}) });
  }

  private invalid(type: string | null, reason: string, reqId?: string): void {
    const { invalidFrames, invalidWindowMs } = this.deps.limits;
    const now = Date.now();
    this.invalidAt = this.invalidAt.filter((t) => now - t < invalidWindowMs);
    this.invalidAt.push(now);
    this.send({ type: 'error', code: 'invalid', message: `frame${type ? ` of type ${type}` : ''} dropped: ${reason}`, ...(reqId ? { reqId } : {}) });
    if (this.invalidAt.length > invalidFrames) this.close(CloseCode.policyViolation, 'too many invalid frames');
  }

  private rateLimited(): boolean {
    const { framesPerSecond, retryAfterMs } = this.deps.limits;
    const now = Date.now();
    if (now - this.frameWindow.start >= 1000) this.frameWindow = { start: now, count: 0 };
    if (++this.frameWindow.count <= framesPerSecond) return false;
    this.send({ type: 'error', code: 'rate_limited', message: `more than ${framesPerSecond} frames a second`, retryAfterMs });
    this.close(CloseCode.rateLimited, 'rate limited');
    return true;
  }
}

/** The reqId of a frame that failed validation, if it has a usable one. */
function requestId(text: string): string | null {
  try {
    const value = JSON.parse(text) as { reqId?: unknown };
    return typeof value.reqId === 'string' && value.reqId.length > 0 && value.reqId.length <= 128 ? value.reqId : null;
  } catch {
    return null;
  }
}
