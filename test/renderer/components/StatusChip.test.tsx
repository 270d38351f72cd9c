import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusChip } from '../../../src/renderer/src/components/StatusChip';
import type { Session } from '../../../src/shared/protocol';
import { chat, checkpoint, flowRun, task } from '../../shared/fixtures';

const cases: Array<[string, Session, string, string]> = [
  ['a running flow run', flowRun({ status: 'running' }), 'Running', 'active'],
  ['a pending flow run', flowRun({ status: 'pending' }), 'Pending', 'active'],
  ['a queued task', task({ status: 'queued' }), 'Queued', 'active'],
  ['a provisioning task', task({ status: 'provisioning' }), 'Provisioning', 'active'],
  ['an open chat', chat({ status: 'open' }), 'Open', 'active'],
  ['a paused flow run', flowRun({ status: 'paused' }), 'Paused', 'attention'],
  ['a waiting task', task({ status: 'waiting' }), 'Waiting', 'attention'],
  ['a pending checkpoint', flowRun({ status: 'running', checkpoint: checkpoint() }), 'Approval needed', 'attention'],
  ['a succeeded flow run', flowRun({ status: 'succeeded' }), 'Succeeded', 'success'],
  ['a completed task', task({ status: 'completed' }), 'Completed', 'success'],
  ['a failed task', task({ status: 'failed' }), 'Failed', 'problem'],
  ['a rejected flow run', flowRun({ status: 'rejected' }), 'Rejected', 'problem'],
  ['a cancelled flow run', flowRun({ status: 'cancelled' }), 'Cancelled', 'neutral'],
  ['an ended chat', chat({ status: 'ended', chat: { ended: true } }), 'Ended', 'neutral'],
  ['an unknown status', task({ status: 'on_hold' }), 'On hold', 'neutral'],
];

describe('StatusChip', () => {
  it.each(cases)('shows %s in words and in its category colour', (_name, session, words, category) => {
    render(<StatusChip session={session} />);
    const chip = screen.getByText(words);
    expect(chip.classList.contains(`chip-${category}`)).toBe(true);
  });
});
