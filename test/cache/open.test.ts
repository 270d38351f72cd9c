import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CacheError, openCache } from '../../src/main/core/cache/cache';
import { SCHEMA_VERSION } from '../../src/main/core/cache/migrations';
import { NOW, checkpoint, flowRun } from '../shared/fixtures';
import { cacheFile, freshCache, tempDir, track } from './helpers';

const STAMP = '20261124T100000Z';

function expectCacheError(fn: () => unknown, pattern: RegExp): CacheError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CacheError);
    expect((err as Error).message).toMatch(pattern);
    expect((err as Error).message).not.toContain('\n');
    return err as CacheError;
  }
  throw new Error('expected a CacheError');
}

/** A cache with one session at cursor 7, closed. */
function populated(dir = tempDir()): string {
  const cache = freshCache(dir);
  cache.applySnapshot([flowRun({ id: 'fr_kept' })], 7);
  cache.close();
  return dir;
}

describe('opening: create, migrate, readers', () => {
  it('migrates an empty file from nothing to the current schema, in WAL mode', () => {
    const dir = tempDir();
    const { cache, notice } = openCache(dir, { create: true });
    track(cache);
    expect(notice).toBeNull();
    expect(cache.path).toBe(cacheFile(dir));
    expect(cache.cursor()).toBeNull();
    cache.close();
    const db = new Database(cacheFile(dir), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['sessions', 'sessions_fts', 'transcripts', 'notified', 'meta']));
    db.close();
  });

  it('upgrades a v2 cache: the sessions already at a checkpoint are counted as waiting', () => {
    const dir = tempDir();
    const cache = freshCache(dir);
    cache.applySnapshot([flowRun({ id: 'fr_paused', status: 'paused', checkpoint: checkpoint() }), flowRun({ id: 'fr_running', status: 'running' })], 3);
    cache.close();
    // Back to v2 as it shipped: no waiting column, no index over it, none of v4's tables.
    const db = new Database(cacheFile(dir));
    db.exec('DROP TRIGGER sessions_forget_schedule; DROP TABLE reminders; DROP TABLE follow_ups');
    db.exec('DROP INDEX sessions_waiting; ALTER TABLE sessions DROP COLUMN waiting; PRAGMA user_version = 2');
    db.close();
    const { cache: upgraded, notice } = openCache(dir, {});
    track(upgraded);
    expect(notice).toBeNull();
    expect(upgraded.needsYouCandidates(null, 0).waiting.map((s) => s.id)).toEqual(['fr_paused']);
    expect(upgraded.cursor()).toBe(3);
  });

  it('migrates a 0-byte file left by a writer that died at creation', () => {
    const dir = tempDir();
    fs.writeFileSync(cacheFile(dir), '');
    const { cache, notice } = openCache(dir, {});
    track(cache);
    expect(notice).toBeNull();
    expect(cache.count({ view: 'all' }, NOW)).toBe(0);
  });

  it('reopens without migrating again and keeps the data', () => {
    const dir = populated();
    const { cache, notice } = openCache(dir, {});
    track(cache);
    expect(notice).toBeNull();
    expect(cache.cursor()).toBe(7);
    expect(cache.getSession('fr_kept')?.id).toBe('fr_kept');
  });

  it('creates a missing data dir with mode 0700 only when asked', () => {
    const dir = path.join(tempDir(), 'nested', 'parrot');
    expectCacheError(() => openCache(dir), /^no cache at .*parrot \(run sync first\)$/);
    expect(fs.existsSync(dir)).toBe(false);
    track(openCache(dir, { create: true }).cache);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(cacheFile(dir)).mode & 0o777).toBe(0o600);
  });

  it('refuses a data dir without a cache when not creating', () => {
    const dir = tempDir();
    expectCacheError(() => openCache(dir), /^no cache at /);
    expect(fs.existsSync(cacheFile(dir))).toBe(false);
  });

  it('readonly: a missing dir, a missing file or an empty file is "no cache", and nothing is created', () => {
    const root = tempDir();
    const err = expectCacheError(() => openCache(path.join(root, 'absent'), { readonly: true, create: true }), /^no cache at .*absent \(run sync first\)$/);
    expect(err.reason).toBe('missing');
    expect(fs.existsSync(path.join(root, 'absent'))).toBe(false);
    expectCacheError(() => openCache(root, { readonly: true }), /^no cache at /);
    expect(fs.readdirSync(root)).toEqual([]);
    fs.writeFileSync(cacheFile(root), '');
    expectCacheError(() => openCache(root, { readonly: true }), /^no cache at /);
  });

  it('readonly: reads, and refuses every write with a CacheError', () => {
    const dir = populated();
    const { cache } = openCache(dir, { readonly: true });
    track(cache);
    expect(cache.getSession('fr_kept')?.id).toBe('fr_kept');
    expect(cache.cursor()).toBe(7);
    expectCacheError(() => cache.applySnapshot([], 8), /read-only/);
    expectCacheError(() => cache.setMeta('k', 'v'), /read-only/);
    expectCacheError(() => cache.prune(NOW), /read-only/);
  });

  it('a second writer on the same dir gets a CacheError naming the lock; a reader does not', () => {
    const dir = tempDir();
    const first = freshCache(dir);
    first.applySnapshot([flowRun()], 1);
    const err = expectCacheError(() => openCache(dir, { busyTimeoutMs: 50 }), /is locked by another writer/);
    expect(err.reason).toBe('locked');
    track(openCache(dir, { readonly: true }).cache);
    first.close();
    const again = track(openCache(dir, {}).cache);
    expect(again.cursor()).toBe(1);
  });

  it('a write transaction held by a foreign connection beyond busy_timeout is a CacheError naming the lock', () => {
    const dir = tempDir();
    const cache = freshCache(dir, { busyTimeoutMs: 50 });
    const other = new Database(cacheFile(dir));
    try {
      other.exec('BEGIN IMMEDIATE');
      expectCacheError(() => cache.applySnapshot([flowRun()], 1), /is locked by another writer/);
      other.exec('ROLLBACK');
      expect(cache.applySnapshot([flowRun()], 1)).toHaveLength(1);
    } finally {
      other.close();
    }
  });

  it('closes cleanly and refuses use after close', () => {
    const cache = freshCache();
    cache.close();
    cache.close();
    expectCacheError(() => cache.cursor(), /closed/);
  });
});

describe('opening: damaged and newer files are moved aside, never deleted', () => {
  it('moves a file of garbage bytes aside, with a notice naming the new path, and starts fresh', () => {
    const dir = tempDir();
    const garbage = Buffer.alloc(8192, 0x5a);
    fs.writeFileSync(cacheFile(dir), garbage);
    const { cache, notice } = openCache(dir, { now: () => NOW });
    track(cache);
    const moved = `${cacheFile(dir)}.corrupt-${STAMP}`;
    expect(notice).toContain(moved);
    expect(notice).toMatch(/damaged \(not a SQLite database\)/);
    expect(fs.readFileSync(moved)).toEqual(garbage);
    expect(cache.cursor()).toBeNull();
    cache.applySnapshot([flowRun()], 1);
    expect(cache.count({ view: 'all' }, NOW)).toBe(1);
  });

  it('moves a truncated cache aside together with its -wal and -shm', () => {
    const dir = populated();
    const file = cacheFile(dir);
    const size = fs.statSync(file).size;
    fs.truncateSync(file, size - 1000);
    fs.writeFileSync(`${file}-shm`, 'stale shm');
    const { cache, notice } = openCache(dir, { now: () => NOW });
    track(cache);
    const moved = `${file}.corrupt-${STAMP}`;
    expect(notice).toMatch(/truncated/);
    expect(fs.statSync(moved).size).toBe(size - 1000);
    expect(fs.readFileSync(`${moved}-shm`, 'utf8')).toBe('stale shm');
    expect(cache.cursor()).toBeNull();
    expect(cache.getSession('fr_kept')).toBeNull();
  });

  it.each([
    ['after a clean close', false],
    ['when the last writer died (quick_check)', true],
  ])('moves a cache with damaged pages aside %s', (_label, diedOpen) => {
    const dir = populated();
    const file = cacheFile(dir);
    const db = new Database(file);
    // A killed writer leaves its "open" marker behind.
    if (diedOpen) db.prepare("INSERT INTO meta (key, value) VALUES ('cache.writer-open', 'x')").run();
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(file);
    for (let p = 1; p < pages; p++) bytes.fill(0xa5, p * pageSize, p * pageSize + 64);
    fs.writeFileSync(file, bytes);
    const { cache, notice } = openCache(dir, { now: () => NOW });
    track(cache);
    expect(notice).toMatch(/damaged/);
    // SQLite may bump the header's change counter while it finds out; the pages are as they were.
    const moved = fs.readFileSync(`${file}.corrupt-${STAMP}`);
    expect(moved.length).toBe(bytes.length);
    expect(moved.subarray(100).equals(bytes.subarray(100))).toBe(true);
    expect(cache.cursor()).toBeNull();
  });

  it('moves a cache from a newer schema aside and names both versions', () => {
    const dir = populated();
    const db = new Database(cacheFile(dir));
    db.pragma(`user_version = ${SCHEMA_VERSION + 4}`);
    db.close();
    const { cache, notice } = openCache(dir, { now: () => NOW });
    track(cache);
    const moved = `${cacheFile(dir)}.newer-${STAMP}`;
    expect(notice).toContain(moved);
    expect(notice).toContain(`schema v${SCHEMA_VERSION + 4}`);
    expect(cache.cursor()).toBeNull();
    const old = new Database(moved, { readonly: true });
    expect(old.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 1 });
    old.close();
  });

  it('never overwrites an earlier moved-aside file', () => {
    const dir = tempDir();
    fs.writeFileSync(cacheFile(dir), 'first garbage that is long enough to not be a database header....');
    track(openCache(dir, { now: () => NOW }).cache).close();
    fs.rmSync(cacheFile(dir));
    fs.writeFileSync(cacheFile(dir), 'second garbage that is long enough to not be a database header...');
    const { notice } = openCache(dir, { now: () => NOW });
    expect(notice).toContain(`corrupt-${STAMP}-1`);
    expect(fs.readFileSync(`${cacheFile(dir)}.corrupt-${STAMP}`, 'utf8')).toMatch(/^first/);
    expect(fs.readFileSync(`${cacheFile(dir)}.corrupt-${STAMP}-1`, 'utf8')).toMatch(/^second/);
  });

  it('readonly: a damaged or newer file is a CacheError and stays where it is', () => {
    const dir = tempDir();
    fs.writeFileSync(cacheFile(dir), Buffer.alloc(4096, 1));
    expectCacheError(() => openCache(dir, { readonly: true }), /^the cache at .* is damaged \(not a SQLite database\)/);
    expect(fs.readdirSync(dir)).toEqual(['cache.sqlite']);

    const newer = populated();
    const db = new Database(cacheFile(newer));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const err = expectCacheError(() => openCache(newer, { readonly: true }), /newer than this version understands/);
    expect(err.reason).toBe('newer');
    expect(fs.existsSync(cacheFile(newer))).toBe(true);
  });
});
