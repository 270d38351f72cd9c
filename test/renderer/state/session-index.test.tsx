import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SessionIndex } from '../../../src/renderer/src/state/session-index';
import type { Session } from '../../../src/shared/protocol';
import { checkpoint, flowRun } from '../../shared/fixtures';

const run = (n: number, version: number, paused: boolean): Session =>
  flowRun({ id: `fr_${n}`, title: `v${version}`, ...(paused ? { status: 'paused', checkpoint: checkpoint(`cp_${n}`) } : {}) });

// A delta: some upserts and some removals over a small id space, so they collide often.
const delta = fc.record({
  upserts: fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.boolean()), { maxLength: 6 }),
  removals: fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 3 }),
});

describe('SessionIndex', () => {
  it('holds what a plain map fed the same deltas holds, and leaves every older index as it was', () => {
    fc.assert(
      fc.property(fc.array(delta, { maxLength: 12 }), (deltas) => {
        let index = SessionIndex.of([]);
        const model = new Map<string, Session>();
        const history: Array<{ index: SessionIndex; model: Map<string, Session> }> = [];
        deltas.forEach((d, version) => {
          const upserts = d.upserts.map(([n, paused]) => run(n, version, paused));
          const removals = d.removals.map((n) => `fr_${n}`);
          index = index.apply(upserts, removals);
          for (const s of upserts) model.set(s.id, s);
          for (const id of removals) model.delete(id);
          history.push({ index, model: new Map(model) });
        });
        for (const { index: i, model: m } of history) {
          expect(i.size).toBe(m.size);
          expect(new Set(i.all)).toEqual(new Set(m.values()));
          for (let n = 0; n <= 12; n++) expect(i.get(`fr_${n}`)).toBe(m.get(`fr_${n}`));
          expect(i.approvals).toBe([...m.values()].filter((s) => s.checkpoint).length);
        }
      }),
    );
  });

  it('keeps the later of two sessions with one id in a snapshot', () => {
    const index = SessionIndex.of([run(1, 0, true), run(1, 1, false)]);
    expect(index.size).toBe(1);
    expect(index.get('fr_1')!.title).toBe('v1');
    expect(index.approvals).toBe(0);
  });
});
