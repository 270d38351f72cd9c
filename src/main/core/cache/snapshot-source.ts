import type { Session } from '../../../shared/protocol';

/**
 * A snapshot's pages as the write pulls them: the next page, the end (with the snapshot's seq),
 * or 'wait' while the next page is still on the network. The write holds its transaction open
 * meanwhile, so pages are written as they arrive and the snapshot still commits as one.
 */
export interface SnapshotSource {
  take(): { sessions: Session[] } | { seq: number } | 'wait';
}

/** A snapshot already whole in memory. */
export function wholeSnapshot(sessions: Session[], seq: number): SnapshotSource {
  let given = false;
  return { take: () => (given ? { seq } : ((given = true), { sessions })) };
}
