import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Cache } from '../../src/main/core/cache/cache';
import type { Session, TranscriptEntry } from '../../src/shared/protocol';
import { HOUR, MINUTE, NOW, chat, flowRun, iso, task } from '../shared/fixtures';
import { cacheFile, freshCache, tempDir } from './helpers';

const DAY = 24 * HOUR;
const ago = (ms: number) => iso(NOW - ms);

function bulky(count: number, bytes: number, salt: string): TranscriptEntry[] {
  // Incompressible-ish text, so page counts follow the byte counts.
  return Array.from({ length: count }, (_, i) => ({
    seq: i + 1,
    at: iso(NOW),
    kind: 'message' as const,
    message: { role: 'agent' as const, text: Array.from({ length: bytes / 16 }, (_, j) => `${salt}:${i}:${j}:`.padEnd(16, '.')).join('') },
  }));
}

function withTranscript(cache: Cache, sessions: Session[], entries = 3, bytes = 64): void {
  for (const s of sessions) cache.appendTranscript(s.id, bulky(entries, bytes, s.id));
}

describe('prune: retention', () => {
  it('deletes sessions idle past the window with their transcripts and memory, never active ones', () => {
    const cache = freshCache(tempDir(), { retentionDays: 7 });
    const sessions = [
      flowRun({ id: 'fr_old_done', status: 'succeeded', updatedAt: ago(8 * DAY) }),
      task({ id: 'bt_old_failed', status: 'failed', updatedAt: ago(30 * DAY) }),
      chat({ id: 'ch_old_ended', status: 'ended', updatedAt: ago(9 * DAY), chat: { ended: true, lastMessageAt: ago(9 * DAY) } }),
      flowRun({ id: 'fr_edge', status: 'succeeded', updatedAt: ago(7 * DAY) }), // exactly 7 days: kept
      flowRun({ id: 'fr_recentish', status: 'succeeded', updatedAt: ago(6 * DAY) }),
      flowRun({ id: 'fr_old_paused', status: 'paused', updatedAt: ago(40 * DAY) }), // live: kept
      task({ id: 'bt_old_waiting', status: 'waiting', updatedAt: ago(40 * DAY) }), // live: kept
      chat({ id: 'ch_old_but_talking', updatedAt: ago(20 * DAY), chat: { lastMessageAt: ago(MINUTE) } }), // active chat: kept
    ];
    cache.applySnapshot(sessions, 1);
    withTranscript(cache, sessions);
    cache.remember([
      { checkpointId: 'cp_old', sessionId: 'fr_old_done', as: 'shown' },
      { checkpointId: 'cp_paused', sessionId: 'fr_old_paused', as: 'shown' },
    ]);
    const result = cache.prune(NOW);
    expect(result).toEqual({ sessions: 3, entries: 9 });
    const left = cache.query({ view: 'all' }, NOW).map((s) => s.id).sort();
    expect(left).toEqual(['bt_old_waiting', 'ch_old_but_talking', 'fr_edge', 'fr_old_paused', 'fr_recentish']);
    expect(cache.lastTranscriptSeq('fr_old_done')).toBe(0);
    expect(cache.lastTranscriptSeq('fr_old_paused')).toBe(3);
    expect(cache.recall('cp_old')).toBeNull();
    expect(cache.recall('cp_paused')).toBe('shown');
    expect(cache.prune(NOW)).toEqual({ sessions: 0, entries: 0 });
    // The title index lost the pruned rows too.
    expect(cache.query({ view: 'all', search: 'fr_old_done' }, NOW)).toEqual([]);
  });

  it('follows retentionDays and the clock it is given', () => {
    const cache = freshCache(tempDir(), { retentionDays: 1 });
    cache.applySnapshot([flowRun({ id: 'fr_a', status: 'succeeded', updatedAt: ago(2 * DAY) }), flowRun({ id: 'fr_b', status: 'succeeded', updatedAt: ago(HOUR) })], 1);
    expect(cache.prune(NOW).sessions).toBe(1);
    expect(cache.prune(NOW + DAY).sessions).toBe(1);
    expect(cache.count({ view: 'all' }, NOW)).toBe(0);
  });

  it('forgets checkpoints of sessions it never held once they are older than the window', () => {
    let now = NOW - 10 * DAY;
    const cache = freshCache(tempDir(), { now: () => now });
    cache.applySnapshot([], 1);
    cache.remember([{ checkpointId: 'cp_stray_old', sessionId: 'fr_never', as: 'shown' }]);
    now = NOW;
    cache.remember([{ checkpointId: 'cp_stray_new', sessionId: 'fr_never', as: 'suppressed' }]);
    cache.prune(NOW);
    expect(cache.recall('cp_stray_old')).toBeNull();
    expect(cache.recall('cp_stray_new')).toBe('suppressed');
  });
});

describe('prune: size cap', () => {
  it('drops transcripts of the oldest idle sessions until the file is under the cap, keeping the sessions and active ones', () => {
    const dir = tempDir();
    const maxBytes = 1024 * 1024;
    const cache = freshCache(dir, { maxBytes });
    // 24 idle sessions a few hours apart (none past retention) and 4 live ones, ~100 KB of transcript each.
    const idle = Array.from({ length: 24 }, (_, i) => flowRun({ id: `fr_idle_${String(i).padStart(2, '0')}`, status: 'succeeded', updatedAt: ago((i + 1) * HOUR) }));
    const live = Array.from({ length: 4 }, (_, i) => task({ id: `bt_live_${i}`, status: 'running', updatedAt: ago(50 * DAY) }));
    cache.applySnapshot([...idle, ...live], 1);
    withTranscript(cache, [...idle, ...live], 25, 4096);
    cache.flush();
    expect(fs.statSync(cacheFile(dir)).size + fs.statSync(`${cacheFile(dir)}-wal`).size).toBeGreaterThan(2 * maxBytes);

    const result = cache.prune(NOW);
    expect(result.sessions).toBe(0);
    expect(result.entries).toBeGreaterThan(0);
    expect(result.entries % 25).toBe(0);
    expect(cache.count({ view: 'all' }, NOW)).toBe(28);
    for (const s of live) expect(cache.lastTranscriptSeq(s.id)).toBe(25);
    // Oldest first: the idle sessions that lost their transcript are exactly the oldest ones.
    const kept = idle.map((s) => cache.lastTranscriptSeq(s.id) > 0);
    const firstDropped = kept.indexOf(false);
    expect(firstDropped).toBeGreaterThan(0);
    expect(kept.slice(firstDropped).every((k) => !k)).toBe(true);
    expect(result.entries).toBe((idle.length - firstDropped) * 25);
    // Freed pages went back to the file system (incremental auto-vacuum, then the WAL checkpointed
    // into the file). Measured before close, whose PRAGMA optimize may add a few pages of statistics.
    expect(fs.statSync(cacheFile(dir)).size).toBeLessThanOrEqual(maxBytes);
    cache.close();
  });

  it('stops when only active sessions are left, and never touches them', () => {
    const cache = freshCache(tempDir(), { maxBytes: 64 * 1024 });
    const live = Array.from({ length: 3 }, (_, i) => flowRun({ id: `fr_live_${i}`, status: 'running' }));
    const idle = flowRun({ id: 'fr_idle', status: 'succeeded' });
    cache.applySnapshot([...live, idle], 1);
    withTranscript(cache, [...live, idle], 20, 4096);
    expect(cache.prune(NOW)).toEqual({ sessions: 0, entries: 20 });
    for (const s of live) expect(cache.lastTranscriptSeq(s.id)).toBe(20);
  });
});
