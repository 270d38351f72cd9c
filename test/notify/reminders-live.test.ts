// Reminders, muted flows and sound end to end against a real demo backend (see ./live-helpers).
import { describe, expect, it } from 'vitest';
import { ApiHost } from '../../src/main/core/api/api-host';
import { tempDir } from '../support/temp-dir';
import { about, advance, backendWithoutCheckpoints, companionOn, end, GRACE, MINUTE, pause, quit, settle, until } from './live-helpers';

describe('reminders', () => {
  it('a checkpoint left waiting past reminderMinutes is reminded exactly once, and never again after a restart', async () => {
    const { backend, url } = await backendWithoutCheckpoints();
    const dataDir = tempDir();
    const { companion, events, timer } = await companionOn(url, dataDir);
    const run = pause(backend, 'fr_wait', 'cp_wait', { title: 'Release train' });
    await until(() => expect(about(events, 'approval', run.id)).toHaveLength(1));
    expect(timer.armed).toBe(true);

    advance(29 * MINUTE);
    timer.fire();
    await settle();
    expect(about(events, 'reminder', run.id)).toEqual([]);

    advance(2 * MINUTE);
    timer.fire();
    await until(() => expect(about(events, 'reminder', run.id)).toHaveLength(1));
    expect(about(events, 'reminder', run.id)[0]).toMatchObject({ event: 'notify', checkpointId: 'cp_wait', title: 'Reminder: Release train', sound: true });
    expect(about(events, 'reminder', run.id)[0]!.body).toMatch(/^Waiting 31 min: Deploy — Ship it\?$/);

    advance(3 * 60 * MINUTE);
    timer.fire();
    await settle();
    expect(about(events, 'reminder', run.id)).toHaveLength(1);
    quit(companion);

    const again = await companionOn(url, dataDir);
    advance(3 * 60 * MINUTE);
    again.timer.fire();
    await settle();
    expect(again.events.filter((e) => e.kind === 'reminder' || e.kind === 'approval')).toEqual([]);
    expect(backend.tenant.get(run.id)?.checkpoint?.id).toBe('cp_wait');
  }, 30_000);

  it('"Remind me in 1 h" through the API reminds that checkpoint once more; a session waiting on nothing is refused in words', async () => {
    const { backend, url } = await backendWithoutCheckpoints();
    const dataDir = tempDir();
    const { companion, events, timer } = await companionOn(url, dataDir, { notify: { reminderMinutes: null } });
    const host = new ApiHost(companion, { demo: true });
    try {
      const run = pause(backend, 'fr_later', 'cp_later', { title: 'Nightly build' });
      await until(() => expect(about(events, 'approval', run.id)).toHaveLength(1));
      // Reminders are off: nothing is due, so nothing waits.
      expect(timer.armed).toBe(false);
      expect(await host.call('remindLater', { sessionId: run.id, minutes: 60 })).toBeNull();
      await until(() => expect(timer.armed).toBe(true));
      advance(59 * MINUTE);
      timer.fire();
      await settle();
      expect(about(events, 'reminder', run.id)).toEqual([]);
      advance(MINUTE);
      timer.fire();
      await until(() => expect(about(events, 'reminder', run.id)).toHaveLength(1));
      advance(2 * 60 * MINUTE);
      timer.fire();
      await settle();
      expect(about(events, 'reminder', run.id)).toHaveLength(1);

      const busy = backend.tenant.all().find((s) => !s.checkpoint)!;
      await expect(host.call('remindLater', { sessionId: busy.id, minutes: 60 })).rejects.toThrow(`"${busy.title}" is not waiting for a decision; nothing was scheduled`);
      await expect(host.call('remindLater', { sessionId: 'fr_nowhere', minutes: 60 })).rejects.toThrow('session fr_nowhere is not known here');
    } finally {
      host.close();
    }
  }, 30_000);

  it('a reminder due in quiet hours is dropped, not held back to the end of them', async () => {
    const { backend, url } = await backendWithoutCheckpoints();
    let minute = 12 * 60;
    const { events, timer } = await companionOn(url, tempDir(), {
      notify: { quietHours: { start: '22:00', end: '07:00' } },
      localMinuteOfDay: () => minute,
    });
    const run = pause(backend, 'fr_night', 'cp_night');
    await until(() => expect(about(events, 'approval', run.id)).toHaveLength(1));
    minute = 23 * 60;
    advance(31 * MINUTE);
    timer.fire();
    await settle();
    minute = 8 * 60;
    advance(9 * 60 * MINUTE);
    timer.fire();
    await settle();
    expect(about(events, 'reminder', run.id)).toEqual([]);
  }, 30_000);
});

describe('reminders and withdraws', () => {
  it('a reminder for a checkpoint that arrived in quiet hours is taken back when someone else decides it', async () => {
    const { backend, url } = await backendWithoutCheckpoints();
    let minute = 23 * 60;
    const { companion, events, timer } = await companionOn(url, tempDir(), {
      notify: { quietHours: { start: '22:00', end: '07:00' } },
      localMinuteOfDay: () => minute,
    });
    const run = pause(backend, 'fr_dawn', 'cp_dawn');
    await until(() => expect(companion.cache.recall('cp_dawn')).toBe('suppressed'));
    expect(events).toEqual([]);
    minute = 8 * 60;
    advance(31 * MINUTE);
    timer.fire();
    await until(() => expect(about(events, 'reminder', run.id)).toHaveLength(1));
    backend.commands.handle({ type: 'command', reqId: 'grace-3', action: 'approve', sessionId: run.id, checkpointId: 'cp_dawn' }, GRACE);
    await until(() => expect(about(events, 'withdraw', run.id).map((e) => e.checkpointId)).toEqual(['cp_dawn']));
  }, 30_000);
});

describe('muted flows and sound', () => {
  it('a muted flow gets no approval, reminder or follow-up; another flow gets all three, and only approvals and reminders ring', async () => {
    const { backend, url } = await backendWithoutCheckpoints();
    const { companion, events, timer } = await companionOn(url, tempDir(), { notify: { mutedFlows: [{ id: 'fl_1', name: 'Dependency upgrade' }] } });
    const muted = pause(backend, 'fr_muted', 'cp_muted', { flow: { flowId: 'fl_1', flowName: 'Dependency upgrade', stepIndex: 2, stepCount: 5, steps: [] } });
    const loud = pause(backend, 'fr_loud', 'cp_loud', { flow: { flowId: 'fl_2', flowName: 'Release notes', stepIndex: 2, stepCount: 4, steps: [] } });
    await until(() => expect(about(events, 'approval', loud.id)).toHaveLength(1));
    await until(() => expect(companion.cache.recall('cp_muted')).toBe('suppressed'));

    advance(31 * MINUTE);
    timer.fire();
    await until(() => expect(about(events, 'reminder', loud.id)).toHaveLength(1));

    for (const run of [muted, loud]) {
      expect(await companion.commands.run({ action: 'approve', sessionId: run.id, checkpointId: run.checkpoint!.id })).toEqual({ ok: true });
    }
    await until(() => expect(companion.cache.getSession(loud.id)?.status).toBe('running'));
    end(backend, muted.id, 'succeeded');
    end(backend, loud.id, 'succeeded');
    await until(() => expect(about(events, 'follow-up', loud.id)).toHaveLength(1));
    await settle();
    expect(events.filter((e) => e.sessionId === muted.id && e.kind !== 'withdraw')).toEqual([]);
    expect(companion.cache.schedule((s) => s.followUpState(muted.id))).toEqual({ settled: true, shown: false });

    const rang = events.filter((e) => e.sound).map((e) => e.kind);
    expect(rang.sort()).toEqual(['approval', 'reminder']);
    expect(events.filter((e) => !e.sound).map((e) => e.kind)).toEqual(expect.arrayContaining(['follow-up', 'withdraw']));
  }, 30_000);

  it('with sound off nothing rings, approvals included', async () => {
    const { backend, url } = await backendWithoutCheckpoints();
    const { events } = await companionOn(url, tempDir(), { notify: { sound: false } });
    const run = pause(backend, 'fr_hush', 'cp_hush');
    await until(() => expect(about(events, 'approval', run.id)).toHaveLength(1));
    expect(events.some((e) => e.sound)).toBe(false);
  }, 30_000);
});
