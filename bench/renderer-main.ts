// The renderer's figures alone: npx tsx bench/renderer-main.ts (BENCH_RUNS, default 3).
import { rendererBench } from './renderer';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const started = performance.now();
for (const f of await rendererBench(runs)) {
  process.stdout.write(`${f.name.padEnd(64)} ${String(f.value).padStart(10)} ${f.unit.padEnd(5)} ${f.target ?? ''}\n`);
}
process.stdout.write(`\n${runs} runs in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
