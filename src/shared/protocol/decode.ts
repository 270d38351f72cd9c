import type { z } from 'zod';
import { MAX_FRAME_BYTES } from './constants';
import { CLIENT_FRAMES, SERVER_FRAMES, STREAM_FRAMES, type ClientFrame, type ServerFrame, type StreamFrame } from './frames';

/**
 * The outcome of reading one text frame. `invalid` carries the frame's type and a short
 * reason, never the frame's text: frames may hold secrets and must not reach a log.
 */
export type Decoded<F> =
  | { kind: 'frame'; frame: F }
  | { kind: 'unknown'; type: string }
  | { kind: 'invalid'; type: string | null; reason: string };

type SchemaMap = Record<string, z.ZodType>;

/** `byteLength`: the frame's size in UTF-8 when the caller already knows it (a socket does). */
function decodeWith<F>(schemas: SchemaMap, text: string, byteLength?: number): Decoded<F> {
  // String length is UTF-16 units, at most 3 UTF-8 bytes each: only a long frame is worth measuring.
  const tooBig = byteLength !== undefined ? byteLength > MAX_FRAME_BYTES : text.length * 3 > MAX_FRAME_BYTES && new TextEncoder().encode(text).length > MAX_FRAME_BYTES;
  if (tooBig) {
    return { kind: 'invalid', type: null, reason: 'frame larger than 1 MiB' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'invalid', type: null, reason: 'not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'invalid', type: null, reason: 'not a JSON object' };
  }
  const raw = (value as { type?: unknown }).type;
  if (typeof raw !== 'string') return { kind: 'invalid', type: null, reason: 'no string "type"' };
  // The type is logged and counted; a long one is cut so it cannot carry a payload into a log.
  const type = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  const schema = Object.hasOwn(schemas, raw) ? schemas[raw] : undefined;
  if (!schema) return { kind: 'unknown', type };
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { kind: 'invalid', type, reason: describeIssues(parsed.error) };
  return { kind: 'frame', frame: parsed.data as F };
}

/** Paths and messages only: zod's default message can quote the offending input. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(frame)'}: ${issue.code}`)
    .join('; ');
}

export const decodeServerFrame = (text: string): Decoded<ServerFrame> => decodeWith(SERVER_FRAMES, text);
/** For the client's connection: changes items are validated later, by the sync engine (see ChangesEnvelope). */
export const decodeStreamFrame = (text: string, byteLength?: number): Decoded<StreamFrame> => decodeWith(STREAM_FRAMES, text, byteLength);
export const decodeClientFrame = (text: string): Decoded<ClientFrame> => decodeWith(CLIENT_FRAMES, text);
