import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCache } from '../../src/main/core/cache/cache';
import { SCHEMA_VERSION } from '../../src/main/core/cache/migrations';
import { HOUR, MINUTE, NOW, checkpoint, flowRun } from '../shared/fixtures';
import { cacheFile, freshCache, tempDir, track } from './helpers';

const reopen = (dir: string) => track(openCache(dir, { now: () => NOW }).cache);

describe('the notification schedule (migration v4)', () => {
  it('upgrades a v3 cache additively: sessions, cursor and notification memory are kept', () => {
    const dir = tempDir();
    const cache = freshCache(dir);
    cache.applySnapshot([flowRun({ id: 'fr_1', status: 'paused', checkpoint: checkpoint('cp_1') })], 5);
    cache.remember([{ checkpointId: 'cp_1', sessionId: 'fr_1', as: 'shown' }]);
    cache.close();
    const db = new Database(cacheFile(dir));
    db.exec('DROP TRIGGER sessions_forget_schedule; DROP TABLE reminders; DROP TABLE follow_ups; PRAGMA user_version = 3');
    db.close();
    const upgraded = reopen(dir);
    expect(upgraded.cursor()).toBe(5);
    expect(upgraded.recall('cp_1')).toBe('shown');
    expect(upgraded.schedule((s) => s.pendingFollowUps())).toEqual([]);
    expect(upgraded.schedule((s) => s.earliestReminders())).toEqual({ auto: null, later: null });
    upgraded.close();
    const check = new Database(cacheFile(dir), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    check.close();
  });

  it('a follow-up, once settled, is never armed again, across a reopen', () => {
    const dir = tempDir();
    const cache = freshCache(dir);
    expect(cache.schedule((s) => s.noteApproval({ sessionId: 'fr_1', checkpointId: 'cp_1', approvedAt: NOW }))).toBe(true);
    // A second approval of the same run before it ends moves the approval, still one follow-up.
    expect(cache.schedule((s) => s.noteApproval({ sessionId: 'fr_1', checkpointId: 'cp_2', approvedAt: NOW + MINUTE }))).toBe(true);
    expect(cache.schedule((s) => s.pendingFollowUps())).toEqual([{ sessionId: 'fr_1', checkpointId: 'cp_2', approvedAt: NOW + MINUTE }]);
    cache.schedule((s) => s.settleFollowUps([{ sessionId: 'fr_1', shown: true }], NOW + HOUR));
    cache.close();
    const again = reopen(dir);
    expect(again.schedule((s) => s.pendingFollowUps())).toEqual([]);
    expect(again.schedule((s) => s.followUpState('fr_1'))).toEqual({ settled: true, shown: true });
    expect(again.schedule((s) => s.noteApproval({ sessionId: 'fr_1', checkpointId: 'cp_3', approvedAt: NOW + 2 * HOUR }))).toBe(false);
    expect(again.schedule((s) => s.pendingFollowUps())).toEqual([]);
    expect(again.schedule((s) => s.followUpState('fr_none'))).toBeNull();
  });

  it('an automatic reminder is made once and stays done; "remind me later" is re-armed by asking again', () => {
    const dir = tempDir();
    const cache = freshCache(dir);
    cache.schedule((s) => s.schedule([{ checkpointId: 'cp_1', sessionId: 'fr_1', kind: 'auto', at: NOW }]));
    cache.schedule((s) => s.schedule([{ checkpointId: 'cp_1', sessionId: 'fr_1', kind: 'auto', at: NOW + HOUR }]));
    expect(cache.schedule((s) => s.reminderState('cp_1', 'auto'))).toEqual({ at: NOW, done: false });
    cache.schedule((s) => s.finishReminders([{ checkpointId: 'cp_1', kind: 'auto' }]));
    cache.schedule((s) => s.schedule([{ checkpointId: 'cp_1', sessionId: 'fr_1', kind: 'auto', at: NOW + HOUR }]));
    expect(cache.schedule((s) => s.reminderState('cp_1', 'auto'))).toEqual({ at: NOW, done: true });

    cache.schedule((s) => s.schedule([{ checkpointId: 'cp_1', sessionId: 'fr_1', kind: 'later', at: NOW + HOUR }]));
    cache.schedule((s) => s.finishReminders([{ checkpointId: 'cp_1', kind: 'later' }]));
    cache.schedule((s) => s.schedule([{ checkpointId: 'cp_1', sessionId: 'fr_1', kind: 'later', at: NOW + 2 * HOUR }]));
    cache.close();
    expect(reopen(dir).schedule((s) => s.reminderState('cp_1', 'later'))).toEqual({ at: NOW + 2 * HOUR, done: false });
  });

  it('reads the earliest of each kind and what is due under each bound, done ones left out', () => {
    const cache = freshCache();
    cache.schedule((s) =>
      s.schedule([
        { checkpointId: 'cp_a', sessionId: 'fr_a', kind: 'auto', at: NOW - HOUR },
        { checkpointId: 'cp_b', sessionId: 'fr_b', kind: 'auto', at: NOW - 10 * MINUTE },
        { checkpointId: 'cp_c', sessionId: 'fr_c', kind: 'later', at: NOW + MINUTE },
        { checkpointId: 'cp_d', sessionId: 'fr_d', kind: 'later', at: NOW - MINUTE },
      ]),
    );
    expect(cache.schedule((s) => s.earliestReminders())).toEqual({ auto: NOW - HOUR, later: NOW - MINUTE });
    const ids = (auto: number | null, later: number) => cache.schedule((s) => s.dueReminders({ auto, later })).map((r) => `${r.kind}:${r.checkpointId}`);
    expect(ids(NOW - 30 * MINUTE, NOW)).toEqual(['auto:cp_a', 'later:cp_d']);
    expect(ids(null, NOW + MINUTE)).toEqual(['later:cp_d', 'later:cp_c']);
    cache.schedule((s) => s.finishReminders([{ checkpointId: 'cp_a', kind: 'auto' }, { checkpointId: 'cp_d', kind: 'later' }]));
    expect(cache.schedule((s) => s.earliestReminders())).toEqual({ auto: NOW - 10 * MINUTE, later: NOW + MINUTE });
    expect(ids(NOW, NOW)).toEqual(['auto:cp_b']);
    cache.schedule((s) => s.dropReminders(['cp_b', 'cp_c']));
    expect(cache.schedule((s) => s.earliestReminders())).toEqual({ auto: null, later: null });
  });

  it("rows go with their session, and sweep takes old ones of sessions the cache never held", () => {
    const cache = freshCache();
    cache.applySnapshot([flowRun({ id: 'fr_1', status: 'paused', checkpoint: checkpoint('cp_1') })], 1);
    cache.schedule((s) => {
      s.schedule([
        { checkpointId: 'cp_1', sessionId: 'fr_1', kind: 'auto', at: NOW },
        { checkpointId: 'cp_x', sessionId: 'fr_never', kind: 'later', at: NOW - 8 * 24 * HOUR },
      ]);
      s.noteApproval({ sessionId: 'fr_1', checkpointId: 'cp_0', approvedAt: NOW });
      s.noteApproval({ sessionId: 'fr_never', checkpointId: 'cp_y', approvedAt: NOW - HOUR });
    });
    expect(cache.schedule((s) => s.sweep(NOW - 7 * 24 * HOUR))).toBe(1);
    expect(cache.schedule((s) => s.reminderState('cp_x', 'later'))).toBeNull();
    expect(cache.schedule((s) => s.pendingFollowUps().map((f) => f.sessionId).sort())).toEqual(['fr_1', 'fr_never']);
    cache.applyChanges([{ seq: 2, op: 'remove', id: 'fr_1' }]);
    expect(cache.schedule((s) => s.reminderState('cp_1', 'auto'))).toBeNull();
    expect(cache.schedule((s) => s.pendingFollowUps().map((f) => f.sessionId))).toEqual(['fr_never']);
  });

  it('a read-only cache cannot be written through it', () => {
    const dir = tempDir();
    freshCache(dir);
    const reader = track(openCache(dir, { readonly: true }).cache);
    expect(() => reader.schedule((s) => s.noteApproval({ sessionId: 'fr_1', checkpointId: 'cp_1', approvedAt: NOW }))).toThrow(/read-only/);
  });
});
