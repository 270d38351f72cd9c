import { afterEach, describe, expect, it } from 'vitest';
import { ApiHost } from '../../src/main/core/api/api-host';
import { Companion } from '../../src/main/core/companion';
import type { AppStatus } from '../../src/shared/api';
import { faultyBackend } from '../support/faulty-backend';
import { validSessions } from '../support/raw-sessions';
import { waitFor } from '../support/scripted-server';
import { tempDir } from '../support/temp-dir';

const open: Companion[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

function companion(url: string) {
  const lines: string[] = [];
  const logger = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
  const { companion: c } = Companion.open({ backendUrl: url, token: 't', dataDir: tempDir(), logger, random: () => 0 });
  open.push(c);
  const statuses: AppStatus[] = [];
  const host = new ApiHost(c, { demo: false });
  host.on('status', (s) => statuses.push(s));
  c.start();
  return { c, lines, statuses, host };
}

/** Done when, PROTOCOL.md section 1: a live batch with one broken item among ten. */
describe('a live changes batch with one unreadable item', () => {
  it('applies the other nine, keeps the last good version of the broken session, and resumes past the batch', async () => {
    const sessions = validSessions(10, 'live');
    const backend = await faultyBackend({ sessions, seq: 50 });
    const { c, lines, statuses, host } = companion(backend.url);
    await waitFor(() => c.sync.appliedSeq === 50, 5000, 'the snapshot');

    const items: unknown[] = sessions.map((s) => ({ op: 'upsert', session: { ...s, title: `${String(s.title)} (moved)` } }));
    // The fifth: a newer version this client cannot read (its owner has no name).
    items[4] = { op: 'upsert', session: { ...sessions[4], title: 'never shown', owner: { id: 'u_x' } } };
    backend.publish(items);
    await waitFor(() => c.sync.appliedSeq === 60, 5000, 'the batch');

    const titles = new Map(c.cache.query({ view: 'all' }, Date.now()).map((s) => [s.id, s.title]));
    expect(titles.size).toBe(10);
    for (const [i, s] of sessions.entries()) expect(titles.get(s.id as string)).toBe(i === 4 ? s.title : `${String(s.title)} (moved)`);
    expect(c.cache.unreadable()).toEqual({ count: 1, ids: ['live_4'] });
    expect(c.connection.stats.invalidFrames).toBe(0);
    expect(lines).toContain('could not read session live_4: session.owner.name: invalid_type');
    expect(lines.join('\n')).not.toContain('never shown');
    // The view is told, with the id behind the count.
    expect(statuses.at(-1)?.unreadable).toEqual({ count: 1, ids: ['live_4'] });
    expect(host.status().unreadable).toEqual({ count: 1, ids: ['live_4'] });

    // A reconnect resumes past the batch: the cursor did not stall on the bad item.
    backend.dropAll();
    await waitFor(() => backend.subscribes.length === 2, 5000, 'the second subscribe');
    expect(backend.subscribes).toEqual([null, 60]);

    // A good version clears it.
    backend.publish([{ op: 'upsert', session: { ...sessions[4], title: 'readable again' } }]);
    await waitFor(() => c.sync.appliedSeq === 61, 5000, 'the fix');
    expect(c.cache.getSession('live_4')?.title).toBe('readable again');
    expect(c.cache.unreadable()).toEqual({ count: 0, ids: [] });
    expect(statuses.at(-1)?.unreadable).toEqual({ count: 0, ids: [] });
    // Logged once, though a replay after the reconnect could have sent it again.
    expect(lines.filter((l) => l.startsWith('could not read'))).toHaveLength(1);
  });

  it('a skipped item is not an invalid frame: 150 of them in a minute keep the connection up', async () => {
    const backend = await faultyBackend({ sessions: validSessions(1, 'x'), seq: 1 });
    const { c } = companion(backend.url);
    await waitFor(() => c.sync.appliedSeq === 1, 5000, 'the snapshot');
    for (let i = 0; i < 150; i++) backend.publish([{ op: 'upsert', session: { id: `junk_${i}` } }]);
    await waitFor(() => c.sync.appliedSeq === 151, 5000, 'every batch');
    expect(c.connection.stats.invalidFrames).toBe(0);
    expect(c.connection.stats.connects).toBe(1);
    expect(c.cache.unreadable().count).toBe(150);
  });
});
