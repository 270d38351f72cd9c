/**
 * Every failure the cache reports is a CacheError with one line a person can act on; the SQLite
 * error, when there is one, stays on `cause` for logs.
 */
export class CacheError extends Error {
  override readonly name = 'CacheError';
  /** What went wrong, for callers that react differently (e.g. reopen after `damaged`). */
  readonly reason: CacheErrorReason;

  constructor(message: string, reason: CacheErrorReason = 'other', options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

export type CacheErrorReason = 'missing' | 'locked' | 'damaged' | 'newer' | 'older' | 'readonly' | 'closed' | 'sequence' | 'io' | 'other';

/** better-sqlite3's SqliteError, without importing its class (it is not exported as a value in the types). */
function sqliteCode(err: unknown): string | null {
  const code: unknown = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

export function isDamageError(err: unknown): boolean {
  const code = sqliteCode(err);
  return code !== null && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

export function isBusyError(err: unknown): boolean {
  const code = sqliteCode(err);
  return code !== null && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

export const lockedMessage = (dir: string): string => `the cache at ${dir} is locked by another writer`;

/**
 * Turns whatever SQLite threw into a one-line CacheError about the cache in `dir`.
 * Errors that are not SQLite's (a bug, a throwing redactor) pass through unchanged.
 */
export function toCacheError(err: unknown, dir: string): unknown {
  if (err instanceof CacheError) return err;
  const code = sqliteCode(err);
  if (code === null) {
    // A file-system error (mkdir, rename, a permission) is as much the cache's trouble as SQLite's.
    if (err instanceof Error && typeof (err as NodeJS.ErrnoException).syscall === 'string') {
      return new CacheError(`could not open the cache at ${dir} (${err.message})`, 'io', { cause: err });
    }
    return err;
  }
  const detail = err instanceof Error ? err.message : String(err);
  if (isBusyError(err)) return new CacheError(lockedMessage(dir), 'locked', { cause: err });
  if (isDamageError(err)) {
    return new CacheError(`the cache at ${dir} is damaged (${detail}); reopen it to move it aside`, 'damaged', { cause: err });
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new CacheError(`the cache at ${dir} cannot be written (${detail})`, 'readonly', { cause: err });
  }
  if (code === 'SQLITE_FULL') return new CacheError(`the disk holding the cache at ${dir} is full`, 'io', { cause: err });
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) {
    return new CacheError(`could not read or write the cache at ${dir} (${detail})`, 'io', { cause: err });
  }
  return new CacheError(`the cache at ${dir} failed: ${detail}`, 'other', { cause: err });
}
