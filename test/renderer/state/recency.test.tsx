import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeFirst, commandCenter, commandCenterAfter } from '../../../src/renderer/src/state/recency';
import { SessionIndex } from '../../../src/renderer/src/state/session-index';
import type { Session } from '../../../src/shared/protocol';
import { commandCenterView, orderSessions, RECENT_WINDOW_MS } from '../../../src/shared/sessions';
import { chat, flowRun, HOUR, iso, MINUTE, NOW, task } from '../../shared/fixtures';

// Times that hit the rules' edges (24 h exactly, 30 minutes exactly) and tie often.
const offset = fc.oneof(fc.constantFrom(0, 30 * MINUTE, RECENT_WINDOW_MS, RECENT_WINDOW_MS + 1, 29 * MINUTE), fc.integer({ min: 0, max: 3 * 24 }).map((h) => h * HOUR));
const session = fc
  .tuple(fc.integer({ min: 0, max: 40 }), fc.constantFrom('flow', 'task', 'chat'), fc.constantFrom('running', 'succeeded', 'queued', 'failed', 'open', 'ended'), offset, offset)
  .map(([n, kind, status, updated, message]): Session => {
    const id = `${kind}_${n}`;
    const updatedAt = iso(NOW - updated);
    if (kind === 'chat') return chat({ id, status: status === 'ended' ? 'ended' : 'open', updatedAt, chat: { ended: status === 'ended', lastMessageAt: iso(NOW - message) } });
    if (kind === 'task') return task({ id, status: status === 'queued' ? 'queued' : status === 'failed' ? 'failed' : 'running', updatedAt });
    return flowRun({ id, status: status === 'succeeded' ? 'succeeded' : status === 'failed' ? 'failed' : 'running', updatedAt });
  });
// Unique ids, as the store holds them.
const sessions = fc.uniqueArray(session, { selector: (s) => s.id, maxLength: 60 });

describe("the renderer's cached-time orders", () => {
  it('split and order exactly as commandCenterView does', () => {
    fc.assert(
      fc.property(sessions, (list) => {
        expect(commandCenter(list, NOW)).toEqual(commandCenterView(list, NOW));
      }),
    );
  });

  it('order exactly as orderSessions does', () => {
    fc.assert(
      fc.property(sessions, (list) => {
        expect(activeFirst(list, NOW)).toEqual(orderSessions(list, NOW));
      }),
    );
  });

  it('after a delta, place the changed sessions exactly where a full split would', () => {
    const delta = fc.record({ upserts: sessions, removals: fc.array(fc.integer({ min: 0, max: 40 }).map((n) => `flow_${n}`), { maxLength: 4 }) });
    fc.assert(
      fc.property(sessions, fc.array(delta, { maxLength: 5 }), (start, deltas) => {
        let index = SessionIndex.of(start);
        let view = commandCenter(index.all, NOW);
        for (const d of deltas) {
          const next = index.apply(d.upserts, d.removals);
          if (next === index) continue; // nothing changed: the store keeps the same index
          const changed = next.changedSince(index);
          expect(changed).not.toBeNull();
          view = commandCenterAfter(view, changed!, (id) => next.get(id), NOW);
          expect(view).toEqual(commandCenter(next.all, NOW));
          index = next;
        }
      }),
    );
  });
});
