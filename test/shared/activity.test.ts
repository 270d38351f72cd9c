import { describe, expect, it } from 'vitest';
import { activeUntil, CHAT_QUIET_AFTER_MS, isActive, isRecent, RECENT_WINDOW_MS } from '../../src/shared/sessions';
import { ago, chat, checkpoint, flowRun, HOUR, iso, MINUTE, NOW, SECOND, task } from './fixtures';

describe('the windows', () => {
  it('are 30 minutes and 24 hours', () => {
    expect(CHAT_QUIET_AFTER_MS).toBe(1_800_000);
    expect(RECENT_WINDOW_MS).toBe(86_400_000);
  });
});

describe('isActive: flow runs', () => {
  it.each([
    ['pending', true],
    ['running', true],
    ['paused', true],
    ['succeeded', false],
    ['failed', false],
    ['rejected', false],
    ['cancelled', false],
    ['thinking', false],
    ['queued', false],
    ['open', false],
  ])('%s → %s', (status, expected) => {
    expect(isActive(flowRun({ status }), NOW)).toBe(expected);
  });

  it('does not depend on the clock', () => {
    const old = flowRun({ status: 'running', updatedAt: ago(30 * 24 * HOUR) });
    expect(isActive(old, NOW)).toBe(true);
    expect(isActive(flowRun({ status: 'succeeded', updatedAt: ago(SECOND) }), NOW)).toBe(false);
  });
});

describe('isActive: background tasks', () => {
  it.each([
    ['provisioning', true],
    ['queued', true],
    ['running', true],
    ['waiting', true],
    ['completed', false],
    ['failed', false],
    ['cancelled', false],
    ['hibernating', false],
    ['paused', false],
    ['pending', false],
  ])('%s → %s', (status, expected) => {
    expect(isActive(task({ status }), NOW)).toBe(expected);
  });
});

describe('isActive: chats', () => {
  const openChat = (sinceLastMessage: number) => chat({ status: 'open', chat: { lastMessageAt: ago(sinceLastMessage) } });

  it('an open chat with a message just now is active', () => {
    expect(isActive(openChat(0), NOW)).toBe(true);
  });

  it('is active at 29:59 since the last message', () => {
    expect(isActive(openChat(29 * MINUTE + 59 * SECOND), NOW)).toBe(true);
  });

  it('is still active 1 ms before the 30-minute mark', () => {
    expect(isActive(openChat(30 * MINUTE - 1), NOW)).toBe(true);
  });

  it('goes quiet at exactly 30:00', () => {
    expect(isActive(openChat(30 * MINUTE), NOW)).toBe(false);
  });

  it('is quiet at 30:01', () => {
    expect(isActive(openChat(30 * MINUTE + SECOND), NOW)).toBe(false);
  });

  it('moves by the clock alone: the same session is active, then quiet', () => {
    const s = chat({ chat: { lastMessageAt: iso(NOW) } });
    expect(isActive(s, NOW + 29 * MINUTE + 59 * SECOND)).toBe(true);
    expect(isActive(s, NOW + 30 * MINUTE + SECOND)).toBe(false);
  });

  it('does not look at updatedAt', () => {
    const s = chat({ updatedAt: ago(SECOND), chat: { lastMessageAt: ago(HOUR) } });
    expect(isActive(s, NOW)).toBe(false);
  });

  it('an ended chat with a message a second ago is not active', () => {
    expect(isActive(chat({ status: 'ended', chat: { ended: true, lastMessageAt: ago(SECOND) } }), NOW)).toBe(false);
    expect(isActive(chat({ status: 'ended', chat: { ended: false, lastMessageAt: ago(SECOND) } }), NOW)).toBe(false);
    expect(isActive(chat({ status: 'open', chat: { ended: true, lastMessageAt: ago(SECOND) } }), NOW)).toBe(false);
  });

  it('a pending checkpoint does not make a quiet chat active', () => {
    expect(isActive(chat({ checkpoint: checkpoint(), chat: { lastMessageAt: ago(HOUR) } }), NOW)).toBe(false);
  });

  it('a last message slightly in the future (clock skew) counts as recent', () => {
    expect(isActive(chat({ chat: { lastMessageAt: iso(NOW + 5 * SECOND) } }), NOW)).toBe(true);
  });

  it('accepts timestamps with an offset', () => {
    // 10:45+01:00 is 09:45Z, 15 minutes before NOW.
    expect(isActive(chat({ chat: { lastMessageAt: '2026-11-24T10:45:00.000+01:00' } }), NOW)).toBe(true);
    // 10:25+01:00 is 09:25Z, 35 minutes before NOW.
    expect(isActive(chat({ chat: { lastMessageAt: '2026-11-24T10:25:00+01:00' } }), NOW)).toBe(false);
  });
});

describe('activeUntil', () => {
  it('is the 30-minute mark of an active chat', () => {
    const s = chat({ chat: { lastMessageAt: ago(10 * MINUTE) } });
    expect(activeUntil(s, NOW)).toBe(NOW + 20 * MINUTE);
  });

  it('is the first instant at which the chat is quiet', () => {
    const s = chat({ chat: { lastMessageAt: ago(10 * MINUTE) } });
    const until = activeUntil(s, NOW);
    expect(until).not.toBeNull();
    expect(isActive(s, until! - 1)).toBe(true);
    expect(isActive(s, until!)).toBe(false);
  });

  it('is null for a chat that is already quiet', () => {
    expect(activeUntil(chat({ chat: { lastMessageAt: ago(30 * MINUTE) } }), NOW)).toBeNull();
    expect(activeUntil(chat({ chat: { lastMessageAt: ago(3 * HOUR) } }), NOW)).toBeNull();
  });

  it('is null for an ended chat, even with a recent message', () => {
    expect(activeUntil(chat({ status: 'ended', chat: { ended: true, lastMessageAt: ago(MINUTE) } }), NOW)).toBeNull();
  });

  it('is null for flow runs and tasks, active or not: only the server moves them', () => {
    expect(activeUntil(flowRun({ status: 'running' }), NOW)).toBeNull();
    expect(activeUntil(flowRun({ status: 'succeeded' }), NOW)).toBeNull();
    expect(activeUntil(task({ status: 'queued' }), NOW)).toBeNull();
    expect(activeUntil(task({ status: 'completed' }), NOW)).toBeNull();
  });
});

describe('isRecent', () => {
  const updated = (since: number) => flowRun({ status: 'succeeded', updatedAt: ago(since) });

  it('is recent at 23:59:59 since updatedAt', () => {
    expect(isRecent(updated(23 * HOUR + 59 * MINUTE + 59 * SECOND), NOW)).toBe(true);
  });

  it('is not recent at 24:00:01 since updatedAt', () => {
    expect(isRecent(updated(24 * HOUR + SECOND), NOW)).toBe(false);
  });

  it('is recent a moment ago and not a week ago', () => {
    expect(isRecent(updated(0), NOW)).toBe(true);
    expect(isRecent(updated(7 * 24 * HOUR), NOW)).toBe(false);
  });

  it('looks at updatedAt, not createdAt or lastMessageAt', () => {
    const oldButMoved = task({ status: 'completed', createdAt: ago(72 * HOUR), updatedAt: ago(HOUR) });
    expect(isRecent(oldButMoved, NOW)).toBe(true);
    const quietChat = chat({ status: 'ended', updatedAt: ago(25 * HOUR), chat: { ended: true, lastMessageAt: ago(HOUR) } });
    expect(isRecent(quietChat, NOW)).toBe(false);
  });

  it('moves by the clock alone', () => {
    const s = task({ status: 'completed', updatedAt: iso(NOW) });
    expect(isRecent(s, NOW + 24 * HOUR - SECOND)).toBe(true);
    expect(isRecent(s, NOW + 24 * HOUR + SECOND)).toBe(false);
  });
});
