import { describe, expect, it } from 'vitest';
import { fileDiff } from '../../../src/renderer/src/views/detail/entries/diff-lines';
import { mergeEntries } from '../../../src/renderer/src/views/detail/merge';
import { pastDecisions, timelineSteps } from '../../../src/renderer/src/views/detail/timeline';
import { checkpoint, flowRun } from '../../shared/fixtures';
import { checkpointEntry, message, step } from './entries';

describe('mergeEntries', () => {
  const a = message(1, { role: 'user', text: 'a' });
  const b = message(2, { role: 'agent', text: 'b' });
  const c = message(3, { role: 'agent', text: 'c' });

  it('appends newer entries, and returns the same array when nothing is new', () => {
    const current = [a, b];
    expect(mergeEntries(current, [c]).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(mergeEntries(current, [b])).toBe(current);
    expect(mergeEntries(current, [])).toBe(current);
  });

  it('dedupes by seq and keeps seq order when pushes overlap or arrive out of order', () => {
    expect(mergeEntries([a, c], [c, b, a]).map((e) => e.seq)).toEqual([1, 2, 3]);
  });
});

describe('timelineSteps', () => {
  it('numbers steps 1..stepCount: known ones by status, the rest done before the current step and not reached after', () => {
    const run = flowRun({
      status: 'paused',
      checkpoint: checkpoint(),
      flow: { stepIndex: 3, stepCount: 5, steps: [{ name: 'Scan', status: 'succeeded' }, { name: 'Plan', status: 'succeeded' }, { name: 'Open PR', status: 'paused' }] },
    });
    const steps = timelineSteps(run, [step(9, { index: 4, name: 'Merge', status: 'pending' })]);
    expect(steps.map((s) => [s.index, s.name, s.label])).toEqual([
      [1, 'Scan', 'Done'],
      [2, 'Plan', 'Done'],
      [3, 'Open PR', 'Paused — waiting for approval'],
      [4, 'Merge', 'Not reached yet'],
      [5, null, 'Not reached yet'],
    ]);
    expect(steps.filter((s) => s.current).map((s) => s.index)).toEqual([3]);
  });

  it('infers the current step from the run status, and shows unknown statuses as they are', () => {
    const failed = timelineSteps(flowRun({ status: 'failed', flow: { stepIndex: 2, stepCount: 3, steps: [] } }), []);
    expect(failed.map((s) => s.label)).toEqual(['Done', 'Failed', 'Not reached yet']);
    const odd = timelineSteps(flowRun({ flow: { stepIndex: 1, stepCount: 1, steps: [{ name: 'X', status: 'warming_up' }] } }), []);
    expect(odd[0]!.label).toBe('Warming up');
    const done = timelineSteps(flowRun({ status: 'succeeded', flow: { stepIndex: 2, stepCount: 3, steps: [] } }), []);
    expect(done.map((s) => s.state)).toEqual(['done', 'done', 'done']);
  });

  it('finds past decisions in the transcript', () => {
    const entries = [
      checkpointEntry(1, { id: 'cp_1', prompt: 'Go?' }),
      checkpointEntry(2, { id: 'cp_1', prompt: 'Go?', decision: 'approved', decidedBy: 'Ada Lovelace' }),
    ];
    expect(pastDecisions(entries).map((e) => e.seq)).toEqual([2]);
  });
});

describe('fileDiff', () => {
  it('marks added and removed lines and counts them', () => {
    const d = fileDiff('a\nb\nc\n', 'a\nB\nc\nd\n');
    expect(d.change).toBe('edited');
    expect(d.lines).toEqual([
      { type: 'context', text: 'a' },
      { type: 'removed', text: 'b' },
      { type: 'added', text: 'B' },
      { type: 'context', text: 'c' },
      { type: 'added', text: 'd' },
    ]);
    expect([d.added, d.removed]).toEqual([2, 1]);
  });

  it('labels new and deleted files', () => {
    expect(fileDiff(null, 'x\n').change).toBe('created');
    expect(fileDiff(null, 'x\n').lines).toEqual([{ type: 'added', text: 'x' }]);
    expect(fileDiff('x\n', null).change).toBe('deleted');
  });

  it('folds long unchanged stretches around a change', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const after = before.replace('line 10', 'line ten');
    const d = fileDiff(before, after, 2);
    expect(d.lines[0]).toEqual({ type: 'skipped', count: 8 });
    expect(d.lines.filter((l) => l.type === 'context')).toHaveLength(4);
    expect(d.lines[d.lines.length - 1]).toEqual({ type: 'skipped', count: 7 });
  });
});
