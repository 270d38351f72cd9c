import { describe, expect, it } from 'vitest';
import { PAGES_AHEAD, SnapshotStream } from '../../src/main/core/sync/snapshot-stream';
import { flowRun } from '../shared/fixtures';

const page = (n: number) => [flowRun({ id: `fr_${n}` })];

describe('a snapshot read ahead of its write', () => {
  it('asks to stop reading past PAGES_AHEAD waiting pages, and to read on when the write has nearly caught up', () => {
    const told: boolean[] = [];
    const stream = new SnapshotStream(undefined, (behind) => told.push(behind));
    for (let i = 0; i <= PAGES_AHEAD; i++) stream.push(page(i));
    expect(told).toEqual([true]);
    // Frames already in flight still arrive while paused: no second "stop".
    stream.push(page(PAGES_AHEAD + 1));
    expect(told).toEqual([true]);
    while (stream.queued > 1) stream.take();
    expect(told).toEqual([true, false]);
    expect(stream.queued).toBe(1);
  });

  it('reads on when the snapshot is abandoned, so a paused socket never stays paused', () => {
    const told: boolean[] = [];
    const stream = new SnapshotStream(undefined, (behind) => told.push(behind));
    for (let i = 0; i <= PAGES_AHEAD; i++) stream.push(page(i));
    stream.abort();
    expect(told).toEqual([true, false]);
    expect(stream.queued).toBe(0);
  });

  it('never pauses a snapshot whose write keeps up', () => {
    const told: boolean[] = [];
    const stream = new SnapshotStream(undefined, (behind) => told.push(behind));
    for (let i = 0; i < 50; i++) {
      stream.push(page(i));
      stream.take();
    }
    expect(told.filter(Boolean)).toEqual([]);
  });
});
