import { z } from 'zod';
import { ViewQuery, ViewResult } from './queries';
import { AppStatus, TranscriptPush } from './schemas';

/**
 * The messages between a window and the core, one set for every carrier: a MessagePort from the
 * core's utility process in the app (structured clone), a loopback WebSocket in the web preview
 * (JSON). The core validates every ClientMessage; the client trusts what its own core sends.
 */
export { BRIDGE_PATH, BRIDGE_PROTOCOL } from './bridge-address';

/** A query's id, chosen by the client and unique within its connection. */
const Qid = z.number().int().nonnegative();

/** Open a live query, or replace the one under this id. */
const Watch = z.object({ t: z.literal('watch'), qid: Qid, query: ViewQuery });
/** A watch without its query: enough to answer one whose query fails its schema, by its qid. */
export const WatchHead = Watch.pick({ t: true, qid: true });

export const ClientMessage = z.discriminatedUnion('t', [
  /** Start sending AppStatus (sent once per connection, first). */
  z.object({ t: z.literal('hello') }),
  Watch,
  z.object({ t: z.literal('unwatch'), qid: Qid }),
  z.object({ t: z.literal('call'), id: z.number().int().nonnegative(), method: z.string().max(64), params: z.unknown() }),
]);

export const CoreMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('status'), status: AppStatus }),
  /** A query's answer: first when opened, then each time it changes. */
  z.object({ t: z.literal('result'), qid: Qid, result: ViewResult }),
  /** A query the core will not run (it fails its schema), in words: the page shows it instead of waiting. */
  z.object({ t: z.literal('queryError'), qid: Qid, error: z.string() }),
  z.object({ t: z.literal('transcript'), push: TranscriptPush }),
  // One shape for both outcomes: zod's discriminated union needs one object per `t`.
  z.object({ t: z.literal('reply'), id: z.number().int(), ok: z.boolean(), result: z.unknown().optional(), error: z.string().optional() }),
]);

export type ClientMessage = z.infer<typeof ClientMessage>;
export type CoreMessage = z.infer<typeof CoreMessage>;
