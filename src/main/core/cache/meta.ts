import type { Database, Statement } from 'better-sqlite3';
import { CacheError } from './errors';

/** Keys under `cache.` belong to the cache itself; setMeta refuses them. */
const RESERVED = 'cache.';
/** The last change seq applied, written in the same transaction as the sessions it describes. */
export const CURSOR_KEY = 'cache.cursor';
/**
 * Present while a writer has the cache open, removed when it closes cleanly. Found at open, it
 * means the last writer died (or met damage), which is when the open runs a quick_check: a full
 * check at every start would cost about a second at the size cap.
 */
export const WRITER_OPEN_KEY = 'cache.writer-open';

export const META_UPSERT = 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value';

export class MetaStore {
  private readonly select: Statement<[string], { value: string }>;
  private readonly upsert: Statement<[string, string]>;
  private readonly remove: Statement<[string]>;

  constructor(db: Database) {
    this.select = db.prepare('SELECT value FROM meta WHERE key = ?');
    this.upsert = db.prepare(META_UPSERT);
    this.remove = db.prepare('DELETE FROM meta WHERE key = ?');
  }

  get(key: string): string | null {
    return this.select.get(key)?.value ?? null;
  }

  set(key: string, value: string): void {
    if (key.startsWith(RESERVED)) throw new CacheError(`meta key ${key} is reserved for the cache itself`);
    this.upsert.run(key, value);
  }

  markWriterOpen(at: number): void {
    this.upsert.run(WRITER_OPEN_KEY, new Date(at).toISOString());
  }

  markWriterClosed(): void {
    this.remove.run(WRITER_OPEN_KEY);
  }
}

/** Read before migrating, with a one-off statement: the store's statements need the current schema. */
export function lastWriterDied(db: Database): boolean {
  return db.prepare('SELECT 1 FROM meta WHERE key = ?').get(WRITER_OPEN_KEY) !== undefined;
}
