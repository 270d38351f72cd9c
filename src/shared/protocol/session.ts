import { z } from 'zod';
import { MAX_ID_LENGTH } from './constants';

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

export const Checkpoint = z.object({
  id: Id,
  step: z.string().optional(),
  prompt: z.string(),
  requestedAt: Timestamp,
});
export type Checkpoint = z.infer<typeof Checkpoint>;

export const FlowStep = z.object({ name: z.string(), status: z.string() });

export const FlowDetails = z.object({
  flowId: Id,
  flowName: z.string(),
  /** 1-based: the step in progress ("Step 2 of 5"). */
  stepIndex: z.number().int().nonnegative(),
  stepCount: z.number().int().nonnegative(),
  steps: z.array(FlowStep),
});

export const TaskDetails = z.object({
  turns: z.number().int().nonnegative(),
  parentId: Id.nullable(),
  childIds: z.array(Id),
  backgroundedFrom: z.object({ kind: SessionKind, id: Id }).nullable().optional(),
});

export const ChatDetails = z.object({
  mode: z.enum(['ask', 'chat']),
  messageCount: z.number().int().nonnegative(),
  lastMessageAt: Timestamp,
  ended: z.boolean(),
});

export const Origin = z.object({
  surface: z.string(),
  sandbox: z.string().optional(),
  profile: z.string().optional(),
  runtime: z.string().optional(),
  repo: z.string().optional(),
  branch: z.string().optional(),
});

const sessionBase = {
  id: Id,
  title: z.string(),
  /** Any string: an unknown status is shown as it is, never dropped. */
  status: z.string().min(1),
  owner: Ref,
  initiative: Ref.nullable().optional(),
  plan: Ref.nullable().optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  webUrl: z.string(),
  error: SessionError.nullable(),
  /** Present only while a decision is pending. */
  checkpoint: Checkpoint.nullable().optional(),
  origin: Origin.optional(),
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
