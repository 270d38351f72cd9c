import type { ResultOf, ViewQuery } from './queries';
import type { ApiMethod, ApiParams, ApiResult, AppStatus, Route, TranscriptPush } from './schemas';

/**
 * What the renderer sees of the core, whichever carrier brings it. `call` is typed by the method
 * map in schemas.ts and `watch` by the query map in queries.ts, so a request and its answer
 * cannot drift apart.
 */
export interface ParrotApi {
  /** The connection, the user, the clock skew and the like: now, then on every change. */
  onStatus(listener: (status: AppStatus) => void): () => void;
  /**
   * Opens a live query: its result comes now and again on every change, until the returned close.
   * A query the core will not run never gets a result: `onError` hears why, in words, instead.
   */
  watch<Q extends ViewQuery>(query: Q, listener: (result: ResultOf<Q>) => void, onError?: (message: string) => void): () => void;
  /** New transcript entries of sessions opened with `openSession`; returns an unsubscribe. */
  onTranscript(listener: (push: TranscriptPush) => void): () => void;
  call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<M>>;
  /** Main asks to show a place (a notification click, a deep link, a tray menu item); returns an unsubscribe. */
  onNavigate(listener: (route: Route) => void): () => void;
}
