import { z } from 'zod';
import { TranscriptPush, ViewUpdate } from './schemas';

/**
 * The web preview's transport for the renderer API: JSON messages over a loopback WebSocket.
 * The Electron preload carries the same API over IPC instead; the renderer never sees either.
 */
export const BRIDGE_PROTOCOL = 'parrot-tray.bridge.v1';
export const BRIDGE_PATH = '/bridge';

export const BridgeRequest = z.discriminatedUnion('t', [
  z.object({ t: z.literal('subscribe') }),
  z.object({ t: z.literal('call'), id: z.number().int().nonnegative(), method: z.string(), params: z.unknown() }),
]);

export const BridgeMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('view'), update: ViewUpdate }),
  z.object({ t: z.literal('transcript'), push: TranscriptPush }),
  // One shape for both outcomes: zod's discriminated union needs one object per `t`.
  z.object({ t: z.literal('reply'), id: z.number().int(), ok: z.boolean(), result: z.unknown().optional(), error: z.string().optional() }),
]);

export type BridgeRequest = z.infer<typeof BridgeRequest>;
export type BridgeMessage = z.infer<typeof BridgeMessage>;
