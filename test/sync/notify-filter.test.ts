import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCache, type SessionChange } from '../../src/main/core/cache/cache';
import { mayNotify } from '../../src/main/core/companion';
import { decideNotifications, type NotifyDecision, type Remembered } from '../../src/main/core/notify/policy';
import { NotifySettings } from '../../src/shared/notify-settings';
import type { ChangeItem } from '../../src/shared/protocol';
import { NOW, flowRun, iso } from '../shared/fixtures';
import { tempDir } from '../support/temp-dir';

type Op = { id: number; remove: boolean; status: string; cp: 'none' | 'null' | 'a' | 'b'; mine: boolean; title: string };
const opArb: fc.Arbitrary<Op> = fc.record({
  id: fc.integer({ min: 0, max: 5 }),
  remove: fc.boolean(),
  status: fc.constantFrom('running', 'paused', 'failed', 'succeeded'),
  cp: fc.constantFrom('none', 'null', 'a', 'b'),
  mine: fc.boolean(),
  title: fc.constantFrom('Upgrade', 'about "checkpoint":{', 'checkpoint'),
});

function item(op: Op, seq: number): ChangeItem {
  if (op.remove) return { seq, op: 'remove', id: `fr_${op.id}` };
  const checkpoint = op.cp === 'none' ? undefined : op.cp === 'null' ? null : { id: `cp_${op.id}_${op.cp}`, prompt: 'Go?', requestedAt: iso(NOW) };
  const session = flowRun({ id: `fr_${op.id}`, title: op.title, status: op.status, owner: op.mine ? { id: 'u_ada', name: 'Ada' } : { id: 'u_bo', name: 'Bo' }, updatedAt: iso(NOW + seq) });
  if (checkpoint !== undefined) Object.assign(session, { checkpoint });
  return { seq, op: 'upsert', session };
}

/** What the companion does with a batch's changes: the policy over those it may act on, or nothing. */
const EMPTY: NotifyDecision = { events: [], remember: [], forget: [] };

describe('the changes the notification policy is given', () => {
  it('decide exactly what the whole batch decides, for any scope, failures setting and history', () => {
    fc.assert(
      fc.property(fc.array(fc.array(opArb, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), fc.boolean(), fc.boolean(), (batches, all, failures) => {
        const { cache } = openCache(tempDir('parrot-filter-'), { create: true });
        try {
          cache.applySnapshot([], 0);
          const settings = NotifySettings.parse({ scope: all ? 'all' : 'mine', failures });
          const memory = new Map<string, Remembered>();
          let seq = 0;
          for (const ops of batches) {
            const changes: SessionChange[] = cache.applyChanges(ops.map((op) => item(op, ++seq)));
            const decide = (cs: SessionChange[]) =>
              cs.length === 0 ? EMPTY : decideNotifications({ changes: cs, userId: 'u_ada', settings, now: NOW, localMinuteOfDay: 600, recall: (id) => memory.get(id) ?? null });
            const filtered = decide(changes.filter(mayNotify));
            // Plain objects with `before` read eagerly: the policy's own view of the batch.
            const whole = decide(changes.map((c) => ({ before: c.before, after: c.after })));
            expect(filtered).toEqual(whole);
            for (const r of whole.remember) memory.set(r.checkpointId, r.as);
            for (const id of whole.forget) memory.delete(id);
          }
        } finally {
          cache.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});
