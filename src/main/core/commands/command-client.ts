import { randomUUID } from 'node:crypto';
import type { CommandAction, CommandFrame, ServerFrame } from '../../../shared/protocol';
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
}

/**
 * Sends commands (PROTOCOL.md 3.6). Each gets a fresh reqId; one that has no result when the
 * connection drops is resent with the same reqId once live again (the server acts once). Nothing
 * is ever sent or queued while offline: a decision must be made on the state the person saw.
 */
export class CommandClient {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly connection: FrameChannel,
    private readonly timeoutMs = 30_000,
  ) {
    connection.on('frame', (frame) => this.onFrame(frame));
    connection.on('live', () => {
      for (const { frame } of this.pending.values()) this.connection.send(frame);
    });
  }

  run(request: CommandRequest): Promise<CommandReply> {
    if (!this.connection.isLive) {
      return Promise.resolve({ ok: false, code: 'offline', message: 'offline: not connected to Disco Parrot, so nothing was sent' });
    }
    const frame: CommandFrame = { type: 'command', reqId: `c_${randomUUID()}`, ...request };
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(frame.reqId);
        resolve({ ok: false, code: 'timeout', message: `no answer from Disco Parrot within ${this.timeoutMs / 1000} s; check the session before trying again` });
      }, this.timeoutMs);
      timer.unref();
      this.pending.set(frame.reqId, { frame, resolve, timer });
      this.connection.send(frame);
    });
  }

  private onFrame(frame: ServerFrame): void {
    if (frame.type !== 'result' && !(frame.type === 'error' && frame.reqId)) return;
    const reqId = frame.reqId!;
    const pending = this.pending.get(reqId);
    if (!pending) return;
    this.pending.delete(reqId);
    clearTimeout(pending.timer);
    if (frame.type === 'result') pending.resolve(frame.ok ? { ok: true } : { ok: false, code: frame.error.code, message: frame.error.message });
    else pending.resolve({ ok: false, code: frame.code, message: frame.message });
  }
}
