import type { Session, SkippedItem } from '../../../shared/protocol';

/**
 * A snapshot's pages as the write pulls them: the next page, the end (with the snapshot's seq),
 * or 'wait' while the next page is still on the network. The write holds its transaction open
 * meanwhile, so pages are written as they arrive and the snapshot still commits as one. A page's
 * `skipped` are the sessions of it that could not be read: not held, and noted as unreadable.
 */
export interface SnapshotSource {
  take(): SnapshotPage | { seq: number } | 'wait';
}

export interface SnapshotPage {
  sessions: Session[];
  skipped?: SkippedItem[];
}

/** A snapshot already whole in memory. */
export function wholeSnapshot(sessions: Session[], seq: number): SnapshotSource {
  let given = false;
  return { take: () => (given ? { seq } : ((given = true), { sessions })) };
}
