import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TranscriptEntry } from '../../../../shared/protocol';
import { VirtualList } from '../../components/VirtualList';
import { TranscriptEntryView } from './entries/TranscriptEntryView';
import type { TranscriptState } from './useTranscript';

/** First guesses per kind; every row is measured once it renders. */
const ESTIMATE: Record<TranscriptEntry['kind'], number> = { message: 72, tool_call: 36, file_edit: 180, step: 32, checkpoint: 40, status: 32 };
/** Within this many pixels of the end counts as "at the end": new entries keep it in view. */
const FOLLOW_SLACK_PX = 48;

interface TranscriptProps {
  state: TranscriptState;
  /** The section's name: "Transcript", or "Conversation" for a chat. */
  label: string;
  /** A conversation lays messages out as a chat. */
  variant?: 'log' | 'conversation';
  /** Open scrolled to the latest entry and follow new ones (a chat, a live session). */
  startAtEnd?: boolean;
}

/** A session's transcript: loading, error and empty states, then the entries, virtualized. */
export function Transcript({ state, label, variant = 'log', startAtEnd = false }: TranscriptProps) {
  const headingId = `transcript-${variant}`;
  return (
    <section className={`transcript transcript-${variant}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {label}
        {state.entries.length > 0 && <span className="muted"> · {state.entries.length.toLocaleString('en-US')} entries</span>}
      </h2>
      {state.phase === 'error' ? (
        <div className="transcript-state" role="alert">
          <p>Couldn't load the transcript{state.error ? `: ${state.error}` : ''}</p>
          <button type="button" onClick={state.retry}>
            Try again
          </button>
        </div>
      ) : state.entries.length > 0 ? (
        <>
          {state.phase === 'loading' && <p className="muted" role="status">Loading more…</p>}
          <EntryList entries={state.entries} label={label} startAtEnd={startAtEnd} />
        </>
      ) : state.phase === 'loading' ? (
        <p className="transcript-state" role="status">
          Loading transcript…
        </p>
      ) : (
        <p className="transcript-state">No transcript yet</p>
      )}
    </section>
  );
}

function EntryList({ entries, label, startAtEnd }: { entries: readonly TranscriptEntry[]; label: string; startAtEnd: boolean }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const following = useRef(startAtEnd);
  const seen = useRef(entries.length);
  const [announce, setAnnounce] = useState('');

  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => ESTIMATE[entries[i]?.kind ?? 'message'],
    // Stable unless the entries change: a new getItemKey makes the virtualizer re-place every row.
    getItemKey: useCallback((i: number) => entries[i]?.seq ?? i, [entries]),
    overscan: 6,
  });

  const toggle = useCallback((seq: number) => {
    setExpanded((s) => {
      const next = new Set(s);
      if (!next.delete(seq)) next.add(seq);
      return next;
    });
  }, []);

  // Live entries: keep the end in view if the person was already there, and tell screen readers
  // how many arrived (the list itself is not a live region: scrolling would make it chatter).
  useEffect(() => {
    const added = entries.length - seen.current;
    seen.current = entries.length;
    if (following.current && entries.length > 0) virtualizer.scrollToIndex(entries.length - 1, { align: 'end' });
    if (added > 0) setAnnounce(`${added} new ${added === 1 ? 'entry' : 'entries'}`);
  }, [entries.length, virtualizer]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (el) following.current = el.scrollHeight - el.scrollTop - el.clientHeight <= FOLLOW_SLACK_PX;
  };

  return (
    <>
      {/* Focusable so a keyboard can scroll it: a chat's messages hold no button to land on. */}
      <div ref={scrollRef} className="transcript-scroll" tabIndex={0} onScroll={onScroll} data-testid="transcript-scroll">
        <VirtualList virtualizer={virtualizer} count={entries.length} itemAt={(i) => entries[i]} label={label} className="transcript-list" itemClassName={(entry) => `transcript-item transcript-item-${entry.kind}`}>
          {(entry) => <TranscriptEntryView entry={entry} expanded={expanded.has(entry.seq)} onToggle={toggle} />}
        </VirtualList>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
    </>
  );
}
