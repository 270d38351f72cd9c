import { useCallback, useEffect, useState } from 'react';
import type { TranscriptEntry } from '../../../../shared/protocol';
import { useApi } from '../../api/api-context';
import { mergeEntries } from './merge';

/** The largest page the API serves; a full page means there may be more. */
export const TRANSCRIPT_PAGE = 5000;

export interface TranscriptState {
  phase: 'loading' | 'ready' | 'error';
  entries: readonly TranscriptEntry[];
  error: string | null;
  retry: () => void;
}

/**
 * One session's transcript: the local cache first (works offline), then live pushes while the
 * view is open. Listening starts before the load so nothing pushed in between is lost; merging by
 * seq removes the overlap.
 */
export function useTranscript(sessionId: string): TranscriptState {
  const api = useApi();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<TranscriptState, 'retry'>>({ phase: 'loading', entries: [], error: null });

  useEffect(() => {
    let cancelled = false;
    setState({ phase: 'loading', entries: [], error: null });
    const unsubscribe = api.onTranscript((push) => {
      if (push.sessionId !== sessionId) return;
      setState((s) => {
        const entries = mergeEntries(s.entries, push.entries);
        return entries === s.entries ? s : { ...s, entries };
      });
    });
    // Watching is best-effort: offline, the cached transcript is still worth showing.
    api.call('openSession', { sessionId }).catch(() => {});

    (async () => {
      let afterSeq = 0;
      for (;;) {
        const page = await api.call('transcript', { sessionId, afterSeq, limit: TRANSCRIPT_PAGE });
        if (cancelled) return;
        setState((s) => ({ ...s, entries: mergeEntries(s.entries, page) }));
        const last = page[page.length - 1];
        if (page.length < TRANSCRIPT_PAGE || !last) break;
        afterSeq = last.seq;
      }
      setState((s) => ({ ...s, phase: 'ready' }));
    })().catch((err: unknown) => {
      if (!cancelled) setState((s) => ({ ...s, phase: 'error', error: err instanceof Error ? err.message : String(err) }));
    });

    return () => {
      cancelled = true;
      unsubscribe();
      api.call('closeSession', { sessionId }).catch(() => {});
    };
  }, [api, sessionId, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
