import type { FlowRunSession, TranscriptEntry } from '../../../../shared/protocol';
import { statusWords } from '../../../../shared/format';

export type StepState = 'done' | 'running' | 'paused' | 'failed' | 'rejected' | 'cancelled' | 'upcoming' | 'other';

export interface TimelineStep {
  /** 1-based, as the run counts ("Step 2 of 5"). */
  index: number;
  /** Null until the run or its transcript names the step. */
  name: string | null;
  state: StepState;
  label: string;
  current: boolean;
}

const STATE_OF: Record<string, StepState> = {
  succeeded: 'done',
  completed: 'done',
  done: 'done',
  running: 'running',
  pending: 'upcoming',
  paused: 'paused',
  waiting: 'paused',
  failed: 'failed',
  rejected: 'rejected',
  cancelled: 'cancelled',
};

const LABEL: Record<Exclude<StepState, 'other'>, string> = {
  done: 'Done',
  running: 'Running',
  paused: 'Paused',
  failed: 'Failed',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  upcoming: 'Not reached yet',
};

function stateOf(status: string): StepState {
  return Object.hasOwn(STATE_OF, status) ? STATE_OF[status]! : 'other';
}

/**
 * Steps 1..stepCount with what is known of each. The run's own `steps` list wins; step entries in
 * the transcript fill in names it lacks; otherwise a step's place relative to `stepIndex` and the
 * run's status say whether it is done, in progress or not reached yet.
 */
export function timelineSteps(run: FlowRunSession, entries: readonly TranscriptEntry[]): TimelineStep[] {
  const { stepIndex, stepCount, steps } = run.flow;
  const fromTranscript = new Map<number, { name: string; status: string }>();
  for (const e of entries) if (e.kind === 'step') fromTranscript.set(e.step.index, e.step);

  const count = Math.max(stepCount, steps.length, stepIndex);
  const out: TimelineStep[] = [];
  for (let index = 1; index <= count; index++) {
    const known = steps[index - 1] ?? fromTranscript.get(index);
    const status = known?.status ?? inferredStatus(run, index);
    const state = stateOf(status);
    const pausedForDecision = state === 'paused' && index === stepIndex && run.checkpoint != null;
    out.push({
      index,
      name: known?.name ?? null,
      state,
      label: state === 'other' ? statusWords(status, false) : pausedForDecision ? 'Paused — waiting for approval' : LABEL[state],
      current: index === stepIndex && (state === 'running' || state === 'paused'),
    });
  }
  return out;
}

function inferredStatus(run: FlowRunSession, index: number): string {
  const { stepIndex } = run.flow;
  if (index < stepIndex) return 'succeeded';
  if (index === stepIndex) return run.status;
  // A run that succeeded got through every step, even ones it never reported.
  return run.status === 'succeeded' ? 'succeeded' : 'pending';
}

export type Decision = Extract<TranscriptEntry, { kind: 'checkpoint' }> & { checkpoint: { decision: 'approved' | 'rejected' } };

/** Checkpoints already decided, oldest first, from the transcript. */
export function pastDecisions(entries: readonly TranscriptEntry[]): Decision[] {
  return entries.filter((e): e is Decision => e.kind === 'checkpoint' && e.checkpoint.decision !== undefined);
}
