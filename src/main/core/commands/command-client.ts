import { randomUUID } from 'node:crypto';
import type { CommandAction, CommandFrame, StreamFrame } from '../../../shared/protocol';
import type { FrameChannel } from '../connection/connection';

export interface CommandRequest {
  action: CommandAction;
  sessionId: string;
  checkpointId?: string;
  comment?: string;
}

export type CommandReply = { ok: true } | { ok: false; code: string; message: string };

interface Pending {
  frame: CommandFrame;
  resolve: (reply: CommandReply) => void;
  timer: NodeJS.Timeout;
  sentAt: number;
  resent: boolean;
}

/** A result lost to a dropped socket is asked for again only this soon after the person decided. */
export const RESEND_WINDOW_MS = 10_000;

/**
 * Sends commands (PROTOCOL.md 3.6). Each gets a fresh reqId. One whose result was lost to a dropped
 * connection is resent once, with the same reqId (the server acts once), if the connection is back
 * within RESEND_WINDOW_MS; later than that the person is told to look again, because a decision must
 * be made on the state they saw. Nothing is ever sent or queued while offline.
 */
export class CommandClient {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly connection: FrameChannel,
    private readonly timeoutMs = 30_000,
    private readonly clock: () => number = Date.now,
  ) {
    connection.on('frame', (frame) => this.onFrame(frame));
    connection.on('live', () => {
      for (const pending of [...this.pending.values()]) {
        if (!pending.resent && this.clock() - pending.sentAt <= RESEND_WINDOW_MS) {
          pending.resent = true;
          this.connection.send(pending.frame);
        } else {
          this.settle(pending.frame.reqId, { ok: false, code: 'offline', message: 'the connection dropped before Disco Parrot answered; check the session before deciding again' });
        }
      }
    });
  }

  run(request: CommandRequest, timeoutMs = this.timeoutMs): Promise<CommandReply> {
    if (!this.connection.isLive) {
      return Promise.resolve({ ok: false, code: 'offline', message: 'offline: not connected to Disco Parrot, so nothing was sent' });
    }
    const frame: CommandFrame = { type: 'command', reqId: `c_${randomUUID()}`, ...request };
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.settle(frame.reqId, { ok: false, code: 'timeout', message: `no answer from Disco Parrot within ${Math.round(timeoutMs / 1000)} s; check the session before trying again` });
      }, timeoutMs);
      timer.unref();
      this.pending.set(frame.reqId, { frame, resolve, timer, sentAt: this.clock(), resent: false });
      this.connection.send(frame);
    });
  }

  private onFrame(frame: StreamFrame): void {
    if (frame.type !== 'result' && !(frame.type === 'error' && frame.reqId)) return;
    const reqId = frame.reqId!;
    if (frame.type === 'result') this.settle(reqId, frame.ok ? { ok: true } : { ok: false, code: frame.error.code, message: frame.error.message });
    else this.settle(reqId, { ok: false, code: frame.code, message: frame.message });
  }

  private settle(reqId: string, reply: CommandReply): void {
    const pending = this.pending.get(reqId);
    if (!pending) return;
    this.pending.delete(reqId);
    clearTimeout(pending.timer);
    pending.resolve(reply);
  }
}
