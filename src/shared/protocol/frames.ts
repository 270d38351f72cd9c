import { z } from 'zod';
import { ERROR_CODES, MAX_CHANGES_BATCH, MAX_SNAPSHOT_PAGE } from './constants';
import { optEnvelope } from './optional';
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

const snapshotFields = {
  type: z.literal('snapshot'),
  page: z.number().int().nonnegative(),
  last: z.boolean(),
  seq: optEnvelope(Seq),
};
const lastPageHasSeq = (f: { last: boolean; seq?: number | null }) => !f.last || (f.seq !== undefined && f.seq !== null);
const LAST_PAGE_HAS_SEQ: [typeof lastPageHasSeq, { message: string; path: string[] }] = [lastPageHasSeq, { message: 'the last snapshot page carries seq', path: ['seq'] }];

export const SnapshotFrame = z.object({ ...snapshotFields, sessions: z.array(Session).max(MAX_SNAPSHOT_PAGE) }).refine(...LAST_PAGE_HAS_SEQ);

/**
 * A snapshot page as the client reads it: the envelope checked, each session later and on its own
 * (PROTOCOL.md section 1: one bad session never costs the page). See ./items.
 */
export const SnapshotEnvelope = z.object({ ...snapshotFields, sessions: z.array(z.unknown()).max(MAX_SNAPSHOT_PAGE) }).refine(...LAST_PAGE_HAS_SEQ);

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
 * A changes frame as the client reads it: the envelope checked, the items later and one by one
 * (./items), just before the batch is written, so reading the stream (and a checkpoint waiting
 * behind a backlog) never waits on validating 1,000 sessions. An item is placed by its position
 * (`fromSeq + index`), so the cursor moves past an item that cannot be read.
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

/** Transcript frames as the client reads them: entries are read one by one (./items). */
export const TranscriptEnvelope = TranscriptFrame.extend({ entries: z.array(z.unknown()) });
export const TranscriptAppendEnvelope = TranscriptAppendFrame.extend({ entries: z.array(z.unknown()) });

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
  retryAfterMs: optEnvelope(z.number().int().nonnegative()),
  /** Not in the spec's example: set when the error answers a request, so the client can match it. */
  reqId: optEnvelope(ReqId),
});

// ---- client → server ----

export const SubscribeFrame = z.object({ type: z.literal('subscribe'), since: Seq.nullable() });

export const TranscriptGetFrame = z.object({
  type: z.literal('transcript.get'),
  reqId: ReqId,
  sessionId: Id,
  // Absent and null mean the same (section 1): the start of the transcript, the server's page size.
  afterSeq: optEnvelope(Seq).transform((v) => v ?? 0),
  limit: optEnvelope(z.number().int().positive()),
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
  checkpointId: optEnvelope(Id),
  comment: optEnvelope(z.string().max(10_000)),
});

/** approve and reject need the checkpoint the person saw (section 3.6). */
export const needsCheckpoint = (c: { action: CommandAction; checkpointId?: string | null }): boolean =>
  c.action === 'approve' || c.action === 'reject' ? typeof c.checkpointId === 'string' : true;
export const NEEDS_CHECKPOINT = { message: 'approve and reject need the checkpointId the person saw', path: ['checkpointId'] };

export const CommandFrame = CommandFields.extend({ type: z.literal('command'), reqId: ReqId }).refine(needsCheckpoint, NEEDS_CHECKPOINT);
export const CommandRequest = CommandFields.refine(needsCheckpoint, NEEDS_CHECKPOINT);

/**
 * Schemas by `type`: frames as a correct server sends them, whole (the demo backend's own output is
 * typed by these). A type missing here is unknown and ignored.
 */
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

/**
 * What the client's connection reads: SERVER_FRAMES with only the envelope checked where a frame
 * carries items (sessions, changes, transcript entries); the items are read one by one (./items).
 */
export const STREAM_FRAMES = {
  ...SERVER_FRAMES,
  snapshot: SnapshotEnvelope,
  changes: ChangesEnvelope,
  transcript: TranscriptEnvelope,
  'transcript.append': TranscriptAppendEnvelope,
} as const;

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
export type SnapshotEnvelope = z.infer<typeof SnapshotEnvelope>;
export type TranscriptEnvelope = z.infer<typeof TranscriptEnvelope>;
export type TranscriptAppendEnvelope = z.infer<typeof TranscriptAppendEnvelope>;

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
