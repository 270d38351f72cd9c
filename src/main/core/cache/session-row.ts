import type { Session } from '../../../shared/protocol';
import { isActive, isChatEnded } from '../../../shared/sessions';

/** The indexed columns of a session row, derived with the shared client rules so SQL agrees with them. */
export interface SessionRow {
  id: string;
  id_key: Buffer;
  kind: string;
  status: string;
  owner_id: string;
  owner_name: string;
  initiative_id: string | null;
  initiative_name: string | null;
  plan_id: string | null;
  plan_name: string | null;
  title: string;
  title_fold: string;
  updated_at: number;
  live: 0 | 1;
  last_message_at: number | null;
  ended: 0 | 1;
  /** At a checkpoint (PROTOCOL.md: `checkpoint` is present only while pending). */
  waiting: 0 | 1;
  json: string;
}

export const SESSION_COLUMNS = [
  'id', 'id_key', 'kind', 'status', 'owner_id', 'owner_name', 'initiative_id', 'initiative_name',
  'plan_id', 'plan_name', 'title', 'title_fold', 'updated_at', 'live', 'last_message_at', 'ended', 'waiting', 'json',
] as const satisfies ReadonlyArray<keyof SessionRow>;

/** The row's values in SESSION_COLUMNS order, for a positional statement. */
export const rowValues = (row: SessionRow): unknown[] => SESSION_COLUMNS.map((c) => row[c]);

/** UTF-16BE: byte order of the BLOB is JavaScript's code-unit order of the string. */
export function idKey(id: string): Buffer {
  const buf = Buffer.alloc(id.length * 2);
  for (let i = 0; i < id.length; i++) buf.writeUInt16BE(id.charCodeAt(i), i * 2);
  return buf;
}

export function toRow(session: Session): SessionRow {
  const isChat = session.kind === 'chat';
  return {
    id: session.id,
    id_key: idKey(session.id),
    kind: session.kind,
    status: session.status,
    owner_id: session.owner.id,
    owner_name: session.owner.name,
    initiative_id: session.initiative?.id ?? null,
    initiative_name: session.initiative?.name ?? null,
    plan_id: session.plan?.id ?? null,
    plan_name: session.plan?.name ?? null,
    title: session.title,
    title_fold: session.title.toLowerCase(),
    updated_at: Date.parse(session.updatedAt),
    // Flow runs and tasks are live by status alone, so the clock does not matter for them.
    live: !isChat && isActive(session, 0) ? 1 : 0,
    last_message_at: isChat ? Date.parse(session.chat.lastMessageAt) : null,
    ended: isChatEnded(session) ? 1 : 0,
    waiting: session.checkpoint ? 1 : 0,
    // Decoded sessions carry the schema's key order, so the same session is the same text and
    // "did it change" is a string comparison (sorting keys here cost 40% of the row).
    json: JSON.stringify(session),
  };
}

export function fromJson(json: string): Session {
  return JSON.parse(json) as Session;
}
