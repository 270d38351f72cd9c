import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from './native-binding';
import { CacheError, isDamageError, toCacheError } from './errors';
import { acquireWriterLock, type WriterLock } from './lock';
import { lastWriterDied } from './meta';
import { SCHEMA_VERSION, migrate, userVersion } from './migrations';
import { inspectHeader, moveAside } from './move-aside';
import { DAY_MS } from './retention';

export const CACHE_FILE = 'cache.sqlite';

/** SQLite's own auto-checkpoint threshold, in 4 KB pages. */
export const WAL_AUTOCHECKPOINT_PAGES = 1000;

export interface OpenOptions {
  /** Open for reading alongside a running writer: never creates, migrates or moves anything. */
  readonly?: boolean;
  /** Create the data dir (mode 0700) and the cache when missing. Ignored when readonly. */
  create?: boolean;
  retentionDays?: number;
  maxBytes?: number;
  now?: () => number;
  /** How long to wait for a lock held by another connection before giving up (default 5 s). */
  busyTimeoutMs?: number;
  /**
   * A writer holds its writes in one transaction until `flush()` or close (./held-transaction), and
   * its views read them before they reach the file. On unless false; false commits every write.
   */
  holdWrites?: boolean;
}

export interface CacheSettings {
  retentionMs: number;
  maxBytes: number;
  now: () => number;
  holdWrites: boolean;
}

/** An open, migrated connection and, for a writer, its lock: what the Cache facade is built on. */
export interface CacheHandle {
  db: Database.Database;
  /**
   * Where views read what the file holds: for a writer, a second, read-only connection, so a write
   * spread over several turns (./sliced-write) stays invisible until it commits; for a reader, `db`.
   */
  reader: Database.Database;
  dir: string;
  path: string;
  readonly: boolean;
  lock: WriterLock | null;
  settings: CacheSettings;
}

interface Resolved extends CacheSettings {
  busyTimeoutMs: number;
}

/**
 * Builds the facade over a handle. It prepares every statement, so it runs inside the open attempt:
 * a file whose tables do not fit them counts as damaged.
 */
export type Build<C> = (handle: CacheHandle) => C;

type Attempt<C> = { cache: C } | { problem: { label: 'corrupt' | 'newer'; what: string } };

const missing = (dir: string) => new CacheError(`no cache at ${dir} (run sync first)`, 'missing');

/** The open procedure behind openCache (./cache): dir and lock, checks, move-aside, migrations. */
export function openHandle<C>(dataDir: string, options: OpenOptions, build: Build<C>): { cache: C; notice: string | null } {
  const dir = path.resolve(dataDir);
  const file = path.join(dir, CACHE_FILE);
  const settings: Resolved = {
    retentionMs: (options.retentionDays ?? 7) * DAY_MS,
    maxBytes: options.maxBytes ?? 512 * 1024 * 1024,
    now: options.now ?? Date.now,
    busyTimeoutMs: options.busyTimeoutMs ?? 5_000,
    holdWrites: options.holdWrites !== false && !options.readonly,
  };
  if (!(settings.retentionMs >= 0) || !(settings.maxBytes > 0)) {
    throw new CacheError(`retentionDays must be 0 or more and maxBytes more than 0`);
  }
  if (options.readonly) return { cache: openReader(dir, file, settings, build), notice: null };

  let lock: WriterLock | null = null;
  try {
    if (!fs.existsSync(dir)) {
      if (!options.create) throw missing(dir);
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    }
    if (!fs.existsSync(file) && !options.create) throw missing(dir);
    lock = acquireWriterLock(dir, settings.busyTimeoutMs);
    const first = openWriter(dir, file, settings, lock, build);
    if ('cache' in first) return { cache: first.cache, notice: null };
    const moved = moveAside(file, first.problem.label, settings.now());
    const notice = `the cache at ${file} ${first.problem.what}; moved it to ${moved} and started a fresh one`;
    const second = openWriter(dir, file, settings, lock, build);
    if ('cache' in second) return { cache: second.cache, notice };
    throw new CacheError(`a fresh cache at ${file} ${second.problem.what} right after creation`, 'damaged');
  } catch (err) {
    lock?.release();
    throw toCacheError(err, dir);
  }
}

function openWriter<C>(dir: string, file: string, settings: Resolved, lock: WriterLock, build: Build<C>): Attempt<C> {
  const header = inspectHeader(file);
  if (header.state === 'damaged') return { problem: { label: 'corrupt', what: `was damaged (${header.reason})` } };
  const fresh = header.state !== 'plausible';
  let db: Database.Database | null = null;
  let reader: Database.Database | null = null;
  try {
    db = openDatabase(file, { timeout: settings.busyTimeoutMs });
    // The cache holds transcripts: readable by its owner only, like the 0700 directory around it.
    if (fresh) fs.chmodSync(file, 0o600);
    // Must precede WAL and the first table to take effect; on an existing file it is a no-op.
    db.pragma('auto_vacuum = INCREMENTAL');
    // WAL: readers (the CLI, the UI) read while sync writes, and a killed writer loses nothing committed.
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new CacheError(`the cache at ${dir} could not switch to WAL (journal mode ${String(mode)})`, 'io');
    // Durable across a crashed process in WAL mode; only a power cut can lose the last commits.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // A write inside held writes is a savepoint, whose journal SQLite spills to a file in /var/tmp
    // past 64 KB: 115 MB of writes in 5 busy minutes, all thrown away. Kept in memory instead; it
    // holds the pages of one write at most.
    db.pragma('temp_store = MEMORY');
    // SQLite checkpoints inside the COMMIT that crosses this many pages, which bounds the WAL while
    // a flood lasts; the sync engine checkpoints the rest once writes go quiet (sync/idle-checkpoint).
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    const version = userVersion(db);
    if (version > SCHEMA_VERSION) {
      db.close();
      return {
        problem: { label: 'newer', what: `was written by a newer Parrot Tray (schema v${version}; this one knows v${SCHEMA_VERSION})` },
      };
    }
    if (version > 0 && lastWriterDied(db)) {
      const verdict = quickCheck(db);
      if (verdict !== 'ok') {
        db.close();
        return { problem: { label: 'corrupt', what: `was damaged (${verdict})` } };
      }
    }
    migrate(db);
    reader = openDatabase(file, { readonly: true, fileMustExist: true, timeout: settings.busyTimeoutMs });
    return { cache: build(handle(db, reader, dir, file, false, lock, settings)) };
  } catch (err) {
    reader?.close();
    db?.close();
    if (isDamageError(err)) return { problem: { label: 'corrupt', what: `was damaged (${(err as Error).message})` } };
    if (isSchemaMismatch(err)) return { problem: { label: 'corrupt', what: `did not match its schema (${(err as Error).message})` } };
    throw err;
  }
}

function openReader<C>(dir: string, file: string, settings: Resolved, build: Build<C>): C {
  if (!fs.existsSync(dir)) throw missing(dir);
  const header = inspectHeader(file);
  if (header.state === 'missing' || header.state === 'empty') throw missing(dir);
  const damaged = (why: string) =>
    new CacheError(`the cache at ${file} is damaged (${why}); the next sync moves it aside and starts a fresh one`, 'damaged');
  if (header.state === 'damaged') throw damaged(header.reason);
  let db: Database.Database | null = null;
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true, timeout: settings.busyTimeoutMs });
    const version = userVersion(db);
    if (version === 0) throw missing(dir);
    if (version > SCHEMA_VERSION) {
      throw new CacheError(`the cache at ${file} has schema v${version}, newer than this version understands (v${SCHEMA_VERSION})`, 'newer');
    }
    if (version < SCHEMA_VERSION) {
      throw new CacheError(`the cache at ${file} has schema v${version}, older than v${SCHEMA_VERSION}: run sync once to upgrade it`, 'older');
    }
    return build(handle(db, db, dir, file, true, null, settings));
  } catch (err) {
    db?.close();
    if (isDamageError(err)) throw damaged((err as Error).message);
    if (isSchemaMismatch(err)) throw damaged(`does not match schema v${SCHEMA_VERSION}`);
    throw toCacheError(err, dir);
  }
}

function handle(
  db: Database.Database,
  reader: Database.Database,
  dir: string,
  file: string,
  readonly: boolean,
  lock: WriterLock | null,
  settings: Resolved,
): CacheHandle {
  const { retentionMs, maxBytes, now, holdWrites } = settings;
  return { db, reader, dir, path: file, readonly, lock, settings: { retentionMs, maxBytes, now, holdWrites } };
}

/** `PRAGMA quick_check`: every page and record read once (no index cross-check); "ok" or the first problem. */
function quickCheck(db: Database.Database): string {
  const rows = db.pragma('quick_check(1)') as Array<{ quick_check: string }>;
  return rows[0]?.quick_check ?? 'no answer from quick_check';
}

/** A file claiming our schema version whose tables do not fit our statements. */
function isSchemaMismatch(err: unknown): boolean {
  return (
    err instanceof Error &&
    (err as { code?: string }).code === 'SQLITE_ERROR' &&
    /no such (table|column|index)|has no column|already exists/.test(err.message)
  );
}
