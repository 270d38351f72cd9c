import { describe, expect, it } from 'vitest';
import {
  ChangesFrame,
  CommandFrame,
  ErrorFrame,
  HelloFrame,
  MAX_CHANGES_BATCH,
  MAX_SNAPSHOT_PAGE,
  ResultFrame,
  SnapshotFrame,
  SubscribeFrame,
  TranscriptGetFrame,
} from '../../src/shared/protocol';
import { flowRun, HELLO, task } from './fixtures';

const remove = (seq: number, id = `fr_${seq}`) => ({ seq, op: 'remove', id });
const changes = (items: unknown[], fromSeq: number, toSeq: number) => ({ type: 'changes', fromSeq, toSeq, items });

describe('hello, subscribe, result, error: the spec examples', () => {
  it('parse', () => {
    expect(HelloFrame.parse(HELLO)).toEqual(HELLO);
    expect(SubscribeFrame.parse({ type: 'subscribe', since: 48000 })).toEqual({ type: 'subscribe', since: 48000 });
    expect(SubscribeFrame.parse({ type: 'subscribe', since: null })).toEqual({ type: 'subscribe', since: null });
    expect(ResultFrame.safeParse({ type: 'result', reqId: 'c_1', ok: true }).success).toBe(true);
    const conflict = { code: 'conflict', message: 'checkpoint cp_3 was already rejected by Grace' };
    expect(ResultFrame.safeParse({ type: 'result', reqId: 'c_1', ok: false, error: conflict }).success).toBe(true);
    expect(ErrorFrame.safeParse({ type: 'error', code: 'rate_limited', message: '…', retryAfterMs: 5000 }).success).toBe(true);
  });

  it('rejects a subscribe without since, or with a negative one', () => {
    expect(SubscribeFrame.safeParse({ type: 'subscribe' }).success).toBe(false);
    expect(SubscribeFrame.safeParse({ type: 'subscribe', since: -1 }).success).toBe(false);
  });

  it('rejects a failed result without its error', () => {
    expect(ResultFrame.safeParse({ type: 'result', reqId: 'c_1', ok: false }).success).toBe(false);
  });

  it('rejects a hello with a non-positive heartbeat', () => {
    const hello = { type: 'hello', protocol: 1, serverTime: '2026-11-24T10:00:00.000Z', tenant: { id: 't', name: 'T' } };
    expect(HelloFrame.safeParse({ ...hello, user: { id: 'u', name: 'U' }, headSeq: 0, heartbeatMs: 0 }).success).toBe(false);
  });
});

describe('changes', () => {
  it('accepts the section 3.4 example', () => {
    const frame = changes(
      [
        { seq: 48211, op: 'upsert', session: flowRun({ id: 'fr_7' }) },
        { seq: 48212, op: 'upsert', session: task({ id: 'bt_2' }) },
        remove(48213, 'fr_9'),
      ],
      48211,
      48213,
    );
    expect(ChangesFrame.safeParse(frame).success).toBe(true);
  });

  it('accepts a single item', () => {
    expect(ChangesFrame.safeParse(changes([remove(5)], 5, 5)).success).toBe(true);
  });

  it('rejects non-contiguous seq', () => {
    expect(ChangesFrame.safeParse(changes([remove(1), remove(3)], 1, 3)).success).toBe(false);
    expect(ChangesFrame.safeParse(changes([remove(1), remove(2), remove(4)], 1, 4)).success).toBe(false);
  });

  it('rejects repeated or decreasing seq', () => {
    expect(ChangesFrame.safeParse(changes([remove(2), remove(2)], 2, 2)).success).toBe(false);
    expect(ChangesFrame.safeParse(changes([remove(2), remove(1)], 2, 1)).success).toBe(false);
  });

  it('rejects fromSeq or toSeq that disagree with the items', () => {
    expect(ChangesFrame.safeParse(changes([remove(1), remove(2)], 0, 2)).success).toBe(false);
    expect(ChangesFrame.safeParse(changes([remove(1), remove(2)], 1, 3)).success).toBe(false);
  });

  it('rejects an empty batch without throwing', () => {
    // A batch has a first and a last item; an empty one must be invalid, not a crash of the reader.
    expect(() => ChangesFrame.safeParse(changes([], 1, 1))).not.toThrow();
    expect(ChangesFrame.safeParse(changes([], 1, 1)).success).toBe(false);
  });

  it('accepts 1000 items and rejects 1001', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => remove(i + 1));
    expect(MAX_CHANGES_BATCH).toBe(1000);
    expect(ChangesFrame.safeParse(changes(items(1000), 1, 1000)).success).toBe(true);
    expect(ChangesFrame.safeParse(changes(items(1001), 1, 1001)).success).toBe(false);
  });

  it('rejects an unknown op and an upsert without a valid session', () => {
    expect(ChangesFrame.safeParse(changes([{ seq: 1, op: 'patch', id: 'fr_1' }], 1, 1)).success).toBe(false);
    expect(ChangesFrame.safeParse(changes([{ seq: 1, op: 'upsert' }], 1, 1)).success).toBe(false);
    const noFlow = { ...flowRun(), flow: undefined };
    expect(ChangesFrame.safeParse(changes([{ seq: 1, op: 'upsert', session: noFlow }], 1, 1)).success).toBe(false);
  });
});

describe('snapshot', () => {
  it('accepts a first page without seq and a last page with it', () => {
    expect(SnapshotFrame.safeParse({ type: 'snapshot', page: 0, sessions: [flowRun()], last: false }).success).toBe(true);
    expect(SnapshotFrame.safeParse({ type: 'snapshot', page: 1, sessions: [task()], last: true, seq: 48210 }).success).toBe(true);
  });

  it('accepts an empty tenant: one last page with no sessions', () => {
    expect(SnapshotFrame.safeParse({ type: 'snapshot', page: 0, sessions: [], last: true, seq: 0 }).success).toBe(true);
  });

  it('rejects a last page without seq', () => {
    expect(SnapshotFrame.safeParse({ type: 'snapshot', page: 1, sessions: [], last: true }).success).toBe(false);
  });

  it('accepts 500 sessions on a page and rejects 501', () => {
    const page = (n: number) => ({ type: 'snapshot', page: 0, last: false, sessions: Array.from({ length: n }, () => flowRun()) });
    expect(MAX_SNAPSHOT_PAGE).toBe(500);
    expect(SnapshotFrame.safeParse(page(500)).success).toBe(true);
    expect(SnapshotFrame.safeParse(page(501)).success).toBe(false);
  });
});

describe('command', () => {
  const command = { type: 'command', reqId: 'c_01J', sessionId: 'fr_7' };

  it('accepts the section 3.6 example', () => {
    const frame = { ...command, action: 'approve', checkpointId: 'cp_3', comment: 'ship it' };
    expect(CommandFrame.parse(frame)).toEqual(frame);
  });

  it('rejects approve and reject without checkpointId', () => {
    expect(CommandFrame.safeParse({ ...command, action: 'approve' }).success).toBe(false);
    expect(CommandFrame.safeParse({ ...command, action: 'reject', comment: 'no' }).success).toBe(false);
  });

  it('accepts reject with a checkpointId and no comment', () => {
    expect(CommandFrame.safeParse({ ...command, action: 'reject', checkpointId: 'cp_3' }).success).toBe(true);
  });

  it.each(['resume', 'cancel', 'end'])('accepts %s without checkpointId', (action) => {
    expect(CommandFrame.safeParse({ ...command, action }).success).toBe(true);
  });

  it('rejects an unknown action and a missing reqId', () => {
    expect(CommandFrame.safeParse({ ...command, action: 'delete' }).success).toBe(false);
    expect(CommandFrame.safeParse({ type: 'command', sessionId: 'fr_7', action: 'cancel' }).success).toBe(false);
  });
});

describe('transcript.get', () => {
  it('afterSeq defaults to 0', () => {
    const parsed = TranscriptGetFrame.parse({ type: 'transcript.get', reqId: 'r1', sessionId: 'fr_7' });
    expect(parsed.afterSeq).toBe(0);
  });
});
