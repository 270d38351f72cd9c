import fs from 'node:fs';
import path from 'node:path';
import { acquireWriterLock } from '../cache/lock';
import { CACHE_FILE } from '../cache/open';

/**
 * Before profiles the app kept one cache at the top of its data directory. The first start after
 * the change moves it into its profile's folder, so nothing synced is lost and the first sync is a
 * catch-up rather than a snapshot. The WAL and its index move before the database itself: a crash
 * in between leaves the database where this looks, and the next start finishes the move.
 * Returns what it did, in words, or null when there was nothing to move.
 */
export function adoptLegacyCache(root: string, profileDir: string): string | null {
  const legacy = path.join(root, CACHE_FILE);
  if (!fs.existsSync(legacy) || fs.existsSync(path.join(profileDir, CACHE_FILE))) return null;
  // The same lock a writer takes: nothing may write the old cache while it moves.
  const lock = acquireWriterLock(root, 5_000);
  try {
    fs.mkdirSync(profileDir, { recursive: true, mode: 0o700 });
    for (const suffix of ['-wal', '-shm', '']) {
      const from = `${legacy}${suffix}`;
      if (fs.existsSync(from)) fs.renameSync(from, path.join(profileDir, `${CACHE_FILE}${suffix}`));
    }
  } finally {
    lock.release();
  }
  return `the cache from before profiles now belongs to profile ${path.basename(profileDir)}`;
}
