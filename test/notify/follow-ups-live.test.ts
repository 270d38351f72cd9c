// Follow-ups end to end: approved through the companion against a real demo backend, the run
// driven to its end, the companion reopened on the same data (see ./live-helpers).
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir';
import { about, advance, backendWithoutCheckpoints, companionOn, end, GRACE, MINUTE, pause, quit, settle, until } from './live-helpers';

describe('follow-ups', () => {
  it('one notification when a run approved through the companion finishes, and never again after a reopen', async () => {
    const { backend, url } = await backendWithoutCheckpoints();
    const dataDir = tempDir();
    const { companion, events } = await companionOn(url, dataDir);
    const run = pause(backend, 'fr_train', 'cp_train_1', { title: 'Release train', flow: { flowId: 'fl_2', flowName: 'Release notes', stepIndex: 3, stepCount: 5, steps: [] } });
    await until(() => expect(about(events, 'approval', run.id)).toHaveLength(1));

    expect(await companion.commands.run({ action: 'approve', sessionId: run.id, checkpointId: 'cp_train_1' })).toEqual({ ok: true });
    // Noted between the sync's writes, on the write queue's next turn.
    await until(() => expect(companion.cache.schedule((s) => s.followUpState(run.id))).toEqual({ settled: false, shown: false }));

    // Decided further by someone else at a second checkpoint: the follow-up still waits for the end.
    advance(MINUTE);
    pause(backend, run.id, 'cp_train_2');
    await until(() => expect(companion.cache.getSession(run.id)?.checkpoint?.id).toBe('cp_train_2'));
    expect(backend.commands.handle({ type: 'command', reqId: 'grace-1', action: 'approve', sessionId: run.id, checkpointId: 'cp_train_2' }, GRACE)).toEqual({ ok: true });
    await until(() => expect(companion.cache.getSession(run.id)?.status).toBe('running'));
    await settle();
    expect(about(events, 'follow-up', run.id)).toEqual([]);

    advance(3 * MINUTE);
    end(backend, run.id, 'succeeded');
    await until(() => expect(about(events, 'follow-up', run.id)).toHaveLength(1));
    expect(about(events, 'follow-up', run.id)[0]).toMatchObject({
      event: 'notify',
      sound: false,
      checkpointId: null,
      title: 'Release train finished 4 min after your approval',
      body: 'Flow run succeeded',
    });
    // Another change of the ended run brings nothing more.
    end(backend, run.id, 'succeeded');
    await settle();
    expect(about(events, 'follow-up', run.id)).toHaveLength(1);
    quit(companion);

    // A reopen on the same data, the run moving again: still nothing.
    const again = await companionOn(url, dataDir);
    end(backend, run.id, 'succeeded');
    await until(() => expect(again.companion.cache.getSession(run.id)?.updatedAt).toBe(backend.tenant.get(run.id)?.updatedAt));
    await settle();
    expect(again.events.filter((e) => e.kind === 'follow-up')).toEqual([]);
    expect(again.companion.cache.schedule((s) => s.followUpState(run.id))).toEqual({ settled: true, shown: true });
  }, 30_000);

  it('a failure says the step and the error; a run that ended while the app was closed is followed up on the next start', async () => {
    const { backend, url } = await backendWithoutCheckpoints();
    const dataDir = tempDir();
    const first = await companionOn(url, dataDir);
    const run = pause(backend, 'fr_fail', 'cp_fail', { title: 'Release train', flow: { flowId: 'fl_2', flowName: 'Release notes', stepIndex: 5, stepCount: 6, steps: [] } });
    await until(() => expect(about(first.events, 'approval', run.id)).toHaveLength(1));
    expect(await first.companion.commands.run({ action: 'approve', sessionId: run.id, checkpointId: 'cp_fail' })).toEqual({ ok: true });
    await until(() => expect(first.companion.cache.getSession(run.id)?.status).toBe('running'));
    quit(first.companion);

    end(backend, run.id, 'failed', { code: 'disk_full', message: 'ENOSPC' });
    const second = await companionOn(url, dataDir);
    await until(() => expect(about(second.events, 'follow-up', run.id)).toHaveLength(1));
    expect(about(second.events, 'follow-up', run.id)[0]).toMatchObject({ title: 'Release train failed at step 5: ENOSPC', body: 'ENOSPC', sound: false });
  }, 30_000);

  it('a refused approval (already decided) arms no follow-up', async () => {
    const { backend, url } = await backendWithoutCheckpoints();
    const { companion } = await companionOn(url, tempDir());
    const run = pause(backend, 'fr_stale', 'cp_stale');
    await until(() => expect(companion.cache.getSession(run.id)?.checkpoint?.id).toBe('cp_stale'));
    backend.commands.handle({ type: 'command', reqId: 'grace-2', action: 'approve', sessionId: run.id, checkpointId: 'cp_stale' }, GRACE);
    const reply = await companion.commands.run({ action: 'approve', sessionId: run.id, checkpointId: 'cp_stale' });
    expect(reply.ok).toBe(false);
    expect(companion.cache.schedule((s) => s.followUpState(run.id))).toBeNull();
  }, 30_000);
});

