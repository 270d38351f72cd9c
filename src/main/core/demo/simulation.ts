import type { ChatSession, FlowRunSession, Session, TaskSession } from '../../../shared/protocol';
import { isActive } from '../../../shared/sessions';
import { CHAT_TOPICS } from './content/chats';
import { FLOW_TEMPLATES } from './content/flows';
import { OWNERS } from './content/people';
import { chatMessage, createChat, endChat } from './lifecycle/chat';
import { pickFrame } from './lifecycle/common';
import { advanceFlowRun, createFlowRun, decideFlowRun, startFlowRun } from './lifecycle/flow-run';
import type { Move, MoveContext } from './lifecycle/move';
import { advanceTask, createTask, decideTask, type TaskOutcome } from './lifecycle/task';
import type { DemoTenant } from './tenant';

/** A checkpoint left this long may be decided by a colleague, so "decided elsewhere" happens too. */
const DECIDED_ELSEWHERE_AFTER_MS = 5 * 60_000;
const MAX_CHILDREN = 8;

/** Makes the tenant move on its own: `ratePerSecond` changes a second, in one batch per tick. */
export class Simulation {
  private timer: NodeJS.Timeout | null = null;
  private budget = 0;
  private last = 0;

  constructor(
    private readonly tenant: DemoTenant,
    private readonly ratePerSecond: number,
    /** Roughly how many sessions the tenant keeps: new work is spawned, old finished work removed. */
    private readonly targetSize: number,
    /**
     * The signed-in person's own checkpoints are theirs to decide and wait for them. A run that
     * stands in for a person approving (the soak) has them decided after this long, or the
     * tenant grows without bound: waiting work is never removed.
     */
    private readonly ownDecidedAfterMs = Number.POSITIVE_INFINITY,
    /**
     * No new work past this many sessions. Fan-outs and backgrounded chats add work beyond the
     * spawn rate, and only finished work is removed, so over hours the tenant outgrows targetSize.
     */
    private readonly maxSize = Number.POSITIVE_INFINITY,
  ) {}

  start(): void {
    if (this.timer || this.ratePerSecond <= 0) return;
    // Slow demos tick once per change; load runs tick every 20 ms and batch what is due.
    const tickMs = Math.max(20, Math.min(1000, 1000 / this.ratePerSecond));
    this.last = this.tenant.clock();
    this.timer = setInterval(() => this.catchUp(), tickMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Makes the changes due since the last call (the timer calls it; tests call it with their own clock). */
  catchUp(): void {
    const now = this.tenant.clock();
    this.budget = Math.min(this.budget + ((now - this.last) / 1000) * this.ratePerSecond, this.ratePerSecond);
    this.last = now;
    // A batch holds at most 1000 items; flushing per 500 changes keeps every frame inside that.
    // Some steps find nothing to move (a run waiting for a person): only real changes spend budget,
    // and a bound on attempts keeps a tenant with nothing left to move from spinning.
    let sinceFlush = 0;
    let attempts = 0;
    while (this.budget >= 1 && attempts++ < 20 * this.ratePerSecond + 20) {
      const before = this.tenant.headSeq;
      this.step();
      const made = this.tenant.headSeq - before;
      this.budget -= made;
      sinceFlush += made;
      if (sinceFlush >= 500) {
        this.tenant.flush();
        sinceFlush = 0;
      }
    }
    this.tenant.flush();
  }

  /** One move of the tenant; the caller flushes. */
  step(): void {
    const { tenant } = this;
    const rng = tenant.rng;
    const ctx: MoveContext = { rng, at: tenant.nowIso(), nextId: (p) => tenant.nextId(p) };
    const roll = rng.next();
    if (roll < 0.06 || tenant.moving.size === 0) return tenant.size < this.maxSize ? this.spawn(ctx) : undefined;
    // Removal runs as often as spawning, so the tenant hovers around its target size.
    if (roll < 0.12 && tenant.size > this.targetSize) return this.removeOldestFinished();
    const id = tenant.moving.pick(rng);
    const session = id ? tenant.get(id) : undefined;
    if (!session) return;
    const move = this.advance(ctx, session);
    if (move) tenant.apply(move);
  }

  private spawn(ctx: MoveContext): void {
    const rng = ctx.rng;
    const which = rng.next();
    const move =
      which < 0.4
        ? createFlowRun(ctx, pickFrame(rng, rng.chance(0.5) ? 'schedule' : undefined), rng.pick(FLOW_TEMPLATES))
        : which < 0.7
          ? createChat(ctx, pickFrame(rng), rng.pick(CHAT_TOPICS))
          : createTask(ctx, pickFrame(rng));
    this.tenant.apply(move);
  }

  private removeOldestFinished(): void {
    let oldest: Session | undefined;
    for (const s of this.tenant.all()) {
      if (this.tenant.moving.has(s.id)) continue;
      if (!oldest || s.updatedAt < oldest.updatedAt) oldest = s;
    }
    if (oldest) this.tenant.remove(oldest.id);
  }

  private advance(ctx: MoveContext, session: Session): Move | null {
    switch (session.kind) {
      case 'flow_run':
        return this.advanceFlowRun(ctx, session);
      case 'background_task':
        return this.advanceTask(ctx, session);
      case 'chat':
        return this.advanceChat(ctx, session);
    }
  }

  private advanceFlowRun(ctx: MoveContext, run: FlowRunSession): Move | null {
    if (run.status === 'pending') return startFlowRun(ctx, run);
    if (run.checkpoint) return this.decideElsewhere(ctx, run);
    if (run.status !== 'running') return null;
    return advanceFlowRun(ctx, run, ctx.rng.chance(0.07) ? 'fail' : 'next');
  }

  private advanceTask(ctx: MoveContext, task: TaskSession): Move | null {
    if (task.checkpoint) return this.decideElsewhere(ctx, task);
    if (task.status === 'waiting') return null;
    // A parent waits on its children's checkpoints: it does not finish while they ask.
    if (task.task.childIds.some((id) => this.tenant.get(id)?.checkpoint)) return null;
    const r = ctx.rng.next();
    let outcome: TaskOutcome = 'turn';
    if (r < 0.08 && task.task.childIds.length < MAX_CHILDREN && task.task.parentId === null) outcome = 'fanout';
    else if (r < 0.14) outcome = 'wait';
    else if (r < 0.3 && task.task.turns >= 3) outcome = 'complete';
    else if (r < 0.35) outcome = 'fail';
    return advanceTask(ctx, task, outcome);
  }

  private advanceChat(ctx: MoveContext, chat: ChatSession): Move | null {
    const live = isActive(chat, this.tenant.clock());
    const r = ctx.rng.next();
    // A quiet chat rarely wakes up; most quiet chats stay quiet until someone ends them.
    if (!live) return r < 0.05 ? chatMessage(ctx, chat) : r < 0.1 ? endChat(ctx, chat, chat.owner) : null;
    if (r < 0.08) return endChat(ctx, chat, chat.owner);
    if (r < 0.12) {
      const task = createTask(ctx, pickFrame(ctx.rng), { title: `${chat.title} (backgrounded)`, backgroundedFrom: { kind: 'chat', id: chat.id } });
      return { ...chatMessage(ctx, chat), spawned: [task] };
    }
    return chatMessage(ctx, chat);
  }

  /** A colleague decides a checkpoint that has waited a while; the person's own wait for them (see ownDecidedAfterMs). */
  private decideElsewhere(ctx: MoveContext, session: FlowRunSession | TaskSession): Move | null {
    const waited = this.tenant.clock() - Date.parse(session.checkpoint!.requestedAt);
    const own = session.owner.id === OWNERS[0]!.id;
    if (waited < (own ? this.ownDecidedAfterMs : DECIDED_ELSEWHERE_AFTER_MS) || !ctx.rng.chance(0.3)) return null;
    const colleague = OWNERS.find((o) => o.id !== session.owner.id && o.id !== OWNERS[0]!.id) ?? session.owner;
    const decision = ctx.rng.chance(0.7) ? 'approved' : 'rejected';
    this.tenant.recordDecision(session.checkpoint!.id, { sessionId: session.id, decision, by: colleague.name });
    return session.kind === 'flow_run' ? decideFlowRun(ctx, session, decision, colleague) : decideTask(ctx, session, decision, colleague);
  }
}
