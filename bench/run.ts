// npm run bench: every figure of issue 6 against its target, speeds against a ceiling measured in
// the same run. Not part of npm test: speed belongs here, never in timed unit tests.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { ingestCeiling, ingestThroughSync } from './ingest';
import { approvalLatency, summarise } from './latency';
import { firstSync, firstSyncCeiling } from './first-sync';
import { coldStartAndIdle } from './memory';
import { desktopBigCache, desktopIngest } from './desktop';
import { liveQueryFigures } from './live-queries';
import { bigCache, queryFigures } from './queries';
import { redactionFigures } from './redaction';
import { rendererBench } from './renderer';
import { median } from './util';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** BENCH_ONLY=renderer,queries runs those sections alone (and leaves bench/results.json as it is). */
const ONLY = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()) ?? null;
const want = (section: string) => ONLY === null || ONLY.includes(section);
const started = performance.now();
type Row = { value: number; unit: string; target?: string; ratio?: number; runs?: number[] };
const results: Record<string, Row> = {};
const round = (x: number) => Math.round(x * 100) / 100;

/** Records the median of `values` (one per run) under `name`, and prints a line of the table. */
function record(name: string, values: number[], unit: string, target?: string, ratio?: number): void {
  const value = round(median(values));
  results[name] = { value, unit, ...(target ? { target } : {}), ...(ratio !== undefined ? { ratio: round(ratio) } : {}), runs: values.map(round) };
  const r = ratio !== undefined ? `ratio ${round(ratio)}` : '';
  process.stdout.write(`${name.padEnd(58)} ${String(value).padStart(10)} ${unit.padEnd(6)} ${r.padEnd(11)} ${target ?? ''}\n`);
}

const section = (title: string) => process.stdout.write(`\n${title}\n`);

async function ingest(): Promise<void> {
  section('2. ingest of 100,000 changes, and 9. the event loop meanwhile');
  // Interleaved, so both see the same weather on a shared machine; the ratio is per pair.
  const pairs: Array<{ sync: number; ceiling: number; p99: number; max: number }> = [];
  for (let i = 0; i < RUNS; i++) {
    const ceiling = await ingestCeiling(100_000);
    const { ms, stalls } = await ingestThroughSync(100_000);
    pairs.push({ sync: ms, ceiling, ...stalls });
  }
  record('ingest: sync engine', pairs.map((p) => 100_000 / (p.sync / 1000)), 'chg/s', '>= 0.8 of ceiling', median(pairs.map((p) => p.ceiling / p.sync)));
  record('ingest: ceiling (bare ws + JSON.parse + INSERT)', pairs.map((p) => 100_000 / (p.ceiling / 1000)), 'chg/s');
  record('event-loop stall during ingest, p99', pairs.map((p) => p.p99), 'ms', '< 16 ms');
  record('event-loop stall during ingest, longest', pairs.map((p) => p.max), 'ms');
}

async function latency(): Promise<void> {
  section('4. approval latency, and 9. the event loop meanwhile');
  const live = [];
  for (let i = 0; i < RUNS; i++) live.push(await approvalLatency({ backlog: 0, rate: 5000, everyMs: 200, seconds: 8 }));
  record('approval latency at 5,000 chg/s, p50', live.map((r) => summarise(r).p50), 'ms');
  record('approval latency at 5,000 chg/s, p99', live.map((r) => summarise(r).p99), 'ms', '< 50 ms');
  record('approvals never decided (of ~40 a run)', live.map((r) => r.missed), 'count', '0');
  record('event-loop stall at 5,000 chg/s, p99', live.map((r) => r.stalls.p99), 'ms', '< 16 ms');
  const backlog = [];
  for (let i = 0; i < RUNS; i++) backlog.push(await approvalLatency({ backlog: 100_000, rate: 0, everyMs: 100, seconds: 1 }));
  // The first checkpoint is sent right behind all 100 batches; later ones while they are written.
  record('backlog: checkpoint sent behind the whole 100k backlog', backlog.map((r) => r.latencies[0] ?? Number.NaN), 'ms', '< 500 ms');
  record('backlog: checkpoints sent 1 s or more into it, p50', backlog.map((r) => summarise({ ...r, latencies: r.latencies.slice(10) }).p50), 'ms');
  record('backlog: checkpoints sent 1 s or more into it, p99', backlog.map((r) => summarise({ ...r, latencies: r.latencies.slice(10) }).p99), 'ms', '< 500 ms');
  record('event-loop stall during the backlog, p99', backlog.map((r) => r.stalls.p99), 'ms', '< 16 ms');
}

async function coldStart(): Promise<void> {
  section('3. cold start of a 100,000-session tenant, and 7. the core idle on it');
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await coldStartAndIdle());
  record('cold start: 100k snapshot (200 pages) to caught up', runs.map((r) => r.ms), 'ms', '< 3000 ms');
  record('cold start: peak RSS', runs.map((r) => r.peakRssMb), 'MB', '< 400 MB');
  // The indexes of a first snapshot are built in one statement each (cache/bulk-load.ts).
  record('event-loop stall during the cold start, p99', runs.map((r) => r.stalls.p99), 'ms');
  record('event-loop stall during the cold start, longest', runs.map((r) => r.stalls.max), 'ms');
  record('core idle with 100k cached sessions: RSS', runs.map((r) => r.idleRssMb), 'MB', '< 150 MB');
}

async function firstSyncOnce(): Promise<void> {
  section('10. a first sync --once of a 10,000-session tenant (demo backend), and its ceiling');
  // Interleaved like ingest; the ceiling sends as many transcript requests as the companion did.
  const pairs: Array<{ ms: number; requests: number; ceiling: number }> = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await firstSync(10_000);
    pairs.push({ ...run, ceiling: await firstSyncCeiling(10_000, run.requests) });
  }
  record('first sync --once, 10k sessions: to list and prefetch set in', pairs.map((p) => p.ms), 'ms', '< 10000 ms', median(pairs.map((p) => p.ceiling / p.ms)));
  record('first sync: ceiling (bare ws, same requests, same pacing)', pairs.map((p) => p.ceiling), 'ms');
  record('first sync: transcript requests sent', pairs.map((p) => p.requests), 'count', '<= 300 + opened');
}

function queries(): void {
  section('5. queries on a cache of 100,000 sessions (p95 of 50 runs each), and live-query answers');
  const now = Date.now();
  const { cache, sessions } = bigCache(now);
  const runs = Array.from({ length: RUNS }, () => queryFigures(cache, sessions, now));
  for (const name of Object.keys(runs[0]!.p95)) record(`query: ${name}`, runs.map((r) => r.p95[name]!), 'ms', '< 5 ms');
  record('query: sessions in Active Now (for scale)', runs.map((r) => r.activeCount), 'count');
  // What the core computes for a window's live query (views/live-queries.ts): its first answer
  // (counts and filter menus read afresh) and each re-evaluation after a batch ("again", p95 of 30).
  const live = Array.from({ length: RUNS }, () => liveQueryFigures(cache, now, 'u_ada'));
  for (const name of Object.keys(live[0]!)) {
    record(`live: ${name}, first`, live.map((r) => r[name]!.cold), 'ms');
    record(`live: ${name}, again p95`, live.map((r) => r[name]!.p95), 'ms');
  }
  cache.close();
}

async function renderer(): Promise<void> {
  section('6. renderer in Chromium through the web preview (100,000 and 50,000 cached sessions), and 7. its heap');
  for (const f of await rendererBench(RUNS)) record(f.name, [f.value], f.unit, f.target);
}

async function desktop(): Promise<void> {
  section('1 and 6. the desktop app, built (out/), through the Electron stand-in: main, the core and the popover');
  const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
  process.stdout.write(`load average at the start: ${load()}\n`);
  // One app launch per run and figure: the ingest on an empty cache, then a 100k cache.
  const ingest = [];
  for (let i = 0; i < RUNS; i++) ingest.push(await desktopIngest(100_000));
  // Main's own window (the stand-in relays every MessagePort message through main: see README).
  record('desktop: main event-loop delay during a 100k ingest, p99', ingest.map((r) => r.main.p99), 'ms', '< 16 ms');
  record('desktop: main event-loop delay during a 100k ingest, longest', ingest.map((r) => r.main.max), 'ms');
  record('desktop: core event-loop delay during that ingest, p99', ingest.map((r) => r.core.p99), 'ms');
  record('desktop: core event-loop delay during that ingest, longest', ingest.map((r) => r.core.max), 'ms');
  record('desktop: 100k ingest, connection let through to seq 100,000 committed', ingest.map((r) => r.ingestMs), 'ms');
  record('desktop: 100k ingest, connection let through to the last byte read', ingest.map((r) => r.readMs), 'ms');
  record('desktop: port messages relayed through main meanwhile', ingest.map((r) => r.relayed), 'count');
  const big = [];
  for (let i = 0; i < RUNS; i++) big.push(await desktopBigCache(100_000));
  record('desktop: popover first rows, tray click at launch (100k cached)', big.map((r) => r.coldOpenMs), 'ms', '< 300 ms');
  record('desktop: popover first rows, page load start to rows (hidden)', big.map((r) => r.pageLoadToRowsMs), 'ms');
  record('desktop: of which the page to DOMContentLoaded', big.map((r) => r.pageDclMs), 'ms');
  record('desktop: popover reopened, click to a frame with rows', big.map((r) => r.reopenMs), 'ms', '< 300 ms');
  record('desktop: core idle RSS, 100k cached, live, popover open', big.map((r) => r.coreRssMb), 'MB', '< 150 MB');
  record('desktop: core peak RSS (VmHWM) up to then', big.map((r) => r.corePeakMb), 'MB');
  record('desktop: main RSS then (the stand-in: Node + playwright-core)', big.map((r) => r.mainRssMb), 'MB');
  if (big.some((r) => r.coldAlready)) process.stdout.write('note: rows were on the page before the probe was, in some run: the cold figure is an upper bound\n');
  process.stdout.write(`load average at the end: ${load()}\n`);
}

function redaction(): void {
  section('8. redaction');
  const r = redactionFigures(RUNS);
  record('redaction throughput (2 KB chunks)', [r.mbPerS], 'MB/s', '>= 20 MB/s');
  record(`redaction: generated secrets missed (of ${r.secrets})`, [r.missed], 'count', '0');
}

if (want('ingest')) await ingest();
if (want('latency')) await latency();
if (want('coldstart')) await coldStart();
if (want('firstsync')) await firstSyncOnce();
if (want('queries')) queries();
if (want('renderer')) await renderer();
if (want('redaction')) redaction();
if (want('desktop')) await desktop();
const minutes = (performance.now() - started) / 60_000;
process.stdout.write(`\n${RUNS} runs each, ${minutes.toFixed(1)} min in all\n`);
if (ONLY === null) {
  writeFileSync('bench/results.json', `${JSON.stringify({ at: new Date().toISOString(), node: process.version, runs: RUNS, minutes: round(minutes), results }, null, 2)}\n`);
  process.stdout.write('written bench/results.json\n');
} else process.stdout.write(`BENCH_ONLY=${ONLY.join(',')}: bench/results.json left as it was\n`);
