import type { TranscriptEntry } from '../../../../shared/protocol';

/**
 * Adds entries to a transcript kept in seq order, dropping any seq it already holds. Pushes race
 * the initial load (and a re-opened session replays), so the same entry can arrive twice. Returns
 * `current` itself when nothing is new, so React can skip the render.
 */
export function mergeEntries(current: readonly TranscriptEntry[], incoming: readonly TranscriptEntry[]): readonly TranscriptEntry[] {
  if (incoming.length === 0) return current;
  const last = current[current.length - 1]?.seq ?? 0;
  // The common case, a live push of newer entries in order: append without re-sorting.
  if (isAscending(incoming) && (incoming[0]?.seq ?? 0) > last) return [...current, ...incoming];
  const bySeq = new Map<number, TranscriptEntry>();
  for (const e of current) bySeq.set(e.seq, e);
  let added = false;
  for (const e of incoming) {
    if (!bySeq.has(e.seq)) {
      bySeq.set(e.seq, e);
      added = true;
    }
  }
  if (!added) return current;
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function isAscending(entries: readonly TranscriptEntry[]): boolean {
  for (let i = 1; i < entries.length; i++) if (entries[i]!.seq <= entries[i - 1]!.seq) return false;
  return true;
}
