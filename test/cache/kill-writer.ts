/**
 * Child process of the SIGKILL test: resumes the history of kill-model from the cache's cursor and
 * writes it forever, in batches of random size, until the parent kills it.
 * Usage: node --import tsx kill-writer.ts <dataDir>
 */
import { openCache } from '../../src/main/core/cache/cache';
import type { ChangeItem } from '../../src/shared/protocol';
import { applyItem, isSnapshotSeq, itemAt, modelAt, snapshotAt } from './kill-model';

const dir = process.argv[2];
if (!dir) throw new Error('usage: kill-writer <dataDir>');
const { cache, notice } = openCache(dir, { create: true });
if (notice) process.stderr.write(`notice: ${notice}\n`);
if (cache.cursor() === null) cache.applySnapshot([], 0);
let cursor = cache.cursor()!;
let state = modelAt(cursor);
process.stdout.write(`ready ${cursor}\n`);

for (let round = 0; ; round++) {
  const next = cursor + 1;
  if (isSnapshotSeq(next)) {
    const sessions = snapshotAt(next, state);
    cache.applySnapshot(sessions, next);
    state = new Map(sessions.map((s) => [s.id, s]));
    cursor = next;
    continue;
  }
  const items: ChangeItem[] = [];
  const size = 1 + Math.floor(Math.random() * 60);
  for (let seq = next; seq < next + size && !isSnapshotSeq(seq); seq++) items.push(itemAt(seq));
  cache.applyChanges(items);
  for (const item of items) applyItem(state, item);
  cursor = items[items.length - 1]!.seq;
  // Transcripts in their own transactions, between batches, so a kill can land in one too.
  const some = state.keys().next();
  if (!some.done && round % 5 === 0) {
    cache.appendTranscript(some.value, [{ seq: round + 1, at: new Date(0).toISOString(), kind: 'message', message: { role: 'agent', text: `round ${round}` } }]);
  }
}
