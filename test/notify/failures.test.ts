import { describe, expect, it } from 'vitest';
import type { SessionChange } from '../../src/main/core/notify';
import type { Session } from '../../src/shared/protocol';
import { ago, flowRun, iso, MINUTE, NOW, task } from '../shared/fixtures';
import { decide, GRACE, kinds, running, seen, waiting } from './helpers';

describe('failures', () => {
  const failed = (id: string, over: Parameters<typeof flowRun>[0] = {}): Session =>
    flowRun({
      id,
      title: `Session ${id}`,
      status: 'failed',
      error: { code: 'step_failed', message: 'Tests failed on step 3' },
      ...over,
    });

  it('are off by default', () => {
    expect(decide([{ before: running('fr_1'), after: failed('fr_1') }]).events).toEqual([]);
  });

  it('when on, notify a session that turns failed, with no checkpoint and nothing remembered', () => {
    const d = decide([{ before: running('fr_1'), after: failed('fr_1') }], { settings: { failures: true } });
    expect(d.events).toEqual([
      {
        event: 'notify',
        kind: 'failure',
        sound: false,
        sessionId: 'fr_1',
        checkpointId: null,
        title: 'Failed: Session fr_1',
        body: 'Tests failed on step 3',
        at: iso(NOW),
      },
    ]);
    expect(d.remember).toEqual([]);
  });

  it('say which kind failed when there is no error message', () => {
    const t = task({ status: 'failed' });
    const d = decide([{ before: task(), after: t }], { settings: { failures: true } });
    expect(d.events[0]?.body).toBe('Background task failed');
  });

  it('skip sessions first seen already failed, and failed → failed', () => {
    const settings = { failures: true };
    expect(decide([seen(failed('fr_1'))], { settings }).events).toEqual([]);
    const stillFailed = { before: failed('fr_1'), after: failed('fr_1', { updatedAt: ago(0) }) };
    expect(decide([stillFailed], { settings }).events).toEqual([]);
  });

  it("follow the scope: someone else's failure only with 'all'", () => {
    const change = { before: running('fr_2', { owner: GRACE }), after: failed('fr_2', { owner: GRACE }) };
    expect(decide([change], { settings: { failures: true } }).events).toEqual([]);
    expect(kinds(decide([change], { settings: { failures: true, scope: 'all' } }))).toEqual(['notify:fr_2']);
  });

  it('are never folded into the approvals summary, but count toward the burst', () => {
    const changes: SessionChange[] = [
      seen(waiting('fr_1', 'cp_1', { updatedAt: ago(MINUTE) })),
      seen(waiting('fr_2', 'cp_2', { updatedAt: ago(2 * MINUTE) })),
      seen(waiting('fr_3', 'cp_3', { updatedAt: ago(3 * MINUTE) })),
      { before: running('fr_9'), after: failed('fr_9') },
    ];
    const d = decide(changes, { settings: { failures: true } });
    expect(d.events.map((e) => [e.event, e.title])).toEqual([
      ['summary', '3 approvals waiting'],
      ['notify', 'Failed: Session fr_9'],
    ]);
    const twoAndTwo = [...changes.slice(0, 2), { before: running('fr_8'), after: failed('fr_8') }, changes[3]!];
    expect(decide(twoAndTwo, { settings: { failures: true } }).events.map((e) => e.title)).toEqual([
      '2 approvals waiting',
      '2 sessions failed',
    ]);
  });
});
