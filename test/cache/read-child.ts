/**
 * Child process of the concurrent-read test: opens the cache read-only and reads for `ms`
 * milliseconds while the parent writes, then prints what it saw as one JSON line.
 * The parent only ever adds `s_<seq>` at seq, so at every moment count = cursor.
 * Usage: node --import tsx read-child.ts <dataDir> <ms>
 */
import { openCache } from '../../src/main/core/cache/cache';

const [dir, ms] = [process.argv[2]!, Number(process.argv[3])];
const { cache } = openCache(dir, { readonly: true });
const cursors = new Set<number>();
const problems: string[] = [];
let reads = 0;
const until = Date.now() + ms;
while (Date.now() < until) {
  const before = cache.cursor() ?? 0;
  const count = cache.count({ view: 'all' }, 0);
  const after = cache.cursor() ?? 0;
  // Reads are separate transactions, so the writer may commit between them, but never backwards.
  if (!(before <= count && count <= after)) problems.push(`cursor ${before}, then ${count} sessions, then cursor ${after}`);
  if (before > 0 && cache.getSession(`s_${before}`) === null) problems.push(`cursor ${before} without s_${before}`);
  cursors.add(after);
  reads++;
}
cache.close();
process.stdout.write(`${JSON.stringify({ reads, distinctCursors: cursors.size, maxCursor: Math.max(...cursors), problems: problems.slice(0, 5) })}\n`);
