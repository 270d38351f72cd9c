import { describe, expect, it } from 'vitest';
import { CommandDesk } from '../../src/main/core/demo/commands';
import { DemoTenant } from '../../src/main/core/demo/tenant';
import { CHAT_STATUSES, FLOW_RUN_STATUSES, TASK_STATUSES, type Session } from '../../src/shared/protocol';
import {
  actionLabel,
  applicableActions,
  canAct,
  cancelConfirmation,
  canCancel,
  canEnd,
  canResume,
  SESSION_ACTIONS,
  type SessionAction,
} from '../../src/shared/sessions';
import { chat, checkpoint, flowRun, NOW, task } from './fixtures';

/** Every session shape the protocol allows: each kind in each of its statuses, with and without a checkpoint or the ended flag. */
function everyShape(): Session[] {
  const shapes: Session[] = [];
  for (const status of FLOW_RUN_STATUSES) {
    shapes.push(flowRun({ id: `fr_${status}`, status }));
    shapes.push(flowRun({ id: `fr_${status}_cp`, status, checkpoint: checkpoint(`cp_${status}`) }));
  }
  for (const status of TASK_STATUSES) {
    shapes.push(task({ id: `bt_${status}`, status }));
    shapes.push(task({ id: `bt_${status}_cp`, status, checkpoint: checkpoint(`cp_t_${status}`) }));
  }
  for (const status of CHAT_STATUSES) {
    shapes.push(chat({ id: `ch_${status}`, status, chat: { ended: false } }));
    shapes.push(chat({ id: `ch_${status}_flag`, status, chat: { ended: true } }));
  }
  return shapes;
}

describe('which session actions apply (PROTOCOL.md 3.6)', () => {
  it('resumes a paused run or a waiting task, and only without a checkpoint', () => {
    expect(canResume(flowRun({ status: 'paused' }))).toBe(true);
    expect(canResume(task({ status: 'waiting' }))).toBe(true);
    expect(canResume(flowRun({ status: 'paused', checkpoint: checkpoint() }))).toBe(false);
    expect(canResume(task({ status: 'waiting', checkpoint: checkpoint() }))).toBe(false);
    expect(canResume(flowRun({ status: 'running' }))).toBe(false);
    expect(canResume(task({ status: 'queued' }))).toBe(false);
    expect(canResume(chat({ status: 'open' }))).toBe(false);
  });

  it('cancels a run or task still in flight, paused or waiting included, and never a finished one or a chat', () => {
    for (const status of ['pending', 'running', 'paused']) expect(canCancel(flowRun({ status }))).toBe(true);
    for (const status of ['provisioning', 'queued', 'running', 'waiting']) expect(canCancel(task({ status }))).toBe(true);
    for (const status of ['succeeded', 'failed', 'rejected', 'cancelled']) expect(canCancel(flowRun({ status }))).toBe(false);
    for (const status of ['completed', 'failed', 'cancelled']) expect(canCancel(task({ status }))).toBe(false);
    expect(canCancel(flowRun({ status: 'paused', checkpoint: checkpoint() }))).toBe(true);
    expect(canCancel(chat({ status: 'open' }))).toBe(false);
  });

  it('ends an open chat; an ended one, by status or by flag, is not offered', () => {
    expect(canEnd(chat({ status: 'open' }))).toBe(true);
    expect(canEnd(chat({ status: 'ended', chat: { ended: true } }))).toBe(false);
    expect(canEnd(chat({ status: 'open', chat: { ended: true } }))).toBe(false);
    expect(canEnd(chat({ status: 'ended', chat: { ended: false } }))).toBe(false);
    expect(canEnd(flowRun({ status: 'running' }))).toBe(false);
  });

  it('offers nothing for a status it does not know, rather than guess', () => {
    for (const s of [flowRun({ status: 'archived' }), task({ status: 'constructor' }), chat({ status: '__proto__' })]) {
      expect(applicableActions(s)).toEqual([]);
    }
  });

  it('lists what applies in one order, and canAct agrees with the per-action rules', () => {
    expect(applicableActions(flowRun({ status: 'paused' }))).toEqual(['resume', 'cancel']);
    expect(applicableActions(task({ status: 'running' }))).toEqual(['cancel']);
    expect(applicableActions(chat({ status: 'open' }))).toEqual(['end']);
    expect(applicableActions(flowRun({ status: 'succeeded' }))).toEqual([]);
    for (const s of everyShape()) {
      expect(applicableActions(s)).toEqual(SESSION_ACTIONS.filter((a) => canAct(s, a)));
    }
  });

  it('offers exactly what the demo backend accepts, for every kind, status and checkpoint', () => {
    const mismatches: string[] = [];
    for (const session of everyShape()) {
      for (const action of SESSION_ACTIONS) {
        // A fresh tenant each time: an accepted command moves the session.
        const tenant = new DemoTenant({ seed: 1, clock: () => NOW });
        tenant.upsert(session);
        const outcome = new CommandDesk(tenant).handle({ type: 'command', reqId: `r_${session.id}_${action}`, action, sessionId: session.id }, { id: 'u_ada', name: 'Ada Lovelace' });
        if (outcome.ok !== canAct(session, action)) mismatches.push(`${action} ${session.id}: server ${outcome.ok ? 'accepts' : 'refuses'}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('session action words', () => {
  it('names each action for its kind; cancel says it asks first', () => {
    const words = (action: SessionAction, s: Session) => actionLabel(action, s.kind);
    expect(words('resume', flowRun())).toBe('Resume');
    expect(words('cancel', flowRun())).toBe('Cancel run…');
    expect(words('cancel', task())).toBe('Cancel task…');
    expect(words('end', chat())).toBe('End chat');
  });

  it('asks before a cancel, naming the session and that it cannot be undone', () => {
    const ask = cancelConfirmation(task({ title: 'Backfill invoices' }));
    expect(ask.heading).toBe('Cancel this task?');
    expect(ask.body).toContain('“Backfill invoices”');
    expect(ask.body).toMatch(/cannot be resumed/);
    expect(ask.confirm).toBe('Cancel task');
    expect(ask.keep).not.toBe(ask.confirm);
  });
});
