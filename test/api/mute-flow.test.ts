import { afterEach, describe, expect, it } from 'vitest';
import { ApiHost } from '../../src/main/core/api/api-host';
import { Companion } from '../../src/main/core/companion';
import type { NotifySettings } from '../../src/shared/notify-settings';
import { tempDir } from '../support/temp-dir';

const open: Array<{ host: ApiHost; companion: Companion }> = [];
afterEach(() => {
  for (const { host, companion } of open.splice(0)) {
    host.close();
    companion.close();
  }
});

describe('muteFlow', () => {
  it('adds and takes out one flow in the core, so mutes from two windows never write over each other', async () => {
    const { companion } = Companion.open({ backendUrl: 'ws://127.0.0.1:9/', token: 't', dataDir: tempDir() });
    const saved: NotifySettings[] = [];
    const host = new ApiHost(companion, { demo: false, onSettingsChanged: (s) => saved.push(s) });
    open.push({ host, companion });
    const deps = { id: 'fl_deps', name: 'Dependency upgrade' };
    const notes = { id: 'fl_notes', name: 'Release notes' };
    // Two windows, each having read an empty list: both mutes stay.
    await Promise.all([host.call('muteFlow', { flow: deps, muted: true }), host.call('muteFlow', { flow: notes, muted: true })]);
    expect(companion.notifySettings.mutedFlows).toEqual([deps, notes]);
    // Again: no duplicate. Out: only that one goes.
    await host.call('muteFlow', { flow: deps, muted: true });
    expect((await host.call('muteFlow', { flow: deps, muted: false })).mutedFlows).toEqual([notes]);
    expect(saved.at(-1)!.mutedFlows).toEqual([notes]);
    await expect(host.call('muteFlow', { flow: { id: '', name: 'x' }, muted: true })).rejects.toThrow(/invalid muteFlow request/);
  });
});
