import { describe, expect, it } from 'vitest';
import { answerCoreRequests } from '../../../src/main/shell/core/core-requests';
import type { AppSettingsPort } from '../../../src/main/core/api/api-host';

const SECRET = 'pt_live_never_in_an_error_0001';

function setup() {
  const calls: unknown[] = [];
  const appSettings: AppSettingsPort = {
    get: async () => ({ profiles: [] }) as never,
    update: async (patch) => (calls.push(['update', patch]), { profiles: [] }) as never,
    profile: async (method, params) => (calls.push([method, params]), { profiles: [] }) as never,
    appUpdate: async (action) => (calls.push(['appUpdate', action]), null),
  };
  const answer = answerCoreRequests({ appSettings, openExternal: async () => {}, saveNotify: () => {} });
  return { answer, calls };
}

describe("answering the core's profile requests", () => {
  it('passes each of the four on, checked with its own schema', async () => {
    const { answer, calls } = setup();
    await answer('addProfile', { name: ' Acme ', backendUrl: 'wss://acme.example/', token: SECRET });
    await answer('updateProfile', { id: 'acme', notify: 'all' });
    await answer('moveProfile', { id: 'acme', index: 2 });
    await answer('removeProfile', { id: 'acme' });
    expect(calls).toEqual([
      ['addProfile', { name: 'Acme', backendUrl: 'wss://acme.example/', token: SECRET }],
      ['updateProfile', { id: 'acme', notify: 'all' }],
      ['moveProfile', { id: 'acme', index: 2 }],
      ['removeProfile', { id: 'acme' }],
    ]);
  });

  it('refuses what does not validate in words, never repeating the values', async () => {
    const { answer, calls } = setup();
    const refusals = [
      answer('addProfile', { backendUrl: 'wss://acme.example/', token: '' }),
      answer('updateProfile', { id: 'Not An Id', token: SECRET }),
      answer('removeProfile', {}),
      answer('moveProfile', { id: 'acme', index: -1 }),
      answer('addProfile', null),
    ];
    for (const refusal of refusals) {
      const error = await refusal.then(() => null, (e: Error) => e);
      expect(error?.message).toMatch(/^invalid \w+ request: /);
      expect(error?.message).not.toContain(SECRET);
    }
    expect(calls).toEqual([]);
  });
});
