import { afterEach, describe, expect, it } from 'vitest';
import { openCache, type Cache } from '../../src/main/core/cache/cache';
import { StreamConnection } from '../../src/main/core/connection/connection';
import { SyncEngine } from '../../src/main/core/sync/sync-engine';
import type { Session } from '../../src/shared/protocol';
import { checkpoint, flowRun } from '../shared/fixtures';
import { hello, scriptedServer, waitFor, type Peer } from '../support/scripted-server';
import { tempDir } from '../support/temp-dir';

const running: Array<{ c: StreamConnection; cache: Cache; sync: SyncEngine }> = [];
afterEach(() => {
  for (const { c, cache, sync } of running.splice(0)) {
    c.stop();
    sync.stop();
    cache.close();
  }
});

function client(url: string, dataDir = tempDir()) {
  const { cache } = openCache(dataDir, { create: true });
  const c = new StreamConnection({ url, token: 't', random: () => 0 });
  const sync = new SyncEngine(c, cache);
  running.push({ c, cache, sync });
  c.start();
  return { c, cache, sync, dataDir };
}

const s = (n: number, title = `Session ${n}`): Session => flowRun({ id: `fr_${n}`, title, updatedAt: new Date(Date.UTC(2026, 10, 24, 9, 0, n)).toISOString() });
const upsert = (seq: number, session: Session) => ({ seq, op: 'upsert', session });
const changes = (items: Array<{ seq: number }>) => ({ type: 'changes', fromSeq: items[0]!.seq, toSeq: items[items.length - 1]!.seq, items });
const ids = (cache: Cache) => cache.query({ view: 'all' }, Date.now()).map((x) => x.id).sort();

async function snapshotTo(peer: Peer, sessions: Session[], seq: number, pageSize = 2) {
  peer.send({ type: 'resync', reason: 'no_cursor' });
  const pages = Math.max(1, Math.ceil(sessions.length / pageSize));
  for (let p = 0; p < pages; p++) {
    const last = p === pages - 1;
    peer.send({ type: 'snapshot', page: p, sessions: sessions.slice(p * pageSize, (p + 1) * pageSize), last, ...(last ? { seq } : {}) });
  }
}

describe('SyncEngine against scripted servers', () => {
  it('subscribes with since null, applies a paged snapshot with its seq, and reports caught up', async () => {
    const server = await scriptedServer(async (peer) => {
      peer.send(hello({ headSeq: 10 }));
      expect(await peer.next('subscribe')).toEqual({ type: 'subscribe', since: null });
      await snapshotTo(peer, [s(1), s(2), s(3)], 10);
    });
    const { cache, sync } = client(server.url);
    let caughtUp = false;
    sync.on('caughtUp', () => (caughtUp = true));
    await waitFor(() => caughtUp);
    expect(ids(cache)).toEqual(['fr_1', 'fr_2', 'fr_3']);
    expect(cache.cursor()).toBe(10);
  });

  it('keeps the old view until the last page, and discards a snapshot cut by a dropped socket', async () => {
    const server = await scriptedServer(async (peer, attempt) => {
      if (attempt === 1) {
        peer.send(hello({ headSeq: 5 }));
        await peer.next('subscribe');
        await snapshotTo(peer, [s(1)], 5);
        return;
      }
      peer.send(hello({ headSeq: 20 }));
      const sub = await peer.next('subscribe');
      expect(sub.since).toBe(5);
      peer.send({ type: 'resync', reason: 'cursor_expired' });
      peer.send({ type: 'snapshot', page: 0, sessions: [s(7), s(8)], last: false });
      if (attempt === 2) {
        setTimeout(() => peer.ws.terminate(), 100);
        return;
      }
      peer.send({ type: 'snapshot', page: 1, sessions: [s(9)], last: true, seq: 20 });
    });
    const { c, cache } = client(server.url);
    await waitFor(() => cache.cursor() === 5);
    c.drop(1000, 'test');
    await waitFor(() => server.attempts() === 2);
    await new Promise((r) => setTimeout(r, 50));
    // Page 0 of the new snapshot has arrived, yet the cache still shows the old view.
    expect(ids(cache)).toEqual(['fr_1']);
    await waitFor(() => cache.cursor() === 20, 4000);
    expect(ids(cache)).toEqual(['fr_7', 'fr_8', 'fr_9']);
  });

  it('applies batches in order, ignores replays, applies only the new tail of an overlap', async () => {
    const server = await scriptedServer(async (peer) => {
      peer.send(hello({ headSeq: 1 }));
      await peer.next('subscribe');
      await snapshotTo(peer, [s(1)], 1);
      peer.send(changes([upsert(2, s(2)), upsert(3, s(3))]));
      peer.send(changes([upsert(2, s(2, 'stale replay'))]));
      peer.send(changes([upsert(3, s(3, 'old')), upsert(4, s(4))]));
    });
    const { cache, sync } = client(server.url);
    await waitFor(() => cache.cursor() === 4);
    expect(ids(cache)).toEqual(['fr_1', 'fr_2', 'fr_3', 'fr_4']);
    expect(cache.getSession('fr_2')!.title).toBe('Session 2');
    expect(cache.getSession('fr_3')!.title).toBe('Session 3');
    expect(sync.stats.replays).toBe(1);
  });

  it('notices a gap and heals it by subscribing again with its cursor', async () => {
    const server = await scriptedServer(async (peer) => {
      peer.send(hello({ headSeq: 1 }));
      await peer.next('subscribe');
      await snapshotTo(peer, [s(1)], 1);
      peer.send(changes([upsert(2, s(2))]));
      peer.send(changes([upsert(4, s(4))])); // seq 3 skipped
      const again = await peer.next('subscribe');
      expect(again.since).toBe(2);
      peer.send(changes([upsert(3, s(3)), upsert(4, s(4))]));
    });
    const { cache, sync } = client(server.url);
    await waitFor(() => cache.cursor() === 4);
    expect(ids(cache)).toEqual(['fr_1', 'fr_2', 'fr_3', 'fr_4']);
    expect(sync.stats.gaps).toBe(1);
  });

  it('names a checkpoint in a batch before the batch is written (the fast lane)', async () => {
    const paused = flowRun({ id: 'fr_9', status: 'paused', checkpoint: checkpoint('cp_9'), updatedAt: new Date(Date.UTC(2026, 10, 24, 9, 1)).toISOString() });
    const server = await scriptedServer(async (peer) => {
      peer.send(hello({ headSeq: 3 }));
      await peer.next('subscribe');
      await snapshotTo(peer, [s(1)], 1);
      peer.send(changes([upsert(2, s(2)), upsert(3, paused)]));
    });
    const { cache, sync } = client(server.url);
    const seen: string[] = [];
    sync.on('ahead', (sessions) => seen.push(`ahead ${sessions.map((x) => x.id).join()} cursor ${cache.cursor()}`));
    sync.on('applied', (_, origin) => seen.push(`applied ${origin} cursor ${cache.cursor()}`));
    await waitFor(() => cache.cursor() === 3);
    // Whether the snapshot was written before the batch arrived depends on timing; the order does not.
    const ahead = seen.findIndex((x) => x.startsWith('ahead fr_9'));
    expect(ahead).toBeGreaterThanOrEqual(0);
    expect(seen[ahead]).not.toMatch(/cursor 3$/);
    expect(seen.slice(ahead + 1)).toContain('applied changes cursor 3');
  });

  it('skips an item that fails validation, applies the rest of its batch and moves past it (not an invalid frame)', async () => {
    const server = await scriptedServer(async (peer) => {
      peer.send(hello({ headSeq: 4 }));
      await peer.next('subscribe');
      await snapshotTo(peer, [s(1)], 1);
      peer.send(changes([upsert(2, { ...s(2), updatedAt: 'not a time' } as Session), upsert(3, s(3))]));
      peer.send(changes([upsert(4, s(4))]));
    });
    const { c, cache } = client(server.url);
    await waitFor(() => cache.cursor() === 4);
    expect(ids(cache)).toEqual(['fr_1', 'fr_3', 'fr_4']);
    expect(cache.unreadable()).toEqual({ count: 1, ids: ['fr_2'] });
    expect(c.stats.invalidFrames).toBe(0);
    expect(server.peers[0]!.received.filter((f) => f.type === 'subscribe')).toHaveLength(1);
  });

  it('resumes from the durable cursor after a restart', async () => {
    const dataDir = tempDir();
    const server = await scriptedServer(async (peer, attempt) => {
      peer.send(hello({ headSeq: attempt === 1 ? 3 : 4 }));
      const sub = await peer.next('subscribe');
      if (attempt === 1) {
        await snapshotTo(peer, [s(1)], 2);
        peer.send(changes([upsert(3, s(3))]));
      } else {
        expect(sub.since).toBe(3);
        peer.send(changes([upsert(4, s(4))]));
      }
    });
    const first = client(server.url, dataDir);
    await waitFor(() => first.cache.cursor() === 3);
    first.c.stop();
    first.cache.close();
    running.splice(running.findIndex((r) => r.cache === first.cache), 1);
    const second = client(server.url, dataDir);
    await waitFor(() => second.cache.cursor() === 4);
    expect(ids(second.cache)).toEqual(['fr_1', 'fr_3', 'fr_4']);
  });

  it('drops its cursor after 4004 and takes a snapshot', async () => {
    const server = await scriptedServer(async (peer, attempt) => {
      peer.send(hello({ headSeq: 50 }));
      const sub = await peer.next('subscribe');
      if (attempt === 1) return snapshotTo(peer, [s(1)], 50);
      if (attempt === 2) return peer.ws.close(4004, 'bad since');
      expect(sub.since).toBeNull();
      await snapshotTo(peer, [s(2)], 7);
    });
    const { c, cache } = client(server.url);
    await waitFor(() => cache.cursor() === 50);
    c.drop(1000, 'test');
    await waitFor(() => cache.cursor() === 7, 4000);
    expect(ids(cache)).toEqual(['fr_2']);
  });

  it('ignores a snapshot page that no resync opened, so the live batches after it still land', async () => {
    const server = await scriptedServer(async (peer) => {
      peer.send(hello({ headSeq: 1 }));
      await peer.next('subscribe');
      await snapshotTo(peer, [s(1)], 1);
      // An unfinished snapshot nobody asked for (a hostile or confused server), then live changes.
      peer.send({ type: 'snapshot', page: 0, sessions: [s(66, 'ghost')], last: false });
      peer.send(changes([upsert(2, s(2))]));
      peer.send(changes([upsert(3, s(3))]));
    });
    const { cache, sync } = client(server.url);
    await waitFor(() => cache.cursor() === 3);
    expect(ids(cache)).toEqual(['fr_1', 'fr_2', 'fr_3']);
    expect(sync.stats.outOfOrderPages).toBe(1);
  });

  it('writes a lone batch at once and the batches that follow it closely in one commit', async () => {
    let release!: () => void;
    const go = new Promise<void>((r) => (release = r));
    const server = await scriptedServer(async (peer) => {
      peer.send(hello({ headSeq: 1 }));
      await peer.next('subscribe');
      await snapshotTo(peer, [s(1)], 1);
      peer.send(changes([upsert(2, s(2))]));
      await go;
      // Far enough apart that each would be written on its own, close enough to share the gap.
      for (let seq = 3; seq <= 6; seq++) {
        peer.send(changes([upsert(seq, s(seq))]));
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    const { cache, sync } = client(server.url);
    const commits: number[] = [];
    sync.on('applied', (_, origin) => origin === 'changes' && commits.push(cache.cursor()!));
    await waitFor(() => cache.cursor() === 2);
    release();
    await waitFor(() => cache.cursor() === 6, 4000);
    expect(commits).toEqual([2, 6]);
    expect(ids(cache)).toEqual(['fr_1', 'fr_2', 'fr_3', 'fr_4', 'fr_5', 'fr_6']);
  });
});
