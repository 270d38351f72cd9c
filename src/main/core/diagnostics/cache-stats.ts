import fs from 'node:fs';
import path from 'node:path';
import { CACHE_FILE } from '../cache/open';
import { openCache } from '../cache/cache';

/** What a cache holds, in counts and sizes: never a session's title, a transcript or an id. */
export interface CacheStats {
  /** Where it is, as the person knows it (the profile's folder). */
  folder: string;
  present: boolean;
  fileBytes: number;
  walBytes: number;
  sessions?: { total: number; active: number; flow_run: number; background_task: number; chat: number };
  /** Sessions the stream sent that could not be read (PROTOCOL.md section 1). */
  unreadable?: number;
  cursor?: number | null;
  /** Why the cache could not be read, in words. */
  problem?: string;
}

const size = (file: string): number => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

/** A cache's statistics, read-only, alongside whoever writes it (WAL readers never block a writer). */
export function cacheStats(folder: string, now: number): CacheStats {
  const file = path.join(folder, CACHE_FILE);
  const base = { folder, present: fs.existsSync(file), fileBytes: size(file), walBytes: size(`${file}-wal`) };
  if (!base.present) return base;
  try {
    const { cache } = openCache(folder, { readonly: true });
    try {
      const byKind = cache.countByKind({}, now);
      return {
        ...base,
        sessions: { total: byKind.flow_run + byKind.background_task + byKind.chat, active: cache.count({ view: 'active' }, now), ...byKind },
        unreadable: cache.unreadable().count,
        cursor: cache.cursor(),
      };
    } finally {
      cache.close();
    }
  } catch (error) {
    return { ...base, problem: (error as Error).message };
  }
}
