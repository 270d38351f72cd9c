import { readChangeItem, type Session } from '../../../shared/protocol';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The sessions a changes frame leaves waiting at a checkpoint, read from its items before they are
 * written: the fast lane that lets an approval reach the notification policy while the batches
 * ahead of it are still being written. It follows the write's rule (PROTOCOL.md section 1): items
 * are read one by one, one that cannot be read is passed over, and a session ends the frame at its
 * last readable version. A session removed or cleared later in the same frame is not returned (the
 * policy's own rule that a checkpoint which came and went in one batch is never shown).
 *
 * Only sessions that carry a checkpoint somewhere in the frame are read in full: the rest cannot
 * end at one, and validating 1,000 sessions here would hold up the stream.
 */
export function pendingCheckpoints(items: readonly unknown[], fromSeq: number): Session[] {
  const candidates = new Set<string>();
  for (const item of items) {
    if (isRecord(item) && isRecord(item.session) && isRecord(item.session.checkpoint) && typeof item.session.id === 'string') candidates.add(item.session.id);
  }
  if (candidates.size === 0) return [];
  const decided = new Map<string, Session | null>();
  for (let i = items.length - 1; i >= 0 && decided.size < candidates.size; i--) {
    const raw = items[i];
    if (!isRecord(raw)) continue;
    const id = raw.op === 'remove' ? raw.id : isRecord(raw.session) ? raw.session.id : undefined;
    if (typeof id !== 'string' || !candidates.has(id) || decided.has(id)) continue;
    const read = readChangeItem(raw, fromSeq + i);
    if (!read.ok) continue;
    const item = read.value;
    decided.set(id, item.op === 'upsert' && item.session.checkpoint ? item.session : null);
  }
  return [...decided.values()].filter((s): s is Session => s !== null);
}
