import { z } from 'zod';

/**
 * What the UI says about the stream: live; reconnecting (with the next try's time); connecting;
 * sign-in needed; update needed; stopped. `offlineSince` is when the last live connection ended,
 * so "offline, data as of 10:42" can be said in any phase that is not live.
 */
export const ConnectionPhase = z.enum(['connecting', 'live', 'reconnecting', 'signin-needed', 'update-needed', 'stopped']);
export type ConnectionPhase = z.infer<typeof ConnectionPhase>;

export const ConnectionState = z.object({
  phase: ConnectionPhase,
  /** Epoch ms of the next connection attempt while reconnecting. */
  nextTryAt: z.number().nullable(),
  /** Epoch ms since which there has been no live connection; null while live. */
  offlineSince: z.number().nullable(),
  /** A short human reason for the last failure, never a token or a frame. */
  reason: z.string().nullable(),
});
export type ConnectionState = z.infer<typeof ConnectionState>;
