import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache, type Cache } from '../../src/main/core/cache/cache';
import { StreamConnection } from '../../src/main/core/connection/connection';
import { DiskFlush, flushDue } from '../../src/main/core/sync/disk-flush';
import { SyncEngine } from '../../src/main/core/sync/sync-engine';
import { flowRun } from '../shared/fixtures';
import { hello, scriptedServer, waitFor } from '../support/scripted-server';
import { Frozen } from '../support/frozen';
import { tempDir } from '../support/temp-dir';
import { join } from 'node:path';

const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const o of opened.splice(0).reverse()) o.close();
});

function writer(dir = tempDir()): { cache: Cache; dir: string } {
  const { cache } = openCache(dir, { create: true });
  opened.push(cache);
  return { cache, dir };
}
/** The cursor the file holds, as another process would read it. */
function fileCursor(dir: string): number | null {
  const { cache } = openCache(dir, { readonly: true });
  try {
    return cache.cursor();
  } finally {
    cache.close();
  }
}
const upsert = (seq: number) => ({ seq, op: 'upsert' as const, session: flowRun({ id: `fr_${seq}` }) });
const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

describe('flushDue', () => {
  const limits = { bytes: 1000, ms: 60_000 };
  it('is due once enough was received or the oldest held write is old enough, never with nothing held', () => {
    expect(flushDue(null, 10_000, 0, limits)).toBe(false);
    expect(flushDue(0, 999, 59_999, limits)).toBe(false);
    expect(flushDue(0, 1000, 1, limits)).toBe(true);
    expect(flushDue(0, 0, 60_000, limits)).toBe(true);
  });
});

describe('DiskFlush on a real cache', () => {
  it('flushes at an idle queue once enough bytes came in, and not before', () => {
    const { cache, dir } = writer();
    cache.applySnapshot([], 1);
    const disk = new DiskFlush(cache, () => true, Date.now, quietLog, () => undefined, { bytes: 100, ms: 60_000 });
    opened.push({ close: () => disk.stop() });
    cache.applyChanges([upsert(2)]);
    disk.receivedBytes(60);
    disk.idle();
    expect(fileCursor(dir)).toBe(1);
    disk.receivedBytes(60);
    disk.idle();
    expect(fileCursor(dir)).toBe(2);
    expect(cache.heldSince).toBeNull();
  });

  it('flushes by age with a timer, and waits for the queue to be idle', async () => {
    const { cache, dir } = writer();
    cache.applySnapshot([], 1);
    let idle = true;
    const disk = new DiskFlush(cache, () => idle, Date.now, quietLog, () => undefined, { bytes: Number.MAX_SAFE_INTEGER, ms: 50 });
    opened.push({ close: () => disk.stop() });
    cache.applyChanges([upsert(2)]);
    disk.idle();
    expect(fileCursor(dir)).toBe(1);
    await waitFor(() => fileCursor(dir) === 2, 3000, 'the age flush');
    cache.applyChanges([upsert(3)]);
    idle = false;
    disk.soon();
    expect(fileCursor(dir)).toBe(2);
    idle = true;
    disk.idle();
    expect(fileCursor(dir)).toBe(3);
  });
});

describe('the sync engine and held writes', () => {
  it('writes what it applied to the file when the connection goes down, before subscribing again', async () => {
    const dir = tempDir();
    let sinceOnReconnect: unknown;
    let fileAtReconnect: number | null = null;
    const server = await scriptedServer(async (peer, attempt) => {
      if (attempt === 1) {
        peer.send(hello({ headSeq: 1 }));
        await peer.next('subscribe');
        peer.send({ type: 'resync', reason: 'no_cursor' });
        peer.send({ type: 'snapshot', page: 0, sessions: [], last: true, seq: 1 });
        peer.send({ type: 'changes', fromSeq: 2, toSeq: 3, items: [upsert(2), upsert(3)] });
        await sleep(300);
        peer.ws.close(1012, 'restart');
        return;
      }
      fileAtReconnect = fileCursor(dir);
      peer.send(hello({ headSeq: 3 }));
      sinceOnReconnect = (await peer.next('subscribe')).since;
    });
    const { cache } = writer(dir);
    const c = new StreamConnection({ url: server.url, token: 't', random: () => 0 });
    const sync = new SyncEngine(c, cache);
    opened.push({ close: () => (c.stop(), sync.stop()) });
    c.start();
    await waitFor(() => sinceOnReconnect !== undefined, 10_000, 'the second subscribe');
    expect(sinceOnReconnect).toBe(3);
    expect(fileAtReconnect).toBe(3);
  });

  const frozen = new Frozen();
  afterEach(() => frozen.thaw());
  const asRoot = process.getuid?.() === 0 && frozen.enforced;
  if (!asRoot) console.log('skipped: a failed flush needs an immutable WAL (root and chattr), which this machine cannot make');

  it.runIf(asRoot)('a flush that fails takes the cursor back with the held writes, and the next subscribe asks from there', async () => {
    const dir = tempDir();
    const subscribes: unknown[] = [];
    const server = await scriptedServer(async (peer, attempt) => {
      peer.send(hello({ headSeq: 3 }));
      subscribes.push((await peer.next('subscribe')).since);
      if (attempt === 1) {
        peer.send({ type: 'resync', reason: 'no_cursor' });
        peer.send({ type: 'snapshot', page: 0, sessions: [], last: true, seq: 1 });
        peer.send({ type: 'changes', fromSeq: 2, toSeq: 3, items: [upsert(2), upsert(3)] });
        await sleep(300);
        // The disk refuses the flush the drop asks for: SQLite rolls the held writes back.
        frozen.freeze(join(dir, 'cache.sqlite-wal'));
        peer.ws.close(1012, 'restart');
        return;
      }
      frozen.thaw();
      peer.send({ type: 'changes', fromSeq: 2, toSeq: 3, items: [upsert(2), upsert(3)] });
    });
    const { cache } = writer(dir);
    const c = new StreamConnection({ url: server.url, token: 't', random: () => 0 });
    const sync = new SyncEngine(c, cache);
    opened.push({ close: () => (c.stop(), sync.stop()) });
    c.start();
    await waitFor(() => subscribes.length === 2, 10_000, 'the second subscribe');
    expect(subscribes).toEqual([null, 1]);
    await waitFor(() => cache.cursor() === 3, 5000, 'the replay');
    expect(cache.getSession('fr_3')).not.toBeNull();
    expect(cache.flush()).toBe(true);
    expect(fileCursor(dir)).toBe(3);
  });
});
