import type { ApiMethod, ApiParams, ApiResult, Route, TranscriptPush, ViewUpdate } from './schemas';

/**
 * What the renderer sees of the main side, whichever transport carries it. `call` is typed by the
 * method map in schemas.ts, so a request and its result cannot drift apart.
 */
export interface ParrotApi {
  /** The view: a snapshot first, then deltas; returns an unsubscribe. */
  subscribe(listener: (update: ViewUpdate) => void): () => void;
  /** New transcript entries of sessions opened with `openSession`; returns an unsubscribe. */
  onTranscript(listener: (push: TranscriptPush) => void): () => void;
  call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<M>>;
  /** Main asks to show a place (a notification click, a deep link, a tray menu item); returns an unsubscribe. */
  onNavigate(listener: (route: Route) => void): () => void;
}

