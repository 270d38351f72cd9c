import { z } from 'zod';
import { MAX_ID_LENGTH } from './constants';
import { list, opt, orNull } from './optional';

/** Ids are opaque strings of at most 128 characters (PROTOCOL.md section 4). */
export const Id = z.string().min(1).max(MAX_ID_LENGTH);
/** ISO 8601 UTC timestamps; offsets are accepted so a sloppy server is not dropped. */
export const Timestamp = z.iso.datetime({ offset: true });

export const SESSION_KINDS = ['flow_run', 'background_task', 'chat'] as const;
export const SessionKind = z.enum(SESSION_KINDS);
export type SessionKind = z.infer<typeof SessionKind>;

export const FLOW_RUN_STATUSES = ['pending', 'running', 'paused', 'succeeded', 'failed', 'rejected', 'cancelled'] as const;
export const TASK_STATUSES = ['provisioning', 'queued', 'running', 'waiting', 'completed', 'failed', 'cancelled'] as const;
export const CHAT_STATUSES = ['open', 'ended'] as const;

export const Ref = z.object({ id: Id, name: z.string() });
export type Ref = z.infer<typeof Ref>;

export const SessionError = z.object({ code: z.string(), message: z.string() });

/*
 * Section 4: what is required is required; everything else goes through `opt`, so it may be absent
 * or null, and junk in it is read as absent. An optional object (initiative, error, origin…) is read
 * whole: if its own parts fail, the object is treated as absent.
 */

export const Checkpoint = z.object({
  id: Id,
  step: opt(z.string()),
  prompt: z.string(),
  requestedAt: Timestamp,
});
export type Checkpoint = z.infer<typeof Checkpoint>;

export const FlowStep = z.object({ name: z.string(), status: z.string() });

export const FlowDetails = z.object({
  flowId: opt(Id),
  flowName: opt(z.string()),
  /** 1-based: the step in progress ("Step 2 of 5"). */
  stepIndex: z.number().int().nonnegative(),
  stepCount: z.number().int().nonnegative(),
  steps: list(FlowStep),
});

export const TaskDetails = z.object({
  turns: z.number().int().nonnegative(),
  parentId: orNull(Id),
  childIds: list(Id),
  backgroundedFrom: orNull(z.object({ kind: SessionKind, id: Id })).optional(),
});

export const ChatDetails = z.object({
  mode: opt(z.enum(['ask', 'chat'])),
  messageCount: z.number().int().nonnegative(),
  lastMessageAt: Timestamp,
  ended: z.boolean(),
});

export const Origin = z.object({
  surface: opt(z.string()),
  sandbox: opt(z.string()),
  profile: opt(z.string()),
  runtime: opt(z.string()),
  repo: opt(z.string()),
  branch: opt(z.string()),
});

const sessionBase = {
  id: Id,
  title: z.string(),
  /** Any string: an unknown status is shown as it is, never dropped. */
  status: z.string().min(1),
  owner: Ref,
  initiative: orNull(Ref).optional(),
  plan: orNull(Ref).optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  webUrl: opt(z.string()),
  error: orNull(SessionError),
  /** Present only while a decision is pending; when present, its id, prompt and requestedAt are required. */
  checkpoint: Checkpoint.nullish(),
  origin: opt(Origin),
};

export const FlowRunSession = z.object({ ...sessionBase, kind: z.literal('flow_run'), flow: FlowDetails });
export const TaskSession = z.object({ ...sessionBase, kind: z.literal('background_task'), task: TaskDetails });
export const ChatSession = z.object({ ...sessionBase, kind: z.literal('chat'), chat: ChatDetails });

/** The matching detail object (`flow`, `task` or `chat`) must be present for the kind. */
export const Session = z.discriminatedUnion('kind', [FlowRunSession, TaskSession, ChatSession]);

export type FlowRunSession = z.infer<typeof FlowRunSession>;
export type TaskSession = z.infer<typeof TaskSession>;
export type ChatSession = z.infer<typeof ChatSession>;
export type Session = z.infer<typeof Session>;
