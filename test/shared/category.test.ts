import { describe, expect, it } from 'vitest';
import { categoryOf, hasPendingCheckpoint, isChatEnded, type Category } from '../../src/shared/sessions';
import { chat, checkpoint, flowRun, task } from './fixtures';

// PROTOCOL.md section 5, written out by hand so a wrong table in src fails here.
const FLOW_RUN: [string, Category][] = [
  ['pending', 'active'],
  ['running', 'active'],
  ['paused', 'attention'],
  ['succeeded', 'success'],
  ['failed', 'problem'],
  ['rejected', 'problem'],
  ['cancelled', 'neutral'],
];
const TASK: [string, Category][] = [
  ['provisioning', 'active'],
  ['queued', 'active'],
  ['running', 'active'],
  ['waiting', 'attention'],
  ['completed', 'success'],
  ['failed', 'problem'],
  ['cancelled', 'neutral'],
];

describe('categoryOf: the status table', () => {
  it.each(FLOW_RUN)('flow run %s is %s', (status, category) => {
    expect(categoryOf(flowRun({ status }))).toBe(category);
  });

  it.each(TASK)('background task %s is %s', (status, category) => {
    expect(categoryOf(task({ status }))).toBe(category);
  });

  it('an open chat is active', () => {
    expect(categoryOf(chat({ status: 'open' }))).toBe('active');
  });

  it('an open chat stays in the active colour even when quiet (colour is by status, not by clock)', () => {
    expect(categoryOf(chat({ status: 'open', chat: { lastMessageAt: '2026-11-20T00:00:00.000Z' } }))).toBe('active');
  });

  it('an ended chat is neutral, by status or by the chat.ended flag', () => {
    expect(categoryOf(chat({ status: 'ended', chat: { ended: true } }))).toBe('neutral');
    expect(categoryOf(chat({ status: 'ended', chat: { ended: false } }))).toBe('neutral');
    expect(categoryOf(chat({ status: 'open', chat: { ended: true } }))).toBe('neutral');
  });
});

describe('categoryOf: pending checkpoint', () => {
  it.each([
    ['flow run running', flowRun({ status: 'running', checkpoint: checkpoint() })],
    ['flow run succeeded', flowRun({ status: 'succeeded', checkpoint: checkpoint() })],
    ['flow run failed', flowRun({ status: 'failed', checkpoint: checkpoint() })],
    ['flow run with unknown status', flowRun({ status: 'thinking', checkpoint: checkpoint() })],
    ['task queued', task({ status: 'queued', checkpoint: checkpoint() })],
    ['task cancelled', task({ status: 'cancelled', checkpoint: checkpoint() })],
    ['task completed', task({ status: 'completed', checkpoint: checkpoint() })],
    ['open chat', chat({ status: 'open', checkpoint: checkpoint() })],
    ['ended chat', chat({ status: 'ended', chat: { ended: true }, checkpoint: checkpoint() })],
  ])('%s with a checkpoint is attention', (_label, session) => {
    expect(categoryOf(session)).toBe('attention');
  });

  it('a null or absent checkpoint is no checkpoint', () => {
    expect(categoryOf(flowRun({ status: 'running', checkpoint: null }))).toBe('active');
    expect(categoryOf(flowRun({ status: 'running' }))).toBe('active');
    expect(hasPendingCheckpoint(flowRun({ checkpoint: null }))).toBe(false);
    expect(hasPendingCheckpoint(flowRun({ checkpoint: checkpoint() }))).toBe(true);
  });
});

describe('categoryOf: unknown statuses are neutral, never dropped', () => {
  it.each(['thinking', 'RUNNING', 'Succeeded', 'archived', ' running', 'constructor', 'toString', '__proto__'])(
    'flow run status %j is neutral',
    (status) => {
      expect(categoryOf(flowRun({ status }))).toBe('neutral');
    },
  );

  it('an unknown task status is neutral', () => {
    expect(categoryOf(task({ status: 'hibernating' }))).toBe('neutral');
  });

  it('a status that belongs to another kind is neutral', () => {
    expect(categoryOf(chat({ status: 'running' }))).toBe('neutral');
    expect(categoryOf(chat({ status: 'paused' }))).toBe('neutral');
    expect(categoryOf(flowRun({ status: 'open' }))).toBe('neutral');
    expect(categoryOf(flowRun({ status: 'waiting' }))).toBe('neutral');
    expect(categoryOf(flowRun({ status: 'completed' }))).toBe('neutral');
    expect(categoryOf(task({ status: 'paused' }))).toBe('neutral');
    expect(categoryOf(task({ status: 'succeeded' }))).toBe('neutral');
    expect(categoryOf(task({ status: 'rejected' }))).toBe('neutral');
    expect(categoryOf(task({ status: 'ended' }))).toBe('neutral');
  });
});

describe('isChatEnded', () => {
  it('is false for an open chat and for other kinds', () => {
    expect(isChatEnded(chat({ status: 'open', chat: { ended: false } }))).toBe(false);
    expect(isChatEnded(flowRun({ status: 'ended' }))).toBe(false);
    expect(isChatEnded(task({ status: 'ended' }))).toBe(false);
  });

  it('is true when either the status or the flag says ended', () => {
    expect(isChatEnded(chat({ status: 'ended' }))).toBe(true);
    expect(isChatEnded(chat({ status: 'open', chat: { ended: true } }))).toBe(true);
  });
});
