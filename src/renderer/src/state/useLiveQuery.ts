import { useEffect, useMemo, useState } from 'react';
import type { ResultOf, ViewQuery } from '../../../shared/api';
import { useApi } from '../api/api-context';
import { peekPrimed, takePrimed } from './primedQueries';
import { share } from './shareResult';

export interface LiveQuery<Q extends ViewQuery> {
  /** The latest answer: to this query, or to the one it replaced while this one's is on its way. */
  result: ResultOf<Q> | null;
  /** True when `result` answers this very query (false while a replaced query's answer is awaited). */
  current: boolean;
  /** Why the core will not answer this very query, in words (it never will: no result is coming). */
  error: string | null;
}

/**
 * A live query for as long as the component shows it. The watch is keyed by the query's JSON, so
 * a query object rebuilt on every render opens nothing new; a changed query closes the old watch
 * and opens the next, and the last answer stays on screen until the new one lands, so scrolling
 * or typing in the search never flashes an empty list. Unmounting closes the watch. Each answer
 * shares what did not change with the one before, across a replaced query too (a moved window
 * keeps the rows both hold). A query the core refuses says why (`error`) instead of loading for ever.
 */
export function useLiveQuery<Q extends ViewQuery>(query: Q): LiveQuery<Q> {
  const api = useApi();
  const key = JSON.stringify(query);
  // A watch opened before the first render (primedQueries.ts) may have its answer already.
  const [state, setState] = useState<{ key: string; result: ResultOf<Q> } | null>(() => {
    const early = peekPrimed<Q>(api, key);
    return early ? { key, result: early } : null;
  });
  const [refused, setRefused] = useState<{ key: string; message: string } | null>(null);

  useEffect(() => {
    let open = true;
    const listener = (result: ResultOf<Q>) => {
      // A carrier may still deliver an answer it had in flight when the watch closed.
      // Shared with the last answer (shareResult.ts): rows that did not change keep their objects,
      // so memoized rows skip, and an answer equal to the last renders nothing at all.
      if (open) setState((prev) => {
        const shared = share(prev?.result, result);
        return prev && prev.key === key && shared === prev.result ? prev : { key, result: shared };
      });
    };
    const onError = (message: string) => {
      if (open) setRefused({ key, message });
    };
    const close = takePrimed<Q>(api, key, listener, onError) ?? api.watch(JSON.parse(key) as Q, listener, onError);
    return () => {
      open = false;
      close();
    };
  }, [api, key]);

  const error = refused?.key === key ? refused.message : null;
  return useMemo(() => ({ result: state?.result ?? null, current: state?.key === key, error }), [state, key, error]);
}
