import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/shared/protocol';
import { commandCenterView, compareByRecency, orderSessions } from '../../src/shared/sessions';
import { ago, chat, flowRun, HOUR, MINUTE, NOW, SECOND, task } from './fixtures';

const ids = (sessions: readonly Session[]): string[] => sessions.map((s) => s.id);

describe('compareByRecency', () => {
  it('puts the newer updatedAt first', () => {
    const newer = flowRun({ id: 'a', updatedAt: ago(MINUTE) });
    const older = flowRun({ id: 'b', updatedAt: ago(HOUR) });
    expect(compareByRecency(newer, older)).toBeLessThan(0);
    expect(compareByRecency(older, newer)).toBeGreaterThan(0);
  });

  it('breaks ties by id ascending', () => {
    const a = flowRun({ id: 'fr_1', updatedAt: ago(MINUTE) });
    const b = task({ id: 'fr_2', updatedAt: ago(MINUTE) });
    expect(compareByRecency(a, b)).toBeLessThan(0);
    expect(compareByRecency(b, a)).toBeGreaterThan(0);
    expect(compareByRecency(a, { ...a })).toBe(0);
  });

  it('compares instants, not strings: an offset timestamp sorts by its instant', () => {
    // 10:30+01:00 is 09:30Z, older than 09:45Z though it sorts later as a string.
    const offset = flowRun({ id: 'a', updatedAt: '2026-11-24T10:30:00.000+01:00' });
    const utc = flowRun({ id: 'b', updatedAt: '2026-11-24T09:45:00.000Z' });
    expect(ids([offset, utc].sort(compareByRecency))).toEqual(['b', 'a']);
  });

  it('ties on the same instant written two ways fall back to id', () => {
    const x = flowRun({ id: 'y', updatedAt: '2026-11-24T10:30:00.000+01:00' });
    const y = flowRun({ id: 'x', updatedAt: '2026-11-24T09:30:00Z' });
    expect(ids([x, y].sort(compareByRecency))).toEqual(['x', 'y']);
  });
});

describe('orderSessions', () => {
  const doneNew = flowRun({ id: 'done_new', status: 'succeeded', updatedAt: ago(SECOND) });
  const doneOld = task({ id: 'done_old', status: 'failed', updatedAt: ago(3 * HOUR) });
  const runOld = flowRun({ id: 'run_old', status: 'running', updatedAt: ago(2 * HOUR) });
  const runNew = task({ id: 'run_new', status: 'queued', updatedAt: ago(MINUTE) });
  const chatLive = chat({ id: 'chat_live', updatedAt: ago(10 * MINUTE), chat: { lastMessageAt: ago(10 * MINUTE) } });
  const chatQuiet = chat({ id: 'chat_quiet', updatedAt: ago(40 * MINUTE), chat: { lastMessageAt: ago(40 * MINUTE) } });

  it('puts active sessions first, newest updatedAt first within each group', () => {
    const ordered = orderSessions([doneOld, chatQuiet, runOld, doneNew, chatLive, runNew], NOW);
    expect(ids(ordered)).toEqual(['run_new', 'chat_live', 'run_old', 'done_new', 'chat_quiet', 'done_old']);
  });

  it('an active session older than every inactive one still comes first', () => {
    const ancient = flowRun({ id: 'ancient', status: 'paused', updatedAt: ago(30 * 24 * HOUR) });
    expect(ids(orderSessions([doneNew, ancient], NOW))).toEqual(['ancient', 'done_new']);
  });

  it('breaks updatedAt ties by id ascending, in both groups', () => {
    const at = ago(5 * MINUTE);
    const input = [
      task({ id: 'c', status: 'completed', updatedAt: at }),
      flowRun({ id: 'b', status: 'running', updatedAt: at }),
      task({ id: 'a', status: 'completed', updatedAt: at }),
      flowRun({ id: 'd', status: 'running', updatedAt: at }),
    ];
    expect(ids(orderSessions(input, NOW))).toEqual(['b', 'd', 'a', 'c']);
  });

  it('gives the same order whatever the input order', () => {
    const all = [doneOld, chatQuiet, runOld, doneNew, chatLive, runNew];
    const expected = ids(orderSessions(all, NOW));
    expect(ids(orderSessions([...all].reverse(), NOW))).toEqual(expected);
    expect(ids(orderSessions([runNew, doneNew, chatQuiet, chatLive, doneOld, runOld], NOW))).toEqual(expected);
  });

  it('moves a chat to the rest when it goes quiet by the clock', () => {
    expect(ids(orderSessions([doneNew, chatLive], NOW))).toEqual(['chat_live', 'done_new']);
    expect(ids(orderSessions([doneNew, chatLive], NOW + 21 * MINUTE))).toEqual(['done_new', 'chat_live']);
  });

  it('does not mutate its input', () => {
    const input = [doneOld, runNew];
    orderSessions(input, NOW);
    expect(ids(input)).toEqual(['done_old', 'run_new']);
  });

  it('handles an empty list', () => {
    expect(orderSessions([], NOW)).toEqual([]);
  });
});

describe('commandCenterView', () => {
  const live = flowRun({ id: 'live', status: 'running', updatedAt: ago(3 * 24 * HOUR) });
  const waiting = task({ id: 'waiting', status: 'waiting', updatedAt: ago(HOUR) });
  const liveChat = chat({ id: 'live_chat', updatedAt: ago(2 * MINUTE), chat: { lastMessageAt: ago(2 * MINUTE) } });
  const quietChat = chat({ id: 'quiet_chat', updatedAt: ago(2 * HOUR), chat: { lastMessageAt: ago(2 * HOUR) } });
  const endedChat = chat({ id: 'ended_chat', status: 'ended', updatedAt: ago(MINUTE), chat: { ended: true, lastMessageAt: ago(MINUTE) } });
  const justInside = task({ id: 'inside', status: 'completed', updatedAt: ago(24 * HOUR - SECOND) });
  const justOutside = task({ id: 'outside', status: 'completed', updatedAt: ago(24 * HOUR + SECOND) });
  const weekOld = flowRun({ id: 'week_old', status: 'failed', updatedAt: ago(7 * 24 * HOUR) });
  const all = [weekOld, justOutside, quietChat, live, endedChat, justInside, liveChat, waiting];

  it('Active Now is the active set, newest first, whatever its age', () => {
    expect(ids(commandCenterView(all, NOW).activeNow)).toEqual(['live_chat', 'waiting', 'live']);
  });

  it('Recent is every other session moved within 24 hours, newest first', () => {
    expect(ids(commandCenterView(all, NOW).recent)).toEqual(['ended_chat', 'quiet_chat', 'inside']);
  });

  it('leaves out non-active sessions older than 24 hours', () => {
    const view = commandCenterView(all, NOW);
    const shown = [...ids(view.activeNow), ...ids(view.recent)];
    expect(shown).not.toContain('outside');
    expect(shown).not.toContain('week_old');
    expect(shown).toHaveLength(6);
  });

  it('never shows a session in both lists', () => {
    const view = commandCenterView(all, NOW);
    const recent = new Set(ids(view.recent));
    expect(ids(view.activeNow).filter((id) => recent.has(id))).toEqual([]);
  });

  it('a chat that goes quiet moves from Active Now to Recent by the clock alone', () => {
    const later = NOW + 29 * MINUTE;
    const view = commandCenterView([liveChat, justInside], later);
    expect(ids(view.activeNow)).toEqual([]);
    expect(ids(view.recent)).toEqual(['live_chat']);
  });

  it('a quiet chat older than 24 hours is in neither list', () => {
    const stale = chat({ id: 'stale', updatedAt: ago(25 * HOUR), chat: { lastMessageAt: ago(25 * HOUR) } });
    expect(commandCenterView([stale], NOW)).toEqual({ activeNow: [], recent: [] });
  });

  it('breaks ties in Recent by id', () => {
    const at = ago(HOUR);
    const view = commandCenterView(
      [task({ id: 'z', status: 'completed', updatedAt: at }), flowRun({ id: 'm', status: 'cancelled', updatedAt: at })],
      NOW,
    );
    expect(ids(view.recent)).toEqual(['m', 'z']);
  });
});
