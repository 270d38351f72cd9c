import { describe, expect, it } from 'vitest';
import { pendingCheckpoints } from '../../src/main/core/sync/pending-checkpoints';
import { checkpoint, flowRun } from '../shared/fixtures';

const up = (seq: number, session: unknown) => ({ seq, op: 'upsert', session });

describe('pendingCheckpoints: the fast lane reads a batch before it is written', () => {
  it('returns each session the batch leaves waiting at a checkpoint, validated', () => {
    const paused = flowRun({ id: 'fr_1', status: 'paused', checkpoint: checkpoint('cp_1') });
    const found = pendingCheckpoints([up(1, flowRun({ id: 'fr_0' })), up(2, paused)], 1);
    expect(found).toEqual([paused]);
  });

  it('judges the last state of each session in the batch: a checkpoint that came and went is not returned', () => {
    const paused = flowRun({ id: 'fr_1', status: 'paused', checkpoint: checkpoint('cp_1') });
    expect(pendingCheckpoints([up(1, paused), up(2, { ...paused, status: 'running', checkpoint: null })], 1)).toEqual([]);
    expect(pendingCheckpoints([up(1, paused), { seq: 2, op: 'remove', id: 'fr_1' }], 1)).toEqual([]);
    const later = { ...paused, checkpoint: checkpoint('cp_2') };
    expect(pendingCheckpoints([up(1, paused), up(2, later)], 1)).toEqual([later]);
  });

  it('skips what does not validate, and items that are not objects at all', () => {
    const broken = { ...flowRun({ id: 'fr_1', status: 'paused', checkpoint: checkpoint('cp_1') }), updatedAt: 'yesterday' };
    expect(pendingCheckpoints([up(1, broken), null, 'x', 7, { op: 'upsert' }], 1)).toEqual([]);
  });

  it('follows the write: an unreadable later version leaves the last readable one, checkpoint and all', () => {
    const paused = flowRun({ id: 'fr_1', status: 'paused', checkpoint: checkpoint('cp_1') });
    const unreadable = { ...paused, status: 'running', checkpoint: null, owner: 'nobody' };
    expect(pendingCheckpoints([up(5, paused), up(6, unreadable)], 5)).toEqual([paused]);
    // An item is placed by its position in the batch: one whose own seq says otherwise is passed over.
    expect(pendingCheckpoints([up(5, flowRun({ id: 'fr_0' })), up(9, paused)], 5)).toEqual([]);
  });
});
