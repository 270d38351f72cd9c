import fs from 'node:fs';

export type HeaderVerdict = { state: 'missing' | 'empty' | 'plausible' } | { state: 'damaged'; reason: string };

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

function nonEmpty(file: string): boolean {
  return (fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) > 0;
}

/**
 * A look at the file's first 100 bytes before SQLite opens it. SQLite notices a wrong magic by
 * itself, but a truncated file only fails once a query reaches a missing page, possibly much later;
 * the header says how big the file should be.
 */
export function inspectHeader(file: string): HeaderVerdict {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw err;
  }
  try {
    const stat = fs.fstatSync(fd);
    // A folder (or device) where the cache should be opens for reading but cannot be read: damaged.
    if (!stat.isFile()) return { state: 'damaged', reason: 'not a file' };
    const size = stat.size;
    if (size === 0) return { state: 'empty' };
    const header = Buffer.alloc(100);
    const read = fs.readSync(fd, header, 0, 100, 0);
    if (read < 100 || !header.subarray(0, 16).equals(MAGIC)) return { state: 'damaged', reason: 'not a SQLite database' };
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return { state: 'damaged', reason: 'invalid page size' };
    // With frames pending in the WAL (a writer killed mid-checkpoint), page 1 may already announce
    // pages the file does not have yet; SQLite replays the WAL and all is well. Judge sizes only without one.
    if (nonEmpty(`${file}-wal`)) return { state: 'plausible' };
    if (size % pageSize !== 0) return { state: 'damaged', reason: 'truncated (not a whole number of pages)' };
    const pages = header.readUInt32BE(28);
    const headerSizeValid = header.readUInt32BE(24) === header.readUInt32BE(92);
    if (headerSizeValid && pages > 0 && size < pages * pageSize) {
      return { state: 'damaged', reason: `truncated (${size} of ${pages * pageSize} bytes)` };
    }
    return { state: 'plausible' };
  } finally {
    fs.closeSync(fd);
  }
}

/** 2026-11-24T10:00:00.123Z → 20261124T100000Z */
export function stamp(now: number): string {
  return new Date(now).toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * Renames the cache and its -wal/-shm out of the way, keeping them together so the moved copy
 * still opens with its last transactions. Returns the new path of the database file.
 */
export function moveAside(file: string, label: string, now: number): string {
  const base = `${file}.${label}-${stamp(now)}`;
  let target = base;
  for (let n = 1; [target, `${target}-wal`, `${target}-shm`].some((p) => fs.existsSync(p)); n++) target = `${base}-${n}`;
  // The side files first, the database last: if this is interrupted, the damaged database is still
  // in place to be found again, and a fresh cache never starts next to a stale WAL.
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  fs.renameSync(file, target);
  return target;
}
