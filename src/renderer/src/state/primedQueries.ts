import type { ParrotApi, ResultOf, ViewQuery } from '../../../shared/api';

/** How long a primed watch waits for its view to take it before it is closed unused. */
export const PRIMED_UNCLAIMED_MS = 10_000;

interface Primed {
  api: ParrotApi;
  result: unknown;
  listener: ((result: unknown) => void) | null;
  /** Why the core refused the query, should it; handed on like the result. */
  error: string | null;
  onError: ((message: string) => void) | null;
  close: () => void;
  timer: ReturnType<typeof setTimeout>;
}

const primed = new Map<string, Primed>();

/**
 * Opens a view's live query before React has rendered anything, so the core's answer travels
 * while the page's first render runs instead of after it: the popover's rows are the page's
 * first job. The view's useLiveQuery takes the watch over (takePrimed) with whatever answer has
 * already arrived; a watch nobody takes is closed.
 */
export function primeQuery(api: ParrotApi, query: ViewQuery): void {
  const key = JSON.stringify(query);
  if (primed.has(key)) return;
  const entry: Primed = {
    api,
    result: null,
    listener: null,
    error: null,
    onError: null,
    close: () => undefined,
    timer: setTimeout(() => {
      if (primed.get(key) !== entry) return;
      primed.delete(key);
      entry.close();
    }, PRIMED_UNCLAIMED_MS),
  };
  primed.set(key, entry);
  entry.close = api.watch(
    query,
    (result) => {
      entry.result = result;
      entry.listener?.(result);
    },
    (message) => {
      entry.error = message;
      entry.onError?.(message);
    },
  );
}

/** The answer a primed watch already has, without taking it (for a view's first render). */
export function peekPrimed<Q extends ViewQuery>(api: ParrotApi, key: string): ResultOf<Q> | null {
  const entry = primed.get(key);
  return entry && entry.api === api ? (entry.result as ResultOf<Q> | null) : null;
}

/**
 * Takes over the primed watch for `key`, if any: `listener` hears every later answer (and the
 * latest one now, if it came after the peek), `onError` the core's refusal (now, if it came
 * already), and the returned close ends the watch.
 */
export function takePrimed<Q extends ViewQuery>(api: ParrotApi, key: string, listener: (result: ResultOf<Q>) => void, onError?: (message: string) => void): (() => void) | null {
  const entry = primed.get(key);
  if (!entry || entry.api !== api) return null;
  primed.delete(key);
  clearTimeout(entry.timer);
  entry.listener = listener as (result: unknown) => void;
  entry.onError = onError ?? null;
  if (entry.result !== null) listener(entry.result as ResultOf<Q>);
  if (entry.error !== null) onError?.(entry.error);
  return entry.close;
}
