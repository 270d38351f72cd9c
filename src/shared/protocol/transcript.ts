import { z } from 'zod';
import { Id, Timestamp } from './session';

const entryBase = { seq: z.number().int().positive(), at: Timestamp };

export const MessageEntry = z.object({
  ...entryBase,
  kind: z.literal('message'),
  message: z.object({ role: z.enum(['user', 'agent', 'system']), author: z.string().optional(), text: z.string() }),
});

export const ToolCallEntry = z.object({
  ...entryBase,
  kind: z.literal('tool_call'),
  toolCall: z.object({
    name: z.string(),
    input: z.unknown(),
    output: z.string().optional(),
    status: z.enum(['ok', 'error']),
    durationMs: z.number().nonnegative().optional(),
  }),
});

export const FileEditEntry = z.object({
  ...entryBase,
  kind: z.literal('file_edit'),
  fileEdit: z.object({ path: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
});

export const StepEntry = z.object({
  ...entryBase,
  kind: z.literal('step'),
  step: z.object({ index: z.number().int().nonnegative(), name: z.string(), status: z.string() }),
});

export const CheckpointEntry = z.object({
  ...entryBase,
  kind: z.literal('checkpoint'),
  checkpoint: z.object({
    id: Id,
    prompt: z.string(),
    decision: z.enum(['approved', 'rejected']).optional(),
    decidedBy: z.string().optional(),
    comment: z.string().optional(),
  }),
});

export const StatusEntry = z.object({
  ...entryBase,
  kind: z.literal('status'),
  status: z.object({ from: z.string(), to: z.string(), reason: z.string().optional() }),
});

export const TranscriptEntry = z.discriminatedUnion('kind', [
  MessageEntry,
  ToolCallEntry,
  FileEditEntry,
  StepEntry,
  CheckpointEntry,
  StatusEntry,
]);
export type TranscriptEntry = z.infer<typeof TranscriptEntry>;
export type TranscriptEntryKind = TranscriptEntry['kind'];
