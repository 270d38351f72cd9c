import { z } from 'zod';
import { opt, orNull } from './optional';
import { Id, Timestamp } from './session';

// Section 6 marks the optional parts with `?`: they go through `opt` (absent, null or junk read as absent).

const entryBase = { seq: z.number().int().positive(), at: Timestamp };

export const MessageEntry = z.object({
  ...entryBase,
  kind: z.literal('message'),
  message: z.object({ role: z.enum(['user', 'agent', 'system']), author: opt(z.string()), text: z.string() }),
});

export const ToolCallEntry = z.object({
  ...entryBase,
  kind: z.literal('tool_call'),
  toolCall: z.object({
    name: z.string(),
    input: z.unknown(),
    output: opt(z.string()),
    status: z.enum(['ok', 'error']),
    durationMs: opt(z.number().nonnegative()),
  }),
});

export const FileEditEntry = z.object({
  ...entryBase,
  kind: z.literal('file_edit'),
  fileEdit: z.object({ path: z.string(), before: orNull(z.string()), after: orNull(z.string()) }),
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
    decision: opt(z.enum(['approved', 'rejected'])),
    decidedBy: opt(z.string()),
    comment: opt(z.string()),
  }),
});

export const StatusEntry = z.object({
  ...entryBase,
  kind: z.literal('status'),
  status: z.object({ from: z.string(), to: z.string(), reason: opt(z.string()) }),
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
