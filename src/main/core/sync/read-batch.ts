import { readChangeItem, type ChangesEnvelope, type SkippedItem } from '../../../shared/protocol';
import type { BatchEntry } from '../cache/cache';

/**
 * A changes batch read item by item (PROTOCOL.md section 1): an item that cannot be read becomes a
 * `skipped` entry, which the cache notes as unreadable and whose seq still moves the cursor. Each
 * item is placed by its position, `fromSeq + index`; `onSkipped` gets `where` for one without an id.
 */
export function readBatch(batch: ChangesEnvelope, onSkipped: (item: SkippedItem, where: string) => void): BatchEntry[] {
  return batch.items.map((raw, i): BatchEntry => {
    const seq = batch.fromSeq + i;
    const read = readChangeItem(raw, seq);
    if (read.ok) return read.value;
    onSkipped(read, `seq ${seq}`);
    return { seq, op: 'skipped', id: read.id, reason: read.reason };
  });
}
