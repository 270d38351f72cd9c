import { diffLines } from 'diff';

export type DiffLine =
  | { type: 'added' | 'removed' | 'context'; text: string }
  | { type: 'skipped'; count: number };

export interface FileDiff {
  change: 'created' | 'deleted' | 'edited';
  lines: DiffLine[];
  added: number;
  removed: number;
}

/** Unchanged lines kept around each change; longer unchanged runs fold into one "skipped" line. */
export const CONTEXT_LINES = 3;

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  // diffLines keeps each line's newline, so a trailing one would read as an extra empty line.
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * A file edit as a line diff: `before` null is a new file, `after` null a deleted one. Long
 * unchanged stretches are folded so a one-line fix in a big file stays a short transcript row.
 */
export function fileDiff(before: string | null, after: string | null, context = CONTEXT_LINES): FileDiff {
  const change = before === null ? 'created' : after === null ? 'deleted' : 'edited';
  const raw: Array<{ type: 'added' | 'removed' | 'context'; text: string }> = [];
  for (const part of diffLines(before ?? '', after ?? '')) {
    const type = part.added ? 'added' : part.removed ? 'removed' : 'context';
    for (const text of splitLines(part.value)) raw.push({ type, text });
  }
  const added = raw.filter((l) => l.type === 'added').length;
  const removed = raw.filter((l) => l.type === 'removed').length;
  return { change, lines: fold(raw, context), added, removed };
}

function fold(raw: Array<{ type: 'added' | 'removed' | 'context'; text: string }>, context: number): DiffLine[] {
  const keep = raw.map((l) => l.type !== 'context');
  const near = keep.map((_, i) => {
    for (let d = -context; d <= context; d++) if (keep[i + d]) return true;
    return false;
  });
  const out: DiffLine[] = [];
  let skipped = 0;
  raw.forEach((line, i) => {
    if (near[i]) {
      if (skipped) out.push({ type: 'skipped', count: skipped });
      skipped = 0;
      out.push(line);
    } else skipped++;
  });
  if (skipped) out.push({ type: 'skipped', count: skipped });
  return out;
}
