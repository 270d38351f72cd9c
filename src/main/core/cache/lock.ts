import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from './native-binding';
import { CacheError, isBusyError, isDamageError, lockedMessage } from './errors';

export const LOCK_FILE = 'cache.lock';

export interface WriterLock {
  release(): void;
}

/**
 * One writer per data dir. SQLite alone would let two sync engines interleave their batches and
 * cursors; so the writer holds an exclusive SQLite lock on a side file for as long as it runs.
 * The OS drops the lock when the process dies, kill -9 included, so there is no stale lock to clean.
 * Readers never touch it: they read cache.sqlite through WAL alongside the writer.
 */
export function acquireWriterLock(dir: string, busyTimeoutMs: number): WriterLock {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    const db = openDatabase(file, { timeout: busyTimeoutMs });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      // Nothing in this file is worth a journal on disk; MEMORY keeps a -journal file from appearing.
      db.pragma('journal_mode = MEMORY');
      // In EXCLUSIVE locking mode the lock taken here is kept after COMMIT, until close.
      db.exec('BEGIN EXCLUSIVE; COMMIT');
      return { release: () => db.close() };
    } catch (err) {
      db.close();
      if (isBusyError(err)) {
        throw new CacheError(`${lockedMessage(dir)} (it holds ${file})`, 'locked', { cause: err });
      }
      // The lock file holds no data: a damaged one is replaced, once.
      if (isDamageError(err) && attempt === 0) {
        fs.rmSync(file, { force: true });
        continue;
      }
      throw err;
    }
  }
}
