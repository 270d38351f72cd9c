// npm run bench: figures against the ceiling of the project's own parts, measured in the same run.
// Not part of npm test: speed belongs here, never in timed unit tests.
import { writeFileSync } from 'node:fs';
import { openCache } from '../src/main/core/cache/cache';
import { DemoBackend } from '../src/main/core/demo/server';
import { fileEditBody, toolCallBody, agentMessage, makeCredential, CREDENTIAL_KINDS } from '../src/main/core/demo/content';
import { Random } from '../src/main/core/demo/random';
import { redactText } from '../src/main/core/redact';
import type { Session } from '../src/shared/protocol';
import { ingestCeiling, ingestFrames, ingestThroughSync } from './ingest';
import { median, percentile, repeat, scratch } from './util';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const results: Record<string, { value: number; unit: string; target?: string; ratio?: number }> = {};
const record = (name: string, value: number, unit: string, target?: string, ratio?: number) => {
  results[name] = { value: Math.round(value * 100) / 100, unit, ...(target ? { target } : {}), ...(ratio !== undefined ? { ratio: Math.round(ratio * 100) / 100 } : {}) };
  process.stdout.write(`${name.padEnd(44)} ${String(results[name]!.value).padStart(10)} ${unit.padEnd(8)} ${ratio !== undefined ? `ratio ${results[name]!.ratio}`.padEnd(12) : ''.padEnd(12)} ${target ?? ''}\n`);
};

async function ingest(): Promise<void> {
  const frames = ingestFrames(100_000);
  const sync = median(await repeat(RUNS, () => ingestThroughSync(frames)));
  const ceiling = median(await repeat(RUNS, () => ingestCeiling(frames)));
  record('ingest 100k changes: sync engine', 100_000 / (sync / 1000), 'chg/s', '>= 0.6 of ceiling', ceiling / sync);
  record('ingest 100k changes: ceiling (ws+parse+insert)', 100_000 / (ceiling / 1000), 'chg/s');
}

function queries(): void {
  const tenant: Session[] = new DemoBackend({ token: 't', sessions: 3000, rate: 0 }).tenant.all();
  const { cache } = openCache(scratch('bench-query-'), { create: true });
  const now = Date.now();
  const big = Array.from({ length: 100_000 }, (_, i) => {
    const s = tenant[i % tenant.length]!;
    return { ...s, id: `${s.id}_${i}`, updatedAt: new Date(now - (i % 5000) * 60_000).toISOString() } as Session;
  });
  const t0 = performance.now();
  cache.applySnapshot(big, 1);
  record('cold start: snapshot of 100k applied', performance.now() - t0, 'ms', '< 5000 ms');
  const views: Record<string, () => unknown> = {
    'query: Active Now': () => cache.query({ view: 'active' }, now),
    'query: Recent (50)': () => cache.query({ view: 'recent', limit: 50 }, now),
    'query: All, kind filter (50)': () => cache.query({ view: 'all', kind: 'chat', limit: 50 }, now),
    'query: All, owner filter (50)': () => cache.query({ view: 'all', ownerId: 'u_ada', limit: 50 }, now),
    'query: All, initiative filter (50)': () => cache.query({ view: 'all', initiativeId: 'in_4', limit: 50 }, now),
    'query: title search (50)': () => cache.query({ view: 'all', search: 'migration', limit: 50 }, now),
    'query: one transcript page': () => cache.transcript(big[0]!.id, 0, 200),
  };
  for (const [name, run] of Object.entries(views)) {
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      run();
      times.push(performance.now() - t);
    }
    record(`${name} p95`, percentile(times, 95), 'ms', '< 5 ms');
  }
  cache.close();
}

function redaction(): void {
  const rng = new Random(7);
  const chunks: string[] = [];
  const secrets: string[] = [];
  while (chunks.length < 2000) {
    let chunk = '';
    while (chunk.length < 2048) {
      const leak = rng.chance(0.2) ? makeCredential(rng, rng.pick(CREDENTIAL_KINDS)) : null;
      if (leak) secrets.push(leak.secret);
      chunk += `${agentMessage(rng)}\n${JSON.stringify(toolCallBody(rng, { repo: 'acme/api' }))}\n${JSON.stringify(fileEditBody(rng, { repo: 'acme/api' }))}\n${leak ? `${leak.text}\n` : ''}`;
    }
    chunks.push(chunk);
  }
  const bytes = chunks.reduce((n, c) => n + Buffer.byteLength(c), 0);
  const runs: number[] = [];
  let out: string[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    out = chunks.map(redactText);
    runs.push(performance.now() - t);
  }
  const joined = out.join('\n');
  const missed = secrets.filter((s) => joined.includes(s)).length;
  record('redaction throughput (2 KB chunks)', bytes / 1e6 / (median(runs) / 1000), 'MB/s', '>= 20 MB/s');
  record('redaction: generated secrets missed', missed, 'count', '0');
}

await ingest();
queries();
redaction();
writeFileSync('bench/results.json', `${JSON.stringify({ at: new Date().toISOString(), node: process.version, runs: RUNS, results }, null, 2)}\n`);
process.stdout.write('\nwritten bench/results.json\n');
