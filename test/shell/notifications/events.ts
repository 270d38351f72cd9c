import type { NotifyEvent } from '../../../src/main/core/notify';

/** One decision of each kind, as the core policy emits them. */
const AT = '2025-01-01T12:00:00.000Z';
export const approval: NotifyEvent = { event: 'notify', kind: 'approval', sound: true, sessionId: 'fr_1', checkpointId: 'cp_1', title: 'Approval needed: Nightly build', body: 'Deploy — Ship it?', at: AT };
export const failure: NotifyEvent = { event: 'notify', kind: 'failure', sound: false, sessionId: 'fr_2', checkpointId: null, title: 'Failed: Import', body: 'disk full', at: AT };
export const summary: NotifyEvent = { event: 'summary', kind: 'approval', sound: true, sessionId: null, checkpointId: null, title: '4 approvals waiting', body: 'a, b, c, d', at: AT, sessionIds: ['a', 'b', 'c', 'd'] };
export const withdraw: NotifyEvent = { event: 'withdraw', kind: 'withdraw', sound: false, sessionId: 'fr_1', checkpointId: 'cp_1', title: 'No longer waiting: Nightly build', body: 'Deploy — Ship it?', at: AT };
export const reminder: NotifyEvent = { event: 'notify', kind: 'reminder', sound: true, sessionId: 'fr_1', checkpointId: 'cp_1', title: 'Reminder: Nightly build', body: 'Waiting 30 min: Deploy — Ship it?', at: AT };
export const followUp: NotifyEvent = { event: 'notify', kind: 'follow-up', sound: false, sessionId: 'fr_1', checkpointId: null, title: 'Nightly build finished 4 min after your approval', body: 'Flow run succeeded', at: AT };
