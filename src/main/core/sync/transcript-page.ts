import { readTranscriptEntry, type TranscriptEntry } from '../../../shared/protocol';

/** A transcript page read entry by entry: the good ones, and the highest seq it reached, bad ones included. */
export interface ReadPage {
  entries: TranscriptEntry[];
  reached: number;
  /** The seq of the first entry, read or skipped, when it has one. */
  first: number | null;
}

/**
 * Each entry on its own (PROTOCOL.md section 1): one that cannot be read is reported and passed
 * over. One whose seq cannot be read either is placed just after the entry before it (or after
 * `after`, the seq the page was asked after): seqs increase, so paging still moves past it.
 */
export function readTranscriptPage(raw: unknown[], after: number | null, onSkipped: (seq: number | null, reason: string) => void): ReadPage {
  const page: ReadPage = { entries: [], reached: 0, first: null };
  let previous = after;
  raw.forEach((item, i) => {
    const read = readTranscriptEntry(item);
    if (read.ok) page.entries.push(read.value);
    else onSkipped(read.seq, read.reason);
    const seq = read.ok ? read.value.seq : (read.seq ?? (previous === null ? null : previous + 1));
    if (seq !== null) page.reached = Math.max(page.reached, (previous = seq));
    if (i === 0) page.first = seq;
  });
  return page;
}
