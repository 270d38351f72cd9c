import { Session } from '../../../shared/protocol';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The sessions a changes frame leaves waiting at a checkpoint, read from its items before they are
 * validated and written: the fast lane that lets an approval reach the notification policy while
 * the batches ahead of it are still being written. Each session found is validated on its own; a
 * session removed or cleared later in the same frame is not returned (the policy's own rule that a
 * checkpoint which came and went in one batch is never shown).
 */
export function pendingCheckpoints(items: readonly unknown[]): Session[] {
  const last = new Map<string, unknown>();
  for (const item of items) {
    if (!isRecord(item)) continue;
    if (item.op === 'upsert' && isRecord(item.session) && typeof item.session.id === 'string') last.set(item.session.id, item.session);
    else if (item.op === 'remove' && typeof item.id === 'string') last.set(item.id, null);
  }
  const out: Session[] = [];
  for (const raw of last.values()) {
    if (!isRecord(raw) || !isRecord(raw.checkpoint)) continue;
    const parsed = Session.safeParse(raw);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}
