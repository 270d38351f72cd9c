import { CacheError } from '../core/cache/cache';
import { CliError } from './args';
import type { CliIo } from './command';

/** Opens through `open`, turning cache trouble into one clear line; a notice (file moved aside) goes to stderr. */
export function openOrExplain<T>(open: () => { notice: string | null } & ({ companion: T } | { cache: T }), io: CliIo): T {
  let opened;
  try {
    opened = open();
  } catch (error) {
    if (error instanceof CacheError) throw new CliError(error.message);
    throw error;
  }
  if (opened.notice) io.err(`parrot-tray: ${opened.notice}`);
  return 'companion' in opened ? opened.companion : opened.cache;
}
