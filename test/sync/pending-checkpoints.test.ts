import { describe, expect, it } from 'vitest';
import { pendingCheckpoints } from '../../src/main/core/sync/pending-checkpoints';
import { checkpoint, flowRun } from '../shared/fixtures';

const up = (seq: number, session: unknown) => ({ seq, op: 'upsert', session });

describe('pendingCheckpoints: the fast lane reads a batch before it is written', () => {
  it('returns each session the batch leaves waiting at a checkpoint, validated', () => {
    const paused = flowRun({ id: 'fr_1', status: 'paused', checkpoint: checkpoint('cp_1') });
    const found = pendingCheckpoints([up(1, flowRun({ id: 'fr_0' })), up(2, paused)]);
    expect(found).toEqual([paused]);
  });

  it('judges the last state of each session in the batch: a checkpoint that came and went is not returned', () => {
    const paused = flowRun({ id: 'fr_1', status: 'paused', checkpoint: checkpoint('cp_1') });
    expect(pendingCheckpoints([up(1, paused), up(2, { ...paused, status: 'running', checkpoint: null })])).toEqual([]);
    expect(pendingCheckpoints([up(1, paused), { seq: 2, op: 'remove', id: 'fr_1' }])).toEqual([]);
    const later = { ...paused, checkpoint: checkpoint('cp_2') };
    expect(pendingCheckpoints([up(1, paused), up(2, later)])).toEqual([later]);
  });

  it('skips what does not validate, and items that are not objects at all', () => {
    const broken = { ...flowRun({ id: 'fr_1', status: 'paused', checkpoint: checkpoint('cp_1') }), updatedAt: 'yesterday' };
    expect(pendingCheckpoints([up(1, broken), null, 'x', 7, { op: 'upsert' }])).toEqual([]);
  });
});
