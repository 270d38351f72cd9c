import type { ChatSession, FlowRunSession, TaskSession } from '../../../shared/protocol';
import { CHAT_TOPICS } from './content/chats';
import { FLOW_TEMPLATES } from './content/flows';
import { OWNERS } from './content/people';
import { chatMessage, createChat, endChat } from './lifecycle/chat';
import { pickFrame } from './lifecycle/common';
import { advanceFlowRun, createFlowRun, decideFlowRun, startFlowRun } from './lifecycle/flow-run';
import { cancelled, stamped, type Move, type MoveContext } from './lifecycle/move';
import { advanceTask, createTask, decideTask, type TaskOutcome } from './lifecycle/task';
import type { DemoTenant } from './tenant';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Target =
  | { kind: 'flow_run' | 'background_task'; status: string }
  | { kind: 'chat'; status: 'live' | 'quiet' | 'ended' }
  /** A running parent task with several children waiting at checkpoints at once. */
  | { kind: 'fan_out'; status: 'running' };

/** The first sessions cover every state a person should see on a first start; the rest are drawn. */
const SHOWCASE: Target[] = [
  { kind: 'flow_run', status: 'paused' },
  { kind: 'background_task', status: 'running' },
  { kind: 'chat', status: 'live' },
  { kind: 'flow_run', status: 'running' },
  { kind: 'flow_run', status: 'failed' },
  { kind: 'background_task', status: 'waiting' },
  { kind: 'chat', status: 'quiet' },
  { kind: 'flow_run', status: 'succeeded' },
  { kind: 'background_task', status: 'completed' },
  { kind: 'chat', status: 'ended' },
  { kind: 'flow_run', status: 'pending' },
  { kind: 'background_task', status: 'queued' },
  { kind: 'flow_run', status: 'rejected' },
  { kind: 'background_task', status: 'failed' },
  { kind: 'flow_run', status: 'cancelled' },
  { kind: 'background_task', status: 'provisioning' },
  { kind: 'flow_run', status: 'paused' },
  // Last, so the sessions before it stay as they were for a seed.
  { kind: 'fan_out', status: 'running' },
];
const FLOW_DRAW = ['running', 'running', 'paused', 'succeeded', 'succeeded', 'succeeded', 'failed', 'rejected', 'cancelled', 'pending'];
const TASK_DRAW = ['running', 'running', 'queued', 'waiting', 'completed', 'completed', 'completed', 'failed', 'cancelled'];
const CHAT_DRAW = ['live', 'quiet', 'quiet', 'ended', 'ended'] as const;
const LIVE = new Set(['pending', 'running', 'paused', 'provisioning', 'queued', 'waiting', 'live']);

/**
 * Builds the tenant's past: `count` sessions whose states and transcripts are reached by the same
 * lifecycle moves the live simulation uses, spread over the last three days.
 */
export function seedTenant(tenant: DemoTenant, count: number): void {
  const rng = tenant.rng;
  const now = tenant.clock();
  let t = now;
  const ctx: MoveContext = { rng, nextId: (p) => tenant.nextId(p), get at() { return new Date(t).toISOString(); } };
  let seeded = 0;
  const keep = (move: Move): void => {
    if (seeded >= count) return;
    tenant.seed(move.session, move.entries);
    seeded++;
  };
  for (let i = 0; seeded < count; i++) {
    const target = SHOWCASE[i] ?? drawTarget(i);
    const live = LIVE.has(target.status);
    // Live work started minutes ago; finished work ended anywhere in the last three days.
    // A quiet chat's last message is past the 30-minute mark by definition.
    const soonest = target.kind === 'chat' ? 35 : 5;
    const endAgo = live ? rng.int(1, 25) * MINUTE : rng.pick([rng.int(soonest, 120) * MINUTE, rng.int(2, 23) * HOUR, rng.int(25, 72) * HOUR]);
    const span = rng.int(5, 90) * MINUTE;
    t = now - endAgo - span;
    const tick = (): void => { t = Math.min(t + span / 8, now - endAgo); };
    const moves = target.kind === 'flow_run' ? driveFlowRun(ctx, target.status, tick)
      : target.kind === 'background_task' ? driveTask(ctx, target.status, tick)
        : target.kind === 'fan_out' ? driveFanOut(ctx, tick)
          : driveChat(ctx, target.status, tick);
    for (const move of moves) keep(move);
  }
}

function drawTarget(i: number): Target {
  // A fixed rotation over the draw lists keeps the mix stable for any seed.
  const kind = i % 10 < 4 ? 'flow_run' : i % 10 < 7 ? 'background_task' : 'chat';
  if (kind === 'chat') return { kind, status: CHAT_DRAW[i % CHAT_DRAW.length]! };
  const list = kind === 'flow_run' ? FLOW_DRAW : TASK_DRAW;
  return { kind, status: list[(i * 7) % list.length]! };
}

function driveFlowRun(ctx: MoveContext, target: string, tick: () => void): Move[] {
  const needsCheckpoint = target === 'paused' || target === 'rejected';
  const templates = needsCheckpoint ? FLOW_TEMPLATES.filter((f) => f.steps.some((s) => s.checkpoint)) : FLOW_TEMPLATES;
  const frame = pickFrame(ctx.rng, ctx.rng.chance(0.4) ? 'schedule' : undefined);
  let move: Move<FlowRunSession> = createFlowRun(ctx, frame, ctx.rng.pick(templates));
  const entries = stamped(move.entries, ctx.at);
  const step = (next: Move<FlowRunSession>): void => { tick(); move = next; entries.push(...stamped(next.entries, ctx.at)); };
  if (target !== 'pending') step(startFlowRun(ctx, move.session));
  const failAt = ctx.rng.int(1, move.session.flow.stepCount);
  const stopAt = target === 'running' || target === 'cancelled' ? ctx.rng.int(1, move.session.flow.stepCount) : Infinity;
  for (let guard = 0; guard < 20 && move.session.status !== 'pending'; guard++) {
    const s = move.session;
    if (s.status === 'paused') {
      if (target === 'paused') break;
      const decider = ctx.rng.pick(OWNERS);
      step(decideFlowRun(ctx, s, target === 'rejected' ? 'rejected' : 'approved', decider, target === 'rejected' ? 'Not this week.' : undefined));
      continue;
    }
    if (s.status !== 'running') break;
    if (target === 'failed' && s.flow.stepIndex >= failAt) { step(advanceFlowRun(ctx, s, 'fail')); break; }
    if (s.flow.stepIndex >= stopAt) break;
    step(advanceFlowRun(ctx, s, 'next'));
  }
  if (target === 'cancelled' && (move.session.status === 'running' || move.session.status === 'paused')) step(cancelled(ctx, move.session, move.session.owner));
  return [{ session: move.session, entries }];
}

function driveTask(ctx: MoveContext, target: string, tick: () => void): Move[] {
  let move: Move<TaskSession> = createTask(ctx, pickFrame(ctx.rng));
  const entries = stamped(move.entries, ctx.at);
  const spawned: Move[] = [];
  const step = (next: Move<TaskSession>): void => { tick(); move = next; entries.push(...stamped(next.entries, ctx.at)); spawned.push(...(next.spawned ?? [])); };
  const order = ['provisioning', 'queued', 'running'];
  const reach = order.includes(target) ? order.indexOf(target) : 2;
  for (let i = 0; i < reach; i++) step(advanceTask(ctx, move.session, 'turn'));
  if (move.session.status === 'running') {
    const turns = ctx.rng.int(1, 14);
    for (let i = 0; i < turns; i++) step(advanceTask(ctx, move.session, ctx.rng.chance(0.15) ? 'fanout' : 'turn'));
    if (target === 'waiting') step(advanceTask(ctx, move.session, 'wait'));
    if (target === 'completed') step(advanceTask(ctx, move.session, 'complete'));
    if (target === 'failed') step(advanceTask(ctx, move.session, 'fail'));
    if (target === 'cancelled') {
      step(advanceTask(ctx, move.session, 'wait'));
      step(decideTask(ctx, move.session, 'rejected', move.session.owner, 'Wrong approach.'));
    }
  }
  return [{ session: move.session, entries }, ...spawned.map((child) => settleChild(ctx, child, move.session))];
}

/** Fan-out children end up mostly done, so the parent's roll-up has something to say. */
function settleChild(ctx: MoveContext, child: Move, parent: TaskSession): Move {
  let task = child.session as TaskSession;
  const entries = stamped(child.entries, child.session.createdAt);
  const outcome: TaskOutcome | null = parent.status === 'running' && ctx.rng.chance(0.4) ? null : ctx.rng.chance(0.8) ? 'complete' : 'fail';
  const outcomes: TaskOutcome[] = ['turn', 'turn', 'turn', ...(outcome ? [outcome] : [])];
  for (const o of outcomes) {
    const next = advanceTask(ctx, task, o);
    task = next.session;
    entries.push(...stamped(next.entries, ctx.at));
  }
  return { session: task, entries };
}

/** What each child of the showcase fan-out has come to: three ask at once, one is done, one works on. */
const FAN_OUT_CHILDREN: readonly (TaskOutcome | null)[] = ['wait', 'complete', 'wait', null, 'wait'];

/**
 * A parent of the signed-in person's that fanned out, several of its children now paused at
 * checkpoints: a first start has a fan-out to approve. Hers, so no colleague decides them before
 * she does (Simulation.decideElsewhere); the children ask one after another, so their waits differ.
 */
function driveFanOut(ctx: MoveContext, tick: () => void): Move[] {
  let move: Move<TaskSession> = createTask(ctx, { ...pickFrame(ctx.rng), owner: OWNERS[0]! });
  const entries = stamped(move.entries, ctx.at);
  const children: Move<TaskSession>[] = [];
  const step = (next: Move<TaskSession>): void => { tick(); move = next; entries.push(...stamped(next.entries, ctx.at)); };
  for (let i = 0; i < 3; i++) step(advanceTask(ctx, move.session, 'turn'));
  // The children start together, in one burst; each then asks (or finishes) a tick after the last.
  for (let i = 0; i < FAN_OUT_CHILDREN.length; i++) {
    move = advanceTask(ctx, move.session, 'fanout');
    entries.push(...stamped(move.entries, ctx.at));
    const child = move.spawned![0] as Move<TaskSession>;
    children.push({ session: child.session, entries: stamped(child.entries, ctx.at) });
  }
  FAN_OUT_CHILDREN.forEach((outcome, i) => {
    tick();
    let child = children[i]!;
    const outcomes: TaskOutcome[] = ['turn', 'turn', 'turn', ...(outcome ? [outcome] : [])];
    for (const o of outcomes) {
      const next = advanceTask(ctx, child.session, o);
      child = { session: next.session, entries: [...child.entries, ...stamped(next.entries, ctx.at)] };
    }
    children[i] = child;
  });
  return [{ session: move.session, entries }, ...children];
}

function driveChat(ctx: MoveContext, target: string, tick: () => void): Move[] {
  let move: Move<ChatSession> = createChat(ctx, pickFrame(ctx.rng), ctx.rng.pick(CHAT_TOPICS));
  const entries = stamped(move.entries, ctx.at);
  const step = (next: Move<ChatSession>): void => { tick(); move = next; entries.push(...stamped(next.entries, ctx.at)); };
  const messages = ctx.rng.int(1, 9);
  for (let i = 0; i < messages; i++) step(chatMessage(ctx, move.session));
  if (target === 'ended') step(endChat(ctx, move.session, move.session.owner));
  const out: Move[] = [{ session: move.session, entries }];
  // Some chats were sent to the background and carry on as a task.
  if (target !== 'live' && ctx.rng.chance(0.25)) {
    const task = createTask(ctx, pickFrame(ctx.rng), { title: `${move.session.title} (backgrounded)`, backgroundedFrom: { kind: 'chat', id: move.session.id } });
    out.push({ ...task, entries: stamped(task.entries, ctx.at) });
  }
  return out;
}
