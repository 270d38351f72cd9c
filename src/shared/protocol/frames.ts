import { z } from 'zod';
import { ERROR_CODES, MAX_CHANGES_BATCH, MAX_SNAPSHOT_PAGE } from './constants';
import { Id, Session, Timestamp } from './session';
import { TranscriptEntry } from './transcript';

const Seq = z.number().int().nonnegative();
/** Request ids are chosen by the client; bound them like ids so a server can remember them. */
const ReqId = Id;

// ---- server → client (section 3) ----

export const HelloFrame = z.object({
  type: z.literal('hello'),
  protocol: z.number().int(),
  serverTime: Timestamp,
  heartbeatMs: z.number().int().positive(),
  tenant: z.object({ id: Id, name: z.string() }),
  user: z.object({ id: Id, name: z.string() }),
  headSeq: Seq,
});

export const ResyncFrame = z.object({ type: z.literal('resync'), reason: z.string() });

export const SnapshotFrame = z
  .object({
    type: z.literal('snapshot'),
    page: z.number().int().nonnegative(),
    sessions: z.array(Session).max(MAX_SNAPSHOT_PAGE),
    last: z.boolean(),
    seq: Seq.optional(),
  })
  .refine((f) => !f.last || f.seq !== undefined, { message: 'the last snapshot page carries seq', path: ['seq'] });

export const ChangeItem = z.discriminatedUnion('op', [
  z.object({ seq: Seq, op: z.literal('upsert'), session: Session }),
  z.object({ seq: Seq, op: z.literal('remove'), id: Id }),
]);

export const ChangesFrame = z
  .object({
    type: z.literal('changes'),
    fromSeq: Seq,
    toSeq: Seq,
    items: z.array(ChangeItem).min(1).max(MAX_CHANGES_BATCH),
  })
  .refine((f) => f.items.length > 0 && f.items[0]!.seq === f.fromSeq && f.items[f.items.length - 1]!.seq === f.toSeq, {
    message: 'fromSeq and toSeq are the first and last item seq',
  })
  .refine((f) => f.items.every((item, i) => item.seq === f.fromSeq + i), {
    message: 'item seq must increase by exactly 1',
  });

/**
 * A changes frame as the connection first reads it: the envelope checked, the items not yet.
 * Validating 1,000 sessions takes milliseconds; the sync engine does it just before it writes
 * the batch, so reading the stream (and a checkpoint waiting behind a backlog) never waits on it.
 * It still checks the whole frame with ChangesFrame before a single item is used.
 */
export const ChangesEnvelope = z
  .object({
    type: z.literal('changes'),
    fromSeq: Seq,
    toSeq: Seq,
    items: z.array(z.unknown()).min(1).max(MAX_CHANGES_BATCH),
  })
  .refine((f) => f.toSeq - f.fromSeq + 1 === f.items.length, { message: 'fromSeq..toSeq must span the items' });

export const TranscriptFrame = z.object({
  type: z.literal('transcript'),
  reqId: ReqId,
  sessionId: Id,
  entries: z.array(TranscriptEntry),
  complete: z.boolean(),
});

export const TranscriptAppendFrame = z.object({
  type: z.literal('transcript.append'),
  sessionId: Id,
  entries: z.array(TranscriptEntry),
});

export const ErrorCode = z.enum(ERROR_CODES);
export const ProtocolError = z.object({ code: z.string(), message: z.string() });

export const ResultFrame = z.union([
  z.object({ type: z.literal('result'), reqId: ReqId, ok: z.literal(true) }),
  z.object({ type: z.literal('result'), reqId: ReqId, ok: z.literal(false), error: ProtocolError }),
]);

export const ErrorFrame = z.object({
  type: z.literal('error'),
  code: z.string(),
  message: z.string(),
  retryAfterMs: z.number().int().nonnegative().optional(),
  /** Not in the spec's example: set when the error answers a request, so the client can match it. */
  reqId: ReqId.optional(),
});

// ---- client → server ----

export const SubscribeFrame = z.object({ type: z.literal('subscribe'), since: Seq.nullable() });

export const TranscriptGetFrame = z.object({
  type: z.literal('transcript.get'),
  reqId: ReqId,
  sessionId: Id,
  afterSeq: Seq.default(0),
  limit: z.number().int().positive().optional(),
});

export const TranscriptWatchFrame = z.object({ type: z.literal('transcript.watch'), sessionId: Id });
export const TranscriptUnwatchFrame = z.object({ type: z.literal('transcript.unwatch'), sessionId: Id });

export const COMMAND_ACTIONS = ['approve', 'reject', 'resume', 'cancel', 'end'] as const;
export const CommandAction = z.enum(COMMAND_ACTIONS);
export type CommandAction = z.infer<typeof CommandAction>;

/** What a command asks for, without its envelope: the renderer API sends exactly this. */
export const CommandFields = z.object({
  action: CommandAction,
  sessionId: Id,
  checkpointId: Id.optional(),
  comment: z.string().max(10_000).optional(),
});

/** approve and reject need the checkpoint the person saw (section 3.6). */
export const needsCheckpoint = (c: { action: CommandAction; checkpointId?: string }): boolean =>
  c.action === 'approve' || c.action === 'reject' ? c.checkpointId !== undefined : true;
const NEEDS_CHECKPOINT = { message: 'approve and reject need the checkpointId the person saw', path: ['checkpointId'] };

export const CommandFrame = CommandFields.extend({ type: z.literal('command'), reqId: ReqId }).refine(needsCheckpoint, NEEDS_CHECKPOINT);
export const CommandRequest = CommandFields.refine(needsCheckpoint, NEEDS_CHECKPOINT);

/** Schemas by `type`: what each side accepts. A type missing here is unknown and ignored. */
export const SERVER_FRAMES = {
  hello: HelloFrame,
  resync: ResyncFrame,
  snapshot: SnapshotFrame,
  changes: ChangesFrame,
  transcript: TranscriptFrame,
  'transcript.append': TranscriptAppendFrame,
  result: ResultFrame,
  error: ErrorFrame,
} as const;

/** What the client's connection reads at once: SERVER_FRAMES with changes items left for later. */
export const STREAM_FRAMES = { ...SERVER_FRAMES, changes: ChangesEnvelope } as const;

export const CLIENT_FRAMES = {
  subscribe: SubscribeFrame,
  'transcript.get': TranscriptGetFrame,
  'transcript.watch': TranscriptWatchFrame,
  'transcript.unwatch': TranscriptUnwatchFrame,
  command: CommandFrame,
} as const;

type Infer<M> = { [K in keyof M]: M[K] extends z.ZodType ? z.output<M[K]> : never }[keyof M];
export type ServerFrame = Infer<typeof SERVER_FRAMES>;
export type ClientFrame = Infer<typeof CLIENT_FRAMES>;
export type StreamFrame = Infer<typeof STREAM_FRAMES>;
export type ChangesEnvelope = z.infer<typeof ChangesEnvelope>;

export type HelloFrame = z.infer<typeof HelloFrame>;
export type SnapshotFrame = z.infer<typeof SnapshotFrame>;
export type ChangesFrame = z.infer<typeof ChangesFrame>;
export type ChangeItem = z.infer<typeof ChangeItem>;
export type ResultFrame = z.infer<typeof ResultFrame>;
export type ErrorFrame = z.infer<typeof ErrorFrame>;
export type CommandFrame = z.infer<typeof CommandFrame>;
export type SubscribeFrame = z.infer<typeof SubscribeFrame>;
export type TranscriptGetFrame = z.infer<typeof TranscriptGetFrame>;
export type TranscriptFrame = z.infer<typeof TranscriptFrame>;
export type TranscriptAppendFrame = z.infer<typeof TranscriptAppendFrame>;
