import { describe, expect, it } from 'vitest';
import { BridgeMessage, ViewUpdate } from '../../src/shared/api';
import { flowRun } from '../shared/fixtures';

const connection = { phase: 'live', nextTryAt: null, offlineSince: null, reason: null };

/** The renderer bridge (IPC and the web preview) follows PROTOCOL.md section 1: one bad session never drops the others. */
describe('view updates across the bridge', () => {
  it('a snapshot with one unreadable session keeps the others, and carries what could not be read', () => {
    const update = {
      kind: 'snapshot', version: 3, connection, user: null, skewMs: 0, demo: false,
      sessions: [flowRun({ id: 'fr_1' }), { ...flowRun({ id: 'fr_2' }), owner: 'nobody' }, flowRun({ id: 'fr_3' })],
      unreadable: { count: 2, ids: ['fr_9'] },
    };
    const parsed = BridgeMessage.parse({ t: 'view', update });
    expect(parsed.t === 'view' && parsed.update.kind === 'snapshot' && parsed.update.sessions.map((s) => s.id)).toEqual(['fr_1', 'fr_3']);
    expect(parsed.t === 'view' && parsed.update.kind === 'snapshot' && parsed.update.unreadable).toEqual({ count: 2, ids: ['fr_9'] });
  });

  it('a delta with one unreadable upsert applies the rest; unreadable is optional, so an older main side still fits', () => {
    const delta = ViewUpdate.parse({ kind: 'delta', version: 4, upserts: [flowRun({ id: 'fr_1' }), { id: 'fr_2' }], removals: ['fr_5'] });
    expect(delta.kind === 'delta' && delta.upserts.map((s) => s.id)).toEqual(['fr_1']);
    expect(delta.kind === 'delta' && delta.unreadable).toBeUndefined();
  });
});
