import { describe, expect, it } from 'vitest';
import { decideFollowUps, runEnd, type PendingFollowUp } from '../../src/main/core/notify';
import { NotifySettings } from '../../src/shared/notify-settings';
import type { Session } from '../../src/shared/protocol';
import { ago, chat, flowRun, HOUR, iso, MINUTE, NOW, SECOND, task } from '../shared/fixtures';

const TEN_AM = 10 * 60;
const approvedAgo = (ms: number, sessionId = 'fr_1'): PendingFollowUp => ({ sessionId, checkpointId: `cp_${sessionId}`, approvedAt: NOW - ms });

function decide(moved: Array<Session | { removed: string }>, opts: { pending?: PendingFollowUp[]; settings?: Partial<NotifySettings>; minute?: number } = {}) {
  const pending = new Map((opts.pending ?? [approvedAgo(10 * MINUTE)]).map((f) => [f.sessionId, f]));
  return decideFollowUps({
    moved: moved.map((m) => ('removed' in m ? { sessionId: m.removed, after: null } : { sessionId: m.id, after: m })),
    pending: (id) => pending.get(id) ?? null,
    settings: NotifySettings.parse(opts.settings ?? {}),
    now: NOW,
    localMinuteOfDay: opts.minute ?? TEN_AM,
  });
}

const titled = 'Release train';
// The run ended 4 minutes after an approval 10 minutes ago.
const ended = (over: Parameters<typeof flowRun>[0]) => flowRun({ title: titled, updatedAt: ago(6 * MINUTE), ...over });

describe('runEnd', () => {
  it('names every final status of flow runs and tasks, and nothing else', () => {
    expect(['succeeded', 'failed', 'rejected', 'cancelled'].map((status) => runEnd(flowRun({ status })))).toEqual(['finished', 'failed', 'rejected', 'cancelled']);
    expect(['completed', 'failed', 'cancelled'].map((status) => runEnd(task({ status })))).toEqual(['finished', 'failed', 'cancelled']);
    for (const status of ['pending', 'running', 'paused', 'queued', 'waiting', 'provisioning', 'archived', 'constructor', '__proto__']) {
      expect(runEnd(flowRun({ status }))).toBeNull();
    }
    expect(runEnd(chat({ status: 'ended' }))).toBeNull();
  });
});

describe('decideFollowUps', () => {
  it('one notification when an approved run finishes, saying how long after the approval', () => {
    const d = decide([ended({ status: 'succeeded' })]);
    expect(d.events).toEqual([
      {
        event: 'notify',
        kind: 'follow-up',
        sound: false,
        sessionId: 'fr_1',
        checkpointId: null,
        title: 'Release train finished 4 min after your approval',
        body: 'Flow run succeeded',
        at: iso(NOW),
      },
    ]);
    expect(d.settled).toEqual([{ sessionId: 'fr_1', shown: true }]);
  });

  it('a failure names the step (1-based, as "Step 5 of 5") and the error', () => {
    const failed = ended({ status: 'failed', error: { code: 'disk_full', message: 'ENOSPC' }, flow: { stepIndex: 5, stepCount: 5 } });
    const [e] = decide([failed]).events;
    expect(e?.title).toBe('Release train failed at step 5: ENOSPC');
    expect(e?.body).toBe('ENOSPC');
    // A task has no steps; the code stands in for a missing message.
    const t = task({ id: 'bt_1', title: titled, status: 'failed', error: { code: 'ENOSPC', message: '' } });
    expect(decide([t], { pending: [approvedAgo(MINUTE, 'bt_1')] }).events[0]?.title).toBe('Release train failed: ENOSPC');
  });

  it('says a rejection and a cancellation in words; "just after" within the minute; hours past 60 min', () => {
    expect(decide([ended({ status: 'rejected', flow: { stepIndex: 3 } })]).events[0]?.title).toBe('Release train was rejected at step 3');
    expect(decide([ended({ status: 'cancelled', updatedAt: ago(10 * MINUTE - 20 * SECOND) })]).events[0]?.title).toBe('Release train was cancelled just after your approval');
    expect(decide([ended({ status: 'succeeded', updatedAt: iso(NOW) })], { pending: [approvedAgo(HOUR + 5 * MINUTE)] }).events[0]?.title).toBe(
      'Release train finished 1 h 5 min after your approval',
    );
  });

  it('waits while the run goes on, and through a further checkpoint', () => {
    const waitingAgain = ended({ status: 'paused', checkpoint: { id: 'cp_2', prompt: 'Deploy?', requestedAt: ago(MINUTE) } });
    for (const s of [ended({ status: 'running' }), waitingAgain]) {
      expect(decide([s])).toEqual({ events: [], settled: [] });
    }
  });

  it('acts only on sessions with a pending follow-up', () => {
    expect(decide([ended({ id: 'fr_other', status: 'succeeded' })])).toEqual({ events: [], settled: [] });
    expect(decide([ended({ status: 'succeeded' })], { pending: [] })).toEqual({ events: [], settled: [] });
  });

  it('settles without a banner when the setting is off, the flow is muted, or it is quiet', () => {
    const done = ended({ status: 'succeeded' });
    const cases: Array<Parameters<typeof decide>[1]> = [
      { settings: { followUps: false } },
      { settings: { mutedFlows: [{ id: 'fl_1', name: 'Dependency upgrade' }] } },
      { settings: { snoozedUntil: NOW + MINUTE } },
      { settings: { quietHours: { start: '09:00', end: '11:00' } } },
    ];
    for (const opts of cases) {
      expect(decide([done], opts)).toEqual({ events: [], settled: [{ sessionId: 'fr_1', shown: false }] });
    }
    // Another flow muted, quiet hours elsewhere: it goes out.
    expect(decide([done], { settings: { mutedFlows: [{ id: 'fl_2', name: 'x' }], quietHours: { start: '22:00', end: '07:00' } } }).events).toHaveLength(1);
  });

  it('a removed session settles its follow-up silently', () => {
    expect(decide([{ removed: 'fr_1' }])).toEqual({ events: [], settled: [{ sessionId: 'fr_1', shown: false }] });
  });

  it('decides a session once per call even if it appears twice', () => {
    const d = decide([ended({ status: 'succeeded' }), ended({ status: 'succeeded' })]);
    expect(d.events).toHaveLength(1);
    expect(d.settled).toHaveLength(1);
  });

  it('keeps the run title whole when a long one would push the news off the banner', () => {
    const long = ended({ status: 'succeeded', title: 'A very long release train name that goes on and on and on and on' });
    const title = decide([long]).events[0]!.title;
    expect(Array.from(title).length).toBeLessThanOrEqual(64);
    expect(title.endsWith('finished 4 min after your approval')).toBe(true);
  });

  it('past the burst limit, one summary in words, newest first', () => {
    const ids = ['fr_1', 'fr_2', 'fr_3', 'fr_4'];
    const sessions = ids.map((id, i) =>
      ended({ id, title: `Run ${id}`, status: i === 3 ? 'failed' : 'succeeded', updatedAt: ago((i + 1) * MINUTE) }),
    );
    const d = decide(sessions.reverse(), { pending: ids.map((id) => approvedAgo(10 * MINUTE, id)) });
    expect(d.events).toEqual([
      {
        event: 'summary',
        kind: 'follow-up',
        sound: false,
        sessionId: null,
        checkpointId: null,
        title: '4 runs you approved have ended',
        body: '3 finished, 1 failed',
        at: iso(NOW),
        sessionIds: ids,
      },
    ]);
    expect(d.settled.map((s) => s.shown)).toEqual([true, true, true, true]);
  });
});
