import { existsSync, mkdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Frozen } from '../../support/frozen';

/**
 * What happens to files on a person's disk: a crash mid-write (truncated), a bad sector or another
 * program (bytes overwritten, garbage), a newer release's file, a folder where a file should be,
 * and files or folders that cannot be written. Applied to a copy the run owns.
 */
export type Harm =
  | { kind: 'truncated'; at: number }
  | { kind: 'overwritten'; at: number; bytes: Uint8Array }
  | { kind: 'empty' }
  | { kind: 'garbage'; bytes: Uint8Array }
  | { kind: 'newer' }
  | { kind: 'a folder' }
  | { kind: 'read-only' }
  | { kind: 'read-only folder' };

export const harmArb: fc.Arbitrary<Harm> = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((at): Harm => ({ kind: 'truncated', at })) },
  { weight: 3, arbitrary: fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }).map((h): Harm => ({ kind: 'overwritten', ...h })) },
  { weight: 1, arbitrary: fc.constant<Harm>({ kind: 'empty' }) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 4096 }).map((bytes): Harm => ({ kind: 'garbage', bytes })) },
  { weight: 2, arbitrary: fc.constant<Harm>({ kind: 'newer' }) },
  { weight: 1, arbitrary: fc.constant<Harm>({ kind: 'a folder' }) },
  { weight: 2, arbitrary: fc.constant<Harm>({ kind: 'read-only' }) },
  { weight: 1, arbitrary: fc.constant<Harm>({ kind: 'read-only folder' }) },
);

/** Applies `harm` to `file` (its folder for 'read-only folder'); `newer` is the caller's, by file kind. */
export function harm(file: string, how: Harm, frozen: Frozen, newer: (file: string) => void): void {
  const size = existsSync(file) ? statSync(file).size : 0;
  switch (how.kind) {
    case 'truncated':
      return truncateSync(file, Math.floor(size * how.at));
    case 'overwritten': {
      const bytes = readFileSync(file);
      Buffer.from(how.bytes).copy(bytes, Math.floor(Math.max(0, size - how.bytes.length) * how.at));
      return writeFileSync(file, bytes);
    }
    case 'empty':
      return writeFileSync(file, '');
    case 'garbage':
      return writeFileSync(file, how.bytes);
    case 'newer':
      return newer(file);
    case 'a folder':
      rmSync(file, { force: true });
      return void mkdirSync(file);
    case 'read-only':
      return frozen.freeze(file);
    case 'read-only folder':
      return frozen.freeze(file.slice(0, file.lastIndexOf('/')));
  }
}
