import { describe, expect, it } from 'vitest';
import type { NotifyEvent } from '../../../src/main/core/notify';
import {
  notificationKey,
  planApprovalResult,
  planNotification,
  supportsActions,
  type ShowNotification,
} from '../../../src/main/shell/notifications/notification-map';
import { approval, failure, followUp, reminder, summary, withdraw } from './events';

const show = (event: NotifyEvent, platform = 'darwin', icon?: string): ShowNotification => {
  const plan = planNotification(event, { platform, ...(icon ? { icon } : {}) });
  if ('withdraw' in plan) throw new Error('expected a notification to show');
  return plan;
};

describe('planNotification', () => {
  it('shows an approval with Approve, Open and Remind me in 1 h on macOS and Windows, keyed by checkpoint', () => {
    for (const platform of ['darwin', 'win32']) {
      expect(show(approval, platform, '/app/icon.png')).toEqual({
        key: 'cp_1',
        title: 'Approval needed: Nightly build',
        body: 'Deploy — Ship it?',
        icon: '/app/icon.png',
        actions: [
          { type: 'button', text: 'Approve' },
          { type: 'button', text: 'Open' },
          { type: 'button', text: 'Remind me in 1 h' },
        ],
        silent: false,
        urgency: 'normal',
        openSessionId: 'fr_1',
        approve: { sessionId: 'fr_1', checkpointId: 'cp_1' },
      });
    }
  });

  it('offers no actions (and nothing to approve) where Electron has none: a click opens the session', () => {
    for (const platform of ['linux', 'freebsd', 'openbsd']) {
      const plan = show(approval, platform);
      expect(plan.actions).toEqual([]);
      expect(plan.approve).toBeUndefined();
      expect(plan.openSessionId).toBe('fr_1');
      expect(plan).not.toHaveProperty('icon');
    }
    expect(supportsActions('darwin') && supportsActions('win32') && !supportsActions('linux')).toBe(true);
  });

  it('shows a failure quietly, at low urgency, without actions, opening its session', () => {
    expect(show(failure, 'win32')).toMatchObject({ key: 'failed:fr_2', actions: [], silent: true, urgency: 'low', openSessionId: 'fr_2' });
    expect(show(failure, 'win32').approve).toBeUndefined();
  });

  it('shows a summary that opens the popover itself (no session)', () => {
    expect(show(summary, 'win32')).toMatchObject({ key: 'summary', title: '4 approvals waiting', actions: [], openSessionId: null });
  });

  it('turns a withdraw into closing the checkpoint it alerted', () => {
    expect(planNotification(withdraw, { platform: 'linux' })).toEqual({ withdraw: 'cp_1' });
    expect(notificationKey(withdraw)).toBe(notificationKey(approval));
  });

  it('never shares the actions array between plans', () => {
    const a = show(approval);
    a.actions.push({ type: 'button', text: 'x' });
    expect(show(approval).actions).toHaveLength(3);
  });
});

describe('notificationKey with several profiles', () => {
  // Two tenants whose backends happen to use the same checkpoint and session ids.
  const acme = { ...approval, sessionId: 'acme/fr_1', title: 'Acme Corp · Approval needed: Nightly build' };
  const globex = { ...approval, sessionId: 'globex/fr_1', title: 'Globex · Approval needed: Nightly build' };

  it("scopes the checkpoint key by its session's profile, so the same checkpoint id never collides", () => {
    expect(notificationKey(acme)).toBe('acme/cp_1');
    expect(notificationKey(globex)).toBe('globex/cp_1');
    expect(notificationKey({ ...withdraw, sessionId: 'globex/fr_1' })).toBe('globex/cp_1');
    expect(notificationKey({ ...reminder, sessionId: 'acme/fr_1' })).toBe('acme/cp_1');
    expect(notificationKey({ ...failure, sessionId: 'acme/fr_2' })).toBe('failed:acme/fr_2');
    expect(notificationKey({ ...followUp, sessionId: 'acme/fr_1' })).toBe('follow-up:acme/fr_1');
  });

  it('approves with the scoped session id and the raw checkpoint id, as the core and the backend know them', () => {
    const plan = show(acme, 'win32');
    expect(plan).toMatchObject({ key: 'acme/cp_1', openSessionId: 'acme/fr_1', approve: { sessionId: 'acme/fr_1', checkpointId: 'cp_1' } });
    expect(planNotification({ ...withdraw, sessionId: 'globex/fr_1' }, { platform: 'win32' })).toEqual({ withdraw: 'globex/cp_1' });
  });

  it("keeps the tenant in the answer to Approve, and each tenant's answer under its own key", () => {
    expect(planApprovalResult(show(acme), { ok: true })).toMatchObject({ key: 'result:acme/cp_1', title: 'Approved: Acme Corp · Nightly build', openSessionId: 'acme/fr_1' });
    expect(planApprovalResult(show(globex), { ok: false, code: 'conflict', message: 'already decided' })).toMatchObject({
      key: 'result:globex/cp_1',
      title: 'Not approved: Globex · Nightly build',
    });
    const fromReminder = show({ ...reminder, sessionId: 'acme/fr_1', title: 'Acme Corp · Reminder: Nightly build' });
    expect(planApprovalResult(fromReminder, { ok: true }).title).toBe('Approved: Acme Corp · Nightly build');
  });
});

describe('planApprovalResult', () => {
  const SECRET = 'ghp_Zq7xK2mP9vR4tY8wB3nL6cH1jF5dS0aE2uIo';
  const original = show(approval, 'darwin', '/i.png');

  it('says it was approved, quietly, and a click still opens the session', () => {
    expect(planApprovalResult(original, { ok: true })).toEqual({
      key: 'result:cp_1',
      title: 'Approved: Nightly build',
      body: 'The session goes on.',
      actions: [],
      silent: true,
      urgency: 'normal',
      icon: '/i.png',
      openSessionId: 'fr_1',
    });
  });

  it("says why not, with the server's message redacted and clipped", () => {
    const plan = planApprovalResult(original, { ok: false, code: 'conflict', message: `already decided; key ${SECRET} ${'x'.repeat(300)}` });
    expect(plan.title).toBe('Not approved: Nightly build');
    // Only approvals and reminders ring; a refusal is read on the banner.
    expect(plan.silent).toBe(true);
    expect(plan.body).not.toContain(SECRET);
    expect(plan.body).toContain('[REDACTED:');
    expect(Array.from(plan.body).length).toBeLessThanOrEqual(140);
    expect(plan.body.startsWith('already decided')).toBe(true);
  });

  it("answers a reminder's Approve about the session, not the reminder", () => {
    expect(planApprovalResult(show(reminder), { ok: true }).title).toBe('Approved: Nightly build');
  });
});
