import type { FlowRunSession, Ref } from '../../../../shared/protocol';
import { FLOW_TEMPLATES, type FlowTemplate } from '../content/flows';
import { makeOrigin } from '../content/origins';
import { fileEditBody, toolCallBody } from '../content/transcript';
import { maybeSecret, type SessionFrame } from './common';
import { moved, statusEntry, type Move, type MoveContext } from './move';

export function templateOf(run: FlowRunSession): FlowTemplate {
  return FLOW_TEMPLATES.find((t) => t.flowId === run.flow.flowId) ?? FLOW_TEMPLATES[0]!;
}

export function createFlowRun(ctx: MoveContext, frame: SessionFrame, template: FlowTemplate): Move<FlowRunSession> {
  const id = ctx.nextId('fr');
  const session: FlowRunSession = {
    id,
    kind: 'flow_run',
    title: ctx.rng.pick(template.titles),
    status: 'pending',
    owner: frame.owner,
    initiative: frame.initiative,
    plan: frame.plan,
    createdAt: ctx.at,
    updatedAt: ctx.at,
    webUrl: `https://app.discoparrot.example/runs/${id}`,
    error: null,
    flow: { flowId: template.flowId, flowName: template.flowName, stepIndex: 1, stepCount: template.steps.length, steps: [] },
    origin: makeOrigin(ctx.rng, frame.surface),
  };
  return { session, entries: [{ kind: 'message', message: { role: 'system', text: `Flow "${template.flowName}" queued by ${frame.owner.name}.` } }] };
}

function stepEntries(ctx: MoveContext, run: FlowRunSession, index: number, status: string): Move['entries'] {
  const name = templateOf(run).steps[index - 1]?.name ?? `Step ${index}`;
  return [{ kind: 'step', step: { index, name, status } }];
}

/** pending → running at step 1. */
export function startFlowRun(ctx: MoveContext, run: FlowRunSession): Move<FlowRunSession> {
  const first = templateOf(run).steps[0]!;
  return moved(ctx, run, { status: 'running', flow: { ...run.flow, stepIndex: 1, steps: [{ name: first.name, status: 'running' }] } }, [
    statusEntry('pending', 'running'),
    ...stepEntries(ctx, run, 1, 'running'),
  ]);
}

/**
 * Finishes the running step. The next step starts, or pauses for approval when the template
 * puts a checkpoint there; after the last step the run succeeds. `fail` ends it on this step.
 */
export function advanceFlowRun(ctx: MoveContext, run: FlowRunSession, outcome: 'next' | 'fail'): Move<FlowRunSession> {
  const template = templateOf(run);
  const index = run.flow.stepIndex;
  const step = template.steps[index - 1]!;
  const repo = run.origin?.repo ?? 'acme/api';
  const work = [{ kind: 'tool_call' as const, toolCall: toolCallBody(ctx.rng, { repo, secret: maybeSecret(ctx.rng) }) }];
  const done = run.flow.steps.slice(0, index - 1);

  if (outcome === 'fail') {
    const error = step.failure ?? { code: 'step_failed', message: `${step.name} failed` };
    return moved(ctx, run, { status: 'failed', error, flow: { ...run.flow, steps: [...done, { name: step.name, status: 'failed' }] } }, [
      ...work,
      ...stepEntries(ctx, run, index, 'failed'),
      statusEntry('running', 'failed', error.message),
    ]);
  }

  if (ctx.rng.chance(0.5)) work.push({ kind: 'tool_call', toolCall: toolCallBody(ctx.rng, { repo }) });
  const edits = ctx.rng.chance(0.4) ? [{ kind: 'file_edit' as const, fileEdit: fileEditBody(ctx.rng, { repo, secret: maybeSecret(ctx.rng) }) }] : [];
  const finished = [...done, { name: step.name, status: 'succeeded' }];
  if (index >= template.steps.length) {
    return moved(ctx, run, { status: 'succeeded', flow: { ...run.flow, steps: finished } }, [
      ...work,
      ...edits,
      ...stepEntries(ctx, run, index, 'succeeded'),
      statusEntry('running', 'succeeded'),
    ]);
  }
  const next = template.steps[index]!;
  const base = [...work, ...edits, ...stepEntries(ctx, run, index, 'succeeded')];
  if (next.checkpoint) {
    const checkpoint = { id: ctx.nextId('cp'), step: next.name, prompt: next.checkpoint, requestedAt: ctx.at };
    return moved(
      ctx,
      run,
      { status: 'paused', checkpoint, flow: { ...run.flow, stepIndex: index + 1, steps: [...finished, { name: next.name, status: 'paused' }] } },
      [...base, ...stepEntries(ctx, run, index + 1, 'paused'), { kind: 'checkpoint', checkpoint: { id: checkpoint.id, prompt: checkpoint.prompt } }, statusEntry('running', 'paused', 'waiting for approval')],
    );
  }
  return moved(ctx, run, { flow: { ...run.flow, stepIndex: index + 1, steps: [...finished, { name: next.name, status: 'running' }] } }, [
    ...base,
    ...stepEntries(ctx, run, index + 1, 'running'),
  ]);
}

/** A person's decision on the pending checkpoint: approve continues the step, reject ends the run. */
export function decideFlowRun(ctx: MoveContext, run: FlowRunSession, decision: 'approved' | 'rejected', by: Ref, comment?: string): Move<FlowRunSession> {
  const checkpoint = run.checkpoint!;
  // The steps list is optional detail (PROTOCOL.md section 4): a run paused without one is still decided.
  const current = run.flow.steps.at(-1);
  const decided = { kind: 'checkpoint' as const, checkpoint: { id: checkpoint.id, prompt: checkpoint.prompt, decision, decidedBy: by.name, ...(comment ? { comment } : {}) } };
  const to = decision === 'approved' ? 'running' : 'rejected';
  const steps = current ? [...run.flow.steps.slice(0, -1), { name: current.name, status: to }] : run.flow.steps;
  return moved(ctx, run, { status: to, checkpoint: null, flow: { ...run.flow, steps } }, [
    decided,
    ...stepEntries(ctx, run, run.flow.stepIndex, to),
    statusEntry('paused', to, `${decision} by ${by.name}`),
  ]);
}
