import type { NotifyEvent } from '../../../src/main/core/notify';

/** One decision of each kind, as the core policy emits them. */
const AT = '2025-01-01T12:00:00.000Z';
export const approval: NotifyEvent = { event: 'notify', sessionId: 'fr_1', checkpointId: 'cp_1', title: 'Approval needed: Nightly build', body: 'Deploy — Ship it?', at: AT };
export const failure: NotifyEvent = { event: 'notify', sessionId: 'fr_2', checkpointId: null, title: 'Failed: Import', body: 'disk full', at: AT };
export const summary: NotifyEvent = { event: 'summary', sessionId: null, checkpointId: null, title: '4 approvals waiting', body: 'a, b, c, d', at: AT, sessionIds: ['a', 'b', 'c', 'd'] };
export const withdraw: NotifyEvent = { event: 'withdraw', sessionId: 'fr_1', checkpointId: 'cp_1', title: 'No longer waiting: Nightly build', body: 'Deploy — Ship it?', at: AT };
