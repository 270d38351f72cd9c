import type { Ref, SessionKind, TaskSession } from '../../../../shared/protocol';
import { TASK_CHECKPOINT_PROMPTS, TASK_TITLES } from '../content/tasks';
import { makeOrigin } from '../content/origins';
import { agentMessage, toolCallBody } from '../content/transcript';
import { maybeSecret, type SessionFrame } from './common';
import { moved, statusEntry, type Move, type MoveContext } from './move';

export function createTask(
  ctx: MoveContext,
  frame: SessionFrame,
  options: { title?: string; parentId?: string; backgroundedFrom?: { kind: SessionKind; id: string } } = {},
): Move<TaskSession> {
  const id = ctx.nextId('bt');
  const session: TaskSession = {
    id,
    kind: 'background_task',
    title: options.title ?? ctx.rng.pick(TASK_TITLES),
    status: 'provisioning',
    owner: frame.owner,
    initiative: frame.initiative,
    plan: frame.plan,
    createdAt: ctx.at,
    updatedAt: ctx.at,
    webUrl: `https://app.discoparrot.example/tasks/${id}`,
    error: null,
    task: { turns: 0, parentId: options.parentId ?? null, childIds: [], backgroundedFrom: options.backgroundedFrom ?? null },
    origin: makeOrigin(ctx.rng, frame.surface),
  };
  const why = options.backgroundedFrom
    ? `Sent to the background from ${options.backgroundedFrom.kind} ${options.backgroundedFrom.id}.`
    : options.parentId
      ? `Fanned out from ${options.parentId}.`
      : 'Task created.';
  return { session, entries: [{ kind: 'message', message: { role: 'system', text: why } }] };
}

export type TaskOutcome = 'turn' | 'fanout' | 'wait' | 'complete' | 'fail';

/** provisioning → queued → running; a running task takes a turn, fans out, asks, finishes or fails. */
export function advanceTask(ctx: MoveContext, task: TaskSession, outcome: TaskOutcome): Move<TaskSession> {
  if (task.status === 'provisioning') return moved(ctx, task, { status: 'queued' }, [statusEntry('provisioning', 'queued')]);
  if (task.status === 'queued') return moved(ctx, task, { status: 'running' }, [statusEntry('queued', 'running')]);
  const repo = task.origin?.repo ?? 'acme/api';
  const turns = task.task.turns + 1;
  const work: Move['entries'] = [
    { kind: 'message', message: { role: 'agent', text: agentMessage(ctx.rng, task.title) } },
    { kind: 'tool_call', toolCall: toolCallBody(ctx.rng, { repo, secret: maybeSecret(ctx.rng) }) },
  ];
  const counted = { ...task.task, turns };
  switch (outcome) {
    case 'turn':
      return moved(ctx, task, { task: counted }, work);
    case 'fanout': {
      const child = createTask(ctx, { owner: task.owner, initiative: task.initiative ?? null, plan: task.plan ?? null, surface: 'web' }, {
        title: `${task.title} (part ${task.task.childIds.length + 1})`,
        parentId: task.id,
      });
      const parent = moved(ctx, task, { task: { ...counted, childIds: [...task.task.childIds, child.session.id] } }, [
        ...work,
        { kind: 'message', message: { role: 'system', text: `Fanned out ${child.session.id}.` } },
      ]);
      return { ...parent, spawned: [child] };
    }
    case 'wait': {
      // Tasks have no named steps; the turn that asked stands in for one, so every checkpoint has a step.
      const checkpoint = { id: ctx.nextId('cp'), step: `Turn ${turns}`, prompt: ctx.rng.pick(TASK_CHECKPOINT_PROMPTS), requestedAt: ctx.at };
      return moved(ctx, task, { status: 'waiting', checkpoint, task: counted }, [
        ...work,
        { kind: 'checkpoint', checkpoint: { id: checkpoint.id, prompt: checkpoint.prompt } },
        statusEntry('running', 'waiting', 'waiting for approval'),
      ]);
    }
    case 'complete':
      return moved(ctx, task, { status: 'completed', task: counted }, [...work, statusEntry('running', 'completed')]);
    case 'fail': {
      const error = { code: 'task_failed', message: `Gave up after ${turns} turns: the sandbox ran out of disk space` };
      return moved(ctx, task, { status: 'failed', error, task: counted }, [...work, statusEntry('running', 'failed', error.message)]);
    }
  }
}

/** A decision on a waiting task: approve lets it go on; reject stops it (tasks have no `rejected`). */
export function decideTask(ctx: MoveContext, task: TaskSession, decision: 'approved' | 'rejected', by: Ref, comment?: string): Move<TaskSession> {
  const checkpoint = task.checkpoint!;
  const to = decision === 'approved' ? 'running' : 'cancelled';
  return moved(ctx, task, { status: to, checkpoint: null }, [
    { kind: 'checkpoint', checkpoint: { id: checkpoint.id, prompt: checkpoint.prompt, decision, decidedBy: by.name, ...(comment ? { comment } : {}) } },
    statusEntry(task.status, to, `${decision} by ${by.name}`),
  ]);
}
