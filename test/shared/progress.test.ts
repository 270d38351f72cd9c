import { describe, expect, it } from 'vitest';
import { progressLabel } from '../../src/shared/sessions';
import { chat, flowRun, task } from './fixtures';

describe('progressLabel', () => {
  it('flow run: "Step 2 of 5"', () => {
    expect(progressLabel(flowRun({ flow: { stepIndex: 2, stepCount: 5 } }))).toBe('Step 2 of 5');
  });

  it('flow run: first and last step', () => {
    expect(progressLabel(flowRun({ flow: { stepIndex: 1, stepCount: 3 } }))).toBe('Step 1 of 3');
    expect(progressLabel(flowRun({ flow: { stepIndex: 3, stepCount: 3 } }))).toBe('Step 3 of 3');
  });

  it('flow run: reads the numbers, not the steps array', () => {
    const s = flowRun({ flow: { stepIndex: 4, stepCount: 7, steps: [{ name: 'Scan', status: 'succeeded' }] } });
    expect(progressLabel(s)).toBe('Step 4 of 7');
  });

  it.each([
    [12, '12 turns'],
    [1, '1 turn'],
    [0, '0 turns'],
    [2, '2 turns'],
    [11, '11 turns'],
    [21, '21 turns'],
  ])('task with %i turns: %j', (turns, label) => {
    expect(progressLabel(task({ task: { turns } }))).toBe(label);
  });

  it.each([
    [8, '8 messages'],
    [1, '1 message'],
    [0, '0 messages'],
    [101, '101 messages'],
  ])('chat with %i messages: %j', (messageCount, label) => {
    expect(progressLabel(chat({ chat: { messageCount } }))).toBe(label);
  });

  it('does not depend on status', () => {
    expect(progressLabel(task({ status: 'completed', task: { turns: 1 } }))).toBe('1 turn');
    expect(progressLabel(chat({ status: 'ended', chat: { ended: true, messageCount: 1 } }))).toBe('1 message');
  });
});
