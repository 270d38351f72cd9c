import { describe, expect, it } from 'vitest';
import { CommandFrame, decodeClientFrame, readChangeItem, readSession, readTranscriptEntry, SnapshotEnvelope, TranscriptGetFrame } from '../../src/shared/protocol';
import { chat, checkpoint, flowRun, task } from './fixtures';

/** PROTOCOL.md sections 1 and 4: items read one by one; absent and null alike; junk in an optional field read as absent. */
describe('reading one item', () => {
  it('keeps a session with every optional field absent or null, and an unknown status', () => {
    const bare = { ...flowRun({ status: 'teleporting' }), webUrl: null, error: undefined, flow: { stepIndex: 1, stepCount: 2, steps: null } };
    const read = readSession(bare);
    expect(read.ok && read.value).toMatchObject({ status: 'teleporting', flow: { steps: [] }, error: null });
    expect(readSession({ ...task(), task: { turns: 1, childIds: null, parentId: null } })).toMatchObject({ ok: true, value: { task: { childIds: [] } } });
    expect(readSession({ ...task(), checkpoint: { ...checkpoint(), step: null } }).ok).toBe(true);
    expect(readSession({ ...chat(), origin: null, initiative: null, plan: null }).ok).toBe(true);
  });

  it('reads junk in an optional field as absent, and junk in a required one as unreadable, naming the id and the path only', () => {
    expect(readSession({ ...flowRun(), origin: 'vscode', webUrl: 7 })).toMatchObject({ ok: true, value: { origin: undefined, webUrl: undefined } });
    const bad = readSession({ ...flowRun({ id: 'fr_7' }), title: 'secret ghp_123', owner: { id: 'u_1' } });
    expect(bad).toEqual({ ok: false, id: 'fr_7', reason: 'owner.name: invalid_type' });
    expect(readSession({ ...flowRun(), id: 42 })).toMatchObject({ ok: false, id: null });
    expect(readSession('nope')).toEqual({ ok: false, id: null, reason: 'not an object' });
  });

  it('places a change item by its position: a wrong or missing seq, or an unknown op, skips that item only', () => {
    expect(readChangeItem({ seq: 5, op: 'remove', id: 'fr_1' }, 5)).toEqual({ ok: true, value: { seq: 5, op: 'remove', id: 'fr_1' } });
    expect(readChangeItem({ seq: 6, op: 'upsert', session: flowRun({ id: 'fr_2' }) }, 5)).toMatchObject({ ok: false, id: 'fr_2' });
    expect(readChangeItem({ op: 'patch', session: flowRun({ id: 'fr_3' }) }, 5)).toMatchObject({ ok: false, id: 'fr_3' });
    expect(readChangeItem({ seq: 5, op: 'merge', id: 'fr_3' }, 5)).toMatchObject({ ok: false, id: 'fr_3', reason: 'op: invalid_value' });
    expect(readChangeItem({ seq: 5, op: 'upsert', session: { ...flowRun({ id: 'fr_4' }), kind: 'x' } }, 5)).toMatchObject({ ok: false, id: 'fr_4', reason: expect.stringMatching(/^session\.kind/) });
    expect(readChangeItem(null, 5)).toEqual({ ok: false, id: null, reason: 'not an object' });
  });

  it('reads a transcript entry on its own, keeping the seq of one it skips', () => {
    expect(readTranscriptEntry({ seq: 3, at: '2026-11-24T10:00:00Z', kind: 'message', message: { role: 'agent', text: 'x', author: null } }).ok).toBe(true);
    expect(readTranscriptEntry({ seq: 4, at: '2026-11-24T10:00:00Z', kind: 'message', message: { role: 'robot' } })).toMatchObject({ ok: false, seq: 4 });
  });
});

describe('envelopes: absent and null mean the same, on both sides', () => {
  it('a snapshot page is checked for its envelope only; a last page still needs its seq', () => {
    expect(SnapshotEnvelope.safeParse({ type: 'snapshot', page: 0, sessions: [1, 'junk'], last: false, seq: null }).success).toBe(true);
    expect(SnapshotEnvelope.safeParse({ type: 'snapshot', page: 0, sessions: [], last: true, seq: null }).success).toBe(false);
  });

  it('the demo backend accepts null for the optional fields of what it receives', () => {
    expect(TranscriptGetFrame.parse({ type: 'transcript.get', reqId: 'r', sessionId: 'fr_1', afterSeq: null, limit: null })).toMatchObject({ afterSeq: 0 });
    expect(CommandFrame.safeParse({ type: 'command', reqId: 'c', action: 'approve', sessionId: 'fr_1', checkpointId: 'cp_1', comment: null }).success).toBe(true);
    expect(CommandFrame.safeParse({ type: 'command', reqId: 'c', action: 'approve', sessionId: 'fr_1', checkpointId: null }).success).toBe(false);
    expect(decodeClientFrame(JSON.stringify({ type: 'command', reqId: 'c', action: 'cancel', sessionId: 'fr_1', checkpointId: null, comment: null })).kind).toBe('frame');
  });
});
