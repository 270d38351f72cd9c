import type { ApiMethod, ApiParams, AppStatus, TranscriptPush, ViewQuery, ViewResult } from '../../../shared/api';
import { API_METHODS } from '../../../shared/api';

/**
 * What serveClient serves a window from: one profile's ApiHost, or the ProfileHub over every
 * profile. Both answer the same API, so a carrier never knows how many backends stand behind it.
 */
export interface ClientHost {
  on(event: 'status', listener: (status: AppStatus) => void): unknown;
  on(event: 'transcript', listener: (push: TranscriptPush) => void): unknown;
  off(event: 'status', listener: (status: AppStatus) => void): unknown;
  off(event: 'transcript', listener: (push: TranscriptPush) => void): unknown;
  status(): AppStatus;
  watch(query: ViewQuery, listener: (result: ViewResult) => void): () => void;
  call(method: ApiMethod, raw: unknown): Promise<unknown>;
}

/** Thrown for a request that fails its schema or names nothing: the transport answers with the message. */
export class ApiRequestError extends Error {}

/** The request's parameters, checked by its method's schema; anything else is an ApiRequestError in words. */
export function parseCall<M extends ApiMethod>(method: M, raw: unknown): ApiParams<M> {
  const spec = Object.hasOwn(API_METHODS, method) ? API_METHODS[method] : undefined;
  if (!spec) throw new ApiRequestError(`unknown method ${String(method)}`);
  const parsed = spec.params.safeParse(raw);
  if (!parsed.success) throw new ApiRequestError(`invalid ${method} request: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data as ApiParams<M>;
}
