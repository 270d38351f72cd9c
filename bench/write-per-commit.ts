// Bytes written per byte received as a function of changes per commit, on a copy of a real cache:
// `tsx bench/write-per-commit.ts <profile cache folder> <changes per commit> [page size]`, with
// AUTOCKPT=<pages> and N=<changes> in the environment if wanted (BENCHMARKS.md, "Soak").
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openCache } from '../src/main/core/cache/cache';

const src = process.argv[2]!;
const perCommit = Number(process.argv[3] ?? 1);
const pageSize = process.argv[4];
const dir = mkdtempSync(join(tmpdir(), "write-per-commit-"));
// A consistent copy of the cache.
new Database(join(src, 'cache.sqlite'), { readonly: true }).backup(join(dir, 'cache.sqlite')).then(async () => {
  if (pageSize) {
    const db = new Database(join(dir, 'cache.sqlite'));
    db.pragma('journal_mode = DELETE');
    db.pragma(`page_size = ${pageSize}`);
    db.exec('VACUUM');
    db.pragma('journal_mode = WAL');
    db.close();
  }
  const { cache } = openCache(dir, { create: false });
  const raw = new Database(join(dir, 'cache.sqlite'));
  raw.pragma('wal_autocheckpoint = 0');
  const sessions = raw.prepare('SELECT json FROM sessions ORDER BY random() LIMIT 400').all().map((r: any) => JSON.parse(r.json));
  raw.close();
  if (process.env.AUTOCKPT) (cache as any).handle.db.pragma(`wal_autocheckpoint = ${process.env.AUTOCKPT}`);
  let seq = cache.cursor()!;
  cache.checkpoint();
  const io = () => Number(/write_bytes:\s+(\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))![1]);
  const before = io();
  let bytesIn = 0;
  const N = Number(process.env.N ?? 400);
  for (let i = 0; i < N; i += perCommit) {
    const items = [];
    for (let k = 0; k < perCommit; k++) {
      const s = sessions[(i + k) % sessions.length];
      s.updatedAt = new Date(Date.now() + i * 50 + k).toISOString();
      const item = { seq: ++seq, op: 'upsert', session: s };
      bytesIn += JSON.stringify({ type: 'changes', items: [item] }).length;
      items.push(item);
    }
    cache.applyChanges(items as any);
  }
  const grew = io() - before;
  console.log(`perCommit ${perCommit} page ${pageSize ?? 'default'}: written ${(grew / 1024).toFixed(0)} KB for ${(bytesIn / 1024).toFixed(0)} KB in: ${(grew / bytesIn).toFixed(1)}x (all writes, checkpoints included)`);
  cache.close();
});
