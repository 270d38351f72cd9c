import { describe, expect, it } from 'vitest';
import { ProfileStart } from '../../../src/main/core/runtime/core-link';
import { DEMO_START, followProfiles, legacyCacheOwner, profileStarts } from '../../../src/main/shell/core/profile-starts';
import { tempDir } from '../../support/temp-dir';
import { open } from '../settings/settings-harness';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('profileStarts', () => {
  it('runs the demo backend as the one profile when none is configured, and gives it the old cache', async () => {
    const starts = await profileStarts(open(tempDir()).settings);
    expect(starts).toEqual([{ id: 'demo', name: null, color: null, notify: null, backendUrl: null, token: null }]);
    expect(starts[0]).not.toBe(DEMO_START);
    expect(legacyCacheOwner(starts)).toBe('demo');
  });

  it('hands each profile its own decrypted token, in the person\'s order, the first owning the old cache', async () => {
    const { settings } = open(tempDir());
    await settings.addProfile({ name: 'Acme', backendUrl: 'wss://acme.example/', token: 'acme-token-000001', color: '#10b981' });
    await settings.addProfile({ name: 'Globex', backendUrl: 'wss://globex.example/', token: null });
    await settings.updateProfile({ id: 'globex', notify: 'off' });
    settings.moveProfile('globex', 0);
    const starts = await profileStarts(settings);
    expect(starts).toEqual([
      { id: 'globex', name: 'Globex', color: null, notify: 'off', backendUrl: 'wss://globex.example/', token: null },
      { id: 'acme', name: 'Acme', color: '#10b981', notify: null, backendUrl: 'wss://acme.example/', token: 'acme-token-000001' },
    ]);
    for (const start of starts) expect(ProfileStart.parse(start)).toEqual(start);
    expect(legacyCacheOwner(starts)).toBe('globex');
  });
});

describe('followProfiles', () => {
  it('sends the lists in the order the changes were made, even when an earlier read is slower', async () => {
    const sent: string[][] = [];
    const delays = [30, 0];
    let version = 0;
    const trigger = followProfiles(
      async () => {
        const mine = ++version;
        await tick(delays.shift() ?? 0);
        return [{ ...DEMO_START, id: `v${mine}` }];
      },
      (profiles) => sent.push(profiles.map((p) => p.id)),
      () => {},
    );
    trigger();
    trigger();
    await tick(60);
    expect(sent).toEqual([['v1'], ['v2']]);
  });

  it('logs a failed read and goes on with the next change', async () => {
    const logs: string[] = [];
    const sent: unknown[] = [];
    let fail = true;
    const trigger = followProfiles(
      async () => {
        if (fail) throw new Error('keyring gone');
        return [DEMO_START];
      },
      (profiles) => sent.push(profiles),
      (line) => logs.push(line),
    );
    trigger();
    await tick();
    fail = false;
    trigger();
    await tick();
    expect(logs).toEqual(['the profiles could not be handed to the core: keyring gone']);
    expect(sent).toEqual([[DEMO_START]]);
  });
});
