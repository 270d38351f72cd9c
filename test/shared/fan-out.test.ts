import { describe, expect, it } from 'vitest';
import { CommandRequest, type CommandReply } from '../../src/shared/api';
import { classifyOutcome, fanOutCommands, outcomeLine, summarizeFanOut, waitingChildren, type FanOutOutcome } from '../../src/shared/sessions/fan-out';
import { checkpoint, flowRun, task } from './fixtures';

const ok: CommandReply = { ok: true };
const fail = (code: string, message: string): CommandReply => ({ ok: false, code, message });
const out = (i: number, reply: CommandReply, action: 'approve' | 'reject' = 'approve'): FanOutOutcome => ({ sessionId: `bt_${i}`, checkpointId: `cp_${i}`, action, reply });
const approved = (n: number) => Array.from({ length: n }, (_, i) => out(i, ok));

describe('fan-out: which children wait', () => {
  it('lists the children at a checkpoint in the parent’s order, from what the detail view holds', () => {
    const parent = task({ id: 'bt_p', task: { childIds: ['bt_c', 'bt_a', 'bt_gone', 'bt_b', 'bt_a'] } });
    const related = [
      task({ id: 'bt_a', status: 'waiting', checkpoint: checkpoint('cp_a') }),
      task({ id: 'bt_b', status: 'running' }),
      task({ id: 'bt_c', status: 'waiting', checkpoint: checkpoint('cp_c') }),
      // The parent's origin is in `related` too; at a checkpoint, it is still not a child.
      flowRun({ id: 'fr_origin', status: 'paused', checkpoint: checkpoint('cp_o') }),
    ];
    const waiting = waitingChildren(parent, related);
    expect(waiting.map((w) => [w.session.id, w.checkpoint.id])).toEqual([['bt_c', 'cp_c'], ['bt_a', 'cp_a']]);
  });
});

describe('fan-out: the commands one press sends', () => {
  const children = ['a', 'b', 'c'].map((x) => {
    const session = task({ id: `bt_${x}`, status: 'waiting', checkpoint: checkpoint(`cp_${x}`) });
    return { session, checkpoint: session.checkpoint! };
  });

  it('approve all: one approve per child, with the checkpoint the person saw', () => {
    const sent = fanOutCommands(children, 'approve', new Set(), 'ignored: nothing is rejected');
    expect(sent).toEqual([
      { action: 'approve', sessionId: 'bt_a', checkpointId: 'cp_a' },
      { action: 'approve', sessionId: 'bt_b', checkpointId: 'cp_b' },
      { action: 'approve', sessionId: 'bt_c', checkpointId: 'cp_c' },
    ]);
    for (const c of sent) expect(CommandRequest.safeParse(c).success).toBe(true);
  });

  it('approve all rejects the vetoed ones, with the comment; a veto of an older checkpoint does not count', () => {
    const sent = fanOutCommands(children, 'approve', new Set(['cp_b', 'cp_old']), '  not this one  ');
    expect(sent).toEqual([
      { action: 'approve', sessionId: 'bt_a', checkpointId: 'cp_a' },
      { action: 'reject', sessionId: 'bt_b', checkpointId: 'cp_b', comment: 'not this one' },
      { action: 'approve', sessionId: 'bt_c', checkpointId: 'cp_c' },
    ]);
  });

  it('reject all rejects every child, a blank comment being none', () => {
    const sent = fanOutCommands(children, 'reject', new Set(['cp_a']), '   ');
    expect(sent.map((c) => c.action)).toEqual(['reject', 'reject', 'reject']);
    expect(sent.every((c) => !('comment' in c))).toBe(true);
  });
});

describe('fan-out: the outcome in words', () => {
  it('says "7 approved, 1 already decided by Grace"', () => {
    const outcomes = [...approved(7), out(7, fail('conflict', 'checkpoint cp_7 was already approved by Grace'))];
    expect(summarizeFanOut(outcomes)).toEqual({ text: '7 approved, 1 already decided by Grace', allDone: false, unsettled: 0 });
  });

  it('all done', () => {
    expect(summarizeFanOut(approved(3))).toEqual({ text: '3 approved', allDone: true, unsettled: 0 });
    expect(summarizeFanOut([out(0, ok), out(1, ok, 'reject')])).toEqual({ text: '1 approved, 1 rejected', allDone: true, unsettled: 0 });
  });

  it('groups who decided first, in the order they appear, each decision told per child', () => {
    const grace = out(1, fail('conflict', 'checkpoint cp_1 was already rejected by Grace Hopper'));
    const outcomes = [
      out(0, ok),
      grace,
      out(2, fail('conflict', 'checkpoint cp_2 was already approved by Alan Turing')),
      out(3, fail('conflict', 'checkpoint cp_3 was already approved by Grace Hopper')),
    ];
    expect(summarizeFanOut(outcomes).text).toBe('1 approved, 2 already decided by Grace Hopper, 1 already decided by Alan Turing');
    expect(classifyOutcome(grace)).toEqual({ kind: 'decided', decision: 'rejected', by: 'Grace Hopper' });
    expect(outcomeLine(grace)).toBe('Already rejected by Grace Hopper');
  });

  it('words every other failure: offline, not found, a checkpoint that moved on, no answer, forbidden, throttled, the rest', () => {
    const outcomes = [
      out(0, ok, 'reject'),
      out(1, fail('offline', 'offline: not connected to Disco Parrot, so nothing was sent')),
      out(2, fail('offline', 'offline: not connected to Disco Parrot, so nothing was sent')),
      out(3, fail('not_found', 'session bt_3 does not exist')),
      out(4, fail('conflict', 'checkpoint cp_4 is not pending on bt_4')),
      out(5, fail('timeout', 'no answer from Disco Parrot within 30 s; check the session before trying again')),
      out(6, fail('forbidden', 'only owners may decide')),
      out(7, fail('rate_limited', 'slow down')),
      out(8, fail('internal', 'boom')),
      out(9, fail('error', 'the connection to the Parrot Tray preview was lost')),
    ];
    const summary = summarizeFanOut(outcomes);
    expect(summary.text).toBe(
      '1 rejected, 1 no longer waiting, 1 no longer exists, 2 not sent (offline), 1 not answered in time, 1 not allowed, 1 refused (too many requests), 2 failed',
    );
    expect(summary).toMatchObject({ allDone: false, unsettled: 9 });
    expect(outcomes.map(outcomeLine)).toEqual([
      'Rejected',
      'Not sent: offline',
      'Not sent: offline',
      'No longer exists',
      'No longer waiting: checkpoint cp_4 is not pending on bt_4',
      'No answer: no answer from Disco Parrot within 30 s; check the session before trying again',
      'Not allowed: only owners may decide',
      'Refused: too many requests, try again shortly',
      'Failed: boom',
      'Failed: the connection to the Parrot Tray preview was lost',
    ]);
  });

  it('two gone is plural, and nothing sent says so', () => {
    expect(summarizeFanOut([out(0, fail('not_found', 'x')), out(1, fail('not_found', 'y'))]).text).toBe('2 no longer exist');
    expect(summarizeFanOut([])).toEqual({ text: 'Nothing was sent', allDone: false, unsettled: 0 });
  });
});
