import { describe, expect, it } from 'vitest';
import type { NotifyEvent } from '../../../src/main/core/notify';
import {
  notificationKey,
  planApprovalResult,
  planNotification,
  supportsActions,
  type ShowNotification,
} from '../../../src/main/shell/notifications/notification-map';
import { approval, failure, summary, withdraw } from './events';

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
});
