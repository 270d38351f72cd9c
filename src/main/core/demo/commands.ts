import type { CommandFrame, Ref } from '../../../shared/protocol';
import { REQ_ID_MEMORY_MS } from '../../../shared/protocol';
import { endChat } from './lifecycle/chat';
import { decideFlowRun } from './lifecycle/flow-run';
import { cancelled, resumed, type Move, type MoveContext } from './lifecycle/move';
import { decideTask } from './lifecycle/task';
import type { DemoTenant } from './tenant';

export type CommandOutcome = { ok: true } | { ok: false; error: { code: string; message: string } };

const fail = (code: string, message: string): CommandOutcome => ({ ok: false, error: { code, message } });

const CANCELLABLE: Record<string, Set<string>> = {
  // The table says "pending/running"; a paused run or waiting task is still in flight, so it may be cancelled too.
  flow_run: new Set(['pending', 'running', 'paused']),
  background_task: new Set(['provisioning', 'queued', 'running', 'waiting']),
};

/**
 * The server side of section 3.6. Each reqId is answered once and remembered for 10 minutes, so a
 * resend after a reconnect gets the first answer and acts once.
 */
export class CommandDesk {
  private readonly answers = new Map<string, { outcome: CommandOutcome; at: number }>();

  constructor(private readonly tenant: DemoTenant) {}

  handle(frame: CommandFrame, actor: Ref): CommandOutcome {
    const now = this.tenant.clock();
    this.forget(now);
    const known = this.answers.get(frame.reqId);
    if (known) return known.outcome;
    const outcome = this.act(frame, actor);
    this.answers.set(frame.reqId, { outcome, at: now });
    return outcome;
  }

  private forget(now: number): void {
    // Insertion order is time order, so expired answers sit at the front.
    for (const [reqId, { at }] of this.answers) {
      if (now - at < REQ_ID_MEMORY_MS) break;
      this.answers.delete(reqId);
    }
  }

  private act(frame: CommandFrame, actor: Ref): CommandOutcome {
    const { tenant } = this;
    const session = tenant.get(frame.sessionId);
    if (!session) return fail('not_found', `session ${frame.sessionId} does not exist`);
    const ctx: MoveContext = { rng: tenant.rng, at: tenant.nowIso(), nextId: (p) => tenant.nextId(p) };
    let move: Move;
    switch (frame.action) {
      case 'approve':
      case 'reject': {
        const checkpointId = frame.checkpointId!;
        if (session.kind === 'chat') return fail('conflict', `${session.id} is a chat and has no checkpoints`);
        if (session.checkpoint?.id !== checkpointId) {
          const earlier = tenant.decisionOf(checkpointId);
          if (earlier) return fail('conflict', `checkpoint ${checkpointId} was already ${earlier.decision} by ${earlier.by}`);
          return fail('conflict', `checkpoint ${checkpointId} is not pending on ${session.id}`);
        }
        const decision = frame.action === 'approve' ? 'approved' : 'rejected';
        tenant.recordDecision(checkpointId, { sessionId: session.id, decision, by: actor.name });
        // A null comment means no comment (PROTOCOL.md section 1: absent and null are the same).
        const comment = frame.comment ?? undefined;
        move = session.kind === 'flow_run'
          ? decideFlowRun(ctx, session, decision, actor, comment)
          : decideTask(ctx, session, decision, actor, comment);
        break;
      }
      case 'resume': {
        const resumable = (session.kind === 'flow_run' && session.status === 'paused') || (session.kind === 'background_task' && session.status === 'waiting');
        if (session.checkpoint) return fail('conflict', `${session.id} waits on checkpoint ${session.checkpoint.id}: approve or reject it`);
        if (!resumable) return fail('conflict', `${session.id} is ${session.status} and cannot be resumed`);
        move = resumed(ctx, session, actor);
        break;
      }
      case 'cancel': {
        if (!CANCELLABLE[session.kind]?.has(session.status)) return fail('conflict', `${session.id} is ${session.status} and cannot be cancelled`);
        move = cancelled(ctx, session, actor);
        break;
      }
      case 'end': {
        if (session.kind !== 'chat') return fail('invalid', `end applies to chats; ${session.id} is a ${session.kind}`);
        if (session.status === 'ended' || session.chat.ended) return fail('conflict', `chat ${session.id} has already ended`);
        move = endChat(ctx, session, actor);
        break;
      }
    }
    tenant.apply(move);
    tenant.flush();
    return { ok: true };
  }
}
