// Types only: the sandboxed preload bundles this file, and Electron's sandbox lets a preload
// require nothing but `electron`, `events`, `timers` and `url` (no zod; the core validates).
import type { ClientMessage, CoreMessage } from './client-wire';
import type { ParrotApi } from './parrot-api';
import type { ResultOf, ViewQuery, ViewResult } from './queries';
import type { ApiMethod, ApiParams, ApiResult, AppStatus, TranscriptPush } from './schemas';

/** How the client reaches the core right now: a MessagePort, a WebSocket. */
export type Send = (message: ClientMessage) => void;

export interface ApiClient {
  /** The API for the page, minus navigation (main's, not the core's). */
  readonly api: Omit<ParrotApi, 'onNavigate'>;
  /** A carrier is up (the first, or a new one after the core restarted): say hello, re-open every query, send what waited. */
  attach(send: Send): void;
  /** The carrier went away: calls in flight fail with `reason`, new ones wait for the next attach. */
  detach(reason: string): void;
  /** A message from the core. */
  receive(message: CoreMessage): void;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * The renderer's half of the core protocol (client-wire.ts), for any carrier. It keeps what a
 * reconnect needs (the open queries, the last status), so a restarted core is picked up without
 * the page noticing, and a query's listener never hears of another query.
 */
export function createApiClient(): ApiClient {
  let send: Send | null = null;
  let nextQid = 1;
  let nextCall = 1;
  let status: AppStatus | null = null;
  const statusListeners = new Set<(status: AppStatus) => void>();
  const transcriptListeners = new Set<(push: TranscriptPush) => void>();
  const queries = new Map<number, { query: ViewQuery; listener: (result: ViewResult) => void; onError?: (message: string) => void }>();
  const inFlight = new Map<number, Pending>();
  /** Calls made while no carrier was up, sent at the next attach. */
  const waiting: Array<Extract<ClientMessage, { t: 'call' }>> = [];

  const api: ApiClient['api'] = {
    onStatus(listener) {
      statusListeners.add(listener);
      if (status) listener(status);
      return () => void statusListeners.delete(listener);
    },
    watch<Q extends ViewQuery>(query: Q, listener: (result: ResultOf<Q>) => void, onError?: (message: string) => void) {
      const qid = nextQid++;
      queries.set(qid, { query, listener: listener as (result: ViewResult) => void, onError });
      send?.({ t: 'watch', qid, query });
      return () => {
        if (queries.delete(qid)) send?.({ t: 'unwatch', qid });
      };
    },
    onTranscript(listener) {
      transcriptListeners.add(listener);
      return () => void transcriptListeners.delete(listener);
    },
    call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<M>> {
      const id = nextCall++;
      const message = { t: 'call', id, method, params } as const;
      return new Promise<ApiResult<M>>((resolve, reject) => {
        inFlight.set(id, { resolve: resolve as (value: unknown) => void, reject });
        if (send) send(message);
        else waiting.push(message);
      });
    },
  };

  return {
    api,
    attach(next) {
      send = next;
      next({ t: 'hello' });
      for (const [qid, { query }] of queries) next({ t: 'watch', qid, query });
      for (const message of waiting.splice(0)) next(message);
    },
    detach(reason) {
      send = null;
      for (const [id, pending] of inFlight) {
        // Those waiting to be sent stay; those sent may or may not have run, so they are told.
        if (waiting.some((m) => m.id === id)) continue;
        inFlight.delete(id);
        pending.reject(new Error(reason));
      }
    },
    receive(message) {
      switch (message.t) {
        case 'status':
          status = message.status;
          for (const l of statusListeners) l(message.status);
          return;
        case 'result':
          queries.get(message.qid)?.listener(message.result);
          return;
        case 'queryError':
          queries.get(message.qid)?.onError?.(message.error);
          return;
        case 'transcript':
          for (const l of transcriptListeners) l(message.push);
          return;
        case 'reply': {
          const pending = inFlight.get(message.id);
          inFlight.delete(message.id);
          if (message.ok) pending?.resolve(message.result);
          else pending?.reject(new Error(message.error ?? 'the request failed'));
        }
      }
    },
  };
}
