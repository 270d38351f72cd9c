import { describe, expect, it } from 'vitest';
import { Companion } from '../../src/main/core/companion';
import { RequestPacer } from '../../src/main/core/sync/request-pacer';
import { choosePrefetch, PREFETCH_LIMIT, Tier, transcriptTier } from '../../src/main/core/sync/transcript-priority';
import { startBackend, TOKEN } from '../support/backend';
import { tempDir } from '../support/temp-dir';

/** A companion on `url` until caught up with its prefetch set in, as sync --once runs it. */
async function firstSync(url: string): Promise<Companion> {
  const { companion } = Companion.open({ backendUrl: url, token: TOKEN, dataDir: tempDir() });
  const done = new Promise<void>((resolve) => companion.once('caughtUp', () => void companion.transcripts.drained().then(resolve)));
  companion.start();
  await done;
  return companion;
}

describe('transcripts fetch what a person will open', () => {
  it('a first sync of a big tenant fetches the prefetch set, best first, and nothing else', async () => {
    const { backend, url } = await startBackend({ sessions: 3_000 });
    const companion = await firstSync(url);
    try {
      const now = companion.sync.now();
      const ctx = { opened: new Set<string>(), userId: companion.userId, now };
      const fetched = backend.tenant.all().filter((s) => companion.cache.lastTranscriptSeq(s.id) > 0);
      const expected = choosePrefetch(backend.tenant.all(), ctx);
      // The tenant has more active and recent sessions than the bound: the bound is what counts.
      expect(backend.tenant.all().filter((s) => transcriptTier(s, ctx) !== null).length).toBeGreaterThan(PREFETCH_LIMIT);
      expect(fetched.length).toBeLessThanOrEqual(PREFETCH_LIMIT);
      expect(companion.transcripts.stats.requests).toBeLessThan(2 * PREFETCH_LIMIT);
      // Every session waiting on the person is in, and only sessions of the set are.
      const ids = new Set(expected.map((s) => s.id));
      for (const s of expected.filter((s) => transcriptTier(s, ctx) === Tier.WaitingOnYou)) expect(companion.cache.lastTranscriptSeq(s.id)).toBeGreaterThan(0);
      expect(fetched.every((s) => ids.has(s.id))).toBe(true);
    } finally {
      companion.close();
    }
  }, 30_000);

  it('a session outside the set is fetched when opened', async () => {
    const { backend, url } = await startBackend({ sessions: 3_000 });
    const companion = await firstSync(url);
    try {
      const outside = backend.tenant.all().find((s) => companion.cache.getSession(s.id) && companion.cache.lastTranscriptSeq(s.id) === 0)!;
      const stored = new Promise<void>((resolve) => companion.on('transcript', (id) => id === outside.id && resolve()));
      companion.transcripts.open(outside.id);
      await stored;
      expect(companion.cache.lastTranscriptSeq(outside.id)).toBeGreaterThan(0);
    } finally {
      companion.close();
    }
  }, 30_000);

  it('honours rate_limited (error, then close 4003): waits retryAfterMs, reconnects, and the set still comes in', async () => {
    const { url } = await startBackend({ sessions: 120, limits: { framesPerSecond: 25, retryAfterMs: 300 } });
    const companion = await firstSync(url);
    try {
      expect(companion.transcripts.stats.requests).toBeGreaterThan(25);
    } finally {
      companion.close();
    }
  }, 30_000);
});

describe('RequestPacer', () => {
  it('holds every request for the time a rate_limited error asks, then paces as before', () => {
    let now = 0;
    const pacer = new RequestPacer(2, () => now);
    expect(pacer.wait()).toBe(0);
    pacer.holdFor(5_000);
    expect(pacer.wait()).toBe(5_000);
    now = 4_999;
    expect(pacer.wait()).toBe(1);
    now = 5_000;
    expect(pacer.wait()).toBe(0);
    pacer.record();
    pacer.record();
    expect(pacer.wait()).toBe(1_000);
  });
});
