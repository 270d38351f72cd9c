import { describeIssues } from './decode';
import type { ChangeItem } from './frames';
import { Id, Session } from './session';
import { TranscriptEntry } from './transcript';

/**
 * Per-item validation (PROTOCOL.md section 1): one session of a snapshot page, one item of a
 * `changes` batch or one transcript entry is read on its own, so a bad one never costs the others.
 * A skipped item says what can be said about it without its content: its id when that is readable,
 * and the reason as schema paths and issue codes (never values, which may hold secrets).
 */
export interface SkippedItem {
  /** The session's id (a transcript entry: its session's), or null when even that is unreadable. */
  id: string | null;
  reason: string;
}

export type ItemRead<T> = { ok: true; value: T } | ({ ok: false } & SkippedItem);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The id of something that may be junk, if it is a valid id. */
export function readableId(raw: unknown): string | null {
  if (!isRecord(raw)) return null;
  return Id.safeParse(raw.id).success ? (raw.id as string) : null;
}

export function readSession(raw: unknown): ItemRead<Session> {
  const parsed = Session.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, id: readableId(raw), reason: isRecord(raw) ? describeIssues(parsed.error) : 'not an object' };
}

/**
 * One item of a changes batch, at `seq` (fromSeq + its index: the envelope places it). An item
 * whose own seq says otherwise is skipped like any unreadable one, and the cursor still moves past.
 */
export function readChangeItem(raw: unknown, seq: number): ItemRead<ChangeItem> {
  if (!isRecord(raw)) return { ok: false, id: null, reason: 'not an object' };
  // An unknown op may carry its session either way; whichever id is readable names it in the log.
  const id = raw.op === 'remove' ? readableId(raw) : raw.op === 'upsert' ? readableId(raw.session) : (readableId(raw.session) ?? readableId(raw));
  const skip = (reason: string): ItemRead<ChangeItem> => ({ ok: false, id, reason });
  if (raw.seq !== seq) return skip(typeof raw.seq === 'number' ? 'seq: not fromSeq + its index' : 'seq: invalid_type');
  if (raw.op === 'remove') return id === null ? skip('id: invalid') : { ok: true, value: { seq, op: 'remove', id } };
  if (raw.op !== 'upsert') return skip('op: invalid_value');
  const session = readSession(raw.session);
  if (!session.ok) return skip(prefixed('session', session.reason));
  return { ok: true, value: { seq, op: 'upsert', session: session.value } };
}

/** A transcript entry; a skipped one keeps its seq when readable, so paging can move past it. */
export function readTranscriptEntry(raw: unknown): { ok: true; value: TranscriptEntry } | { ok: false; seq: number | null; reason: string } {
  const parsed = TranscriptEntry.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const seq = isRecord(raw) && Number.isSafeInteger(raw.seq) && (raw.seq as number) > 0 ? (raw.seq as number) : null;
  return { ok: false, seq, reason: isRecord(raw) ? describeIssues(parsed.error) : 'not an object' };
}

function prefixed(path: string, reason: string): string {
  return reason === 'not an object' ? `${path}: not an object` : reason.split('; ').map((r) => `${path}.${r}`).join('; ');
}
