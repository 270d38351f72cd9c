/**
 * Where a `changes` batch stands against the last applied seq (PROTOCOL.md 3.4): next in line,
 * entirely old (a replay), partly old (apply only the new tail), or beyond a gap.
 */
export type BatchVerdict = 'next' | 'replay' | 'overlap' | 'gap';

export function classifyBatch(lastApplied: number, fromSeq: number, toSeq: number): BatchVerdict {
  if (toSeq <= lastApplied) return 'replay';
  if (fromSeq === lastApplied + 1) return 'next';
  if (fromSeq <= lastApplied) return 'overlap';
  return 'gap';
}
