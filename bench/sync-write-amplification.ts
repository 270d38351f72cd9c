// Bytes written per byte received by the core without the app, against the soak backend, busy:
// quicker than the soak for comparing write-path changes (BENCHMARKS.md, "Soak"). It runs
// `parrot-tray web`, whose core holds its writes as the app's does (`sync` alone flushes within a
// second, for other processes reading its file).
// `npm run build:cli`, then `tsx bench/sync-write-amplification.ts [seconds=120] [rate=20]`.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_TOKEN } from './desktop-launch';
import { backendProcess } from './soak-backend-process';
const SECONDS = Number(process.argv[2] ?? 120);
const RATE = Number(process.argv[3] ?? 20);
const { child, ask } = backendProcess();
type Stats = { bytes: number; headSeq: number };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const io = (pid: number) => { const t = readFileSync(`/proc/${pid}/io`, 'utf8'); return { w: Number(/^write_bytes:\s+(\d+)/m.exec(t)![1]), wchar: Number(/^wchar:\s+(\d+)/m.exec(t)![1]) }; };
const cpu = (pid: number) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) / 100; };
const rss = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
(async () => {
  const { url } = await ask<{ url: string }>({ t: 'start' }, 'started');
  const data = mkdtempSync(join(tmpdir(), 'sync-writes-'));
  const sync = spawn('node', ['out/cli/index.js', 'web', '--port', '0', '--backend', url, '--data', data], { env: { ...process.env, PARROT_TOKEN: BENCH_TOKEN }, stdio: ['ignore', 'ignore', 'inherit'] });
  await sleep(5000);
  await ask({ t: 'rate', perSecond: RATE }, 'rated');
  await sleep(30_000);
  const s0 = await ask<Stats>({ t: 'stats' }, 'stats'); const i0 = io(sync.pid!); const c0 = cpu(sync.pid!);
  const rss0 = rss(sync.pid!);
  await sleep(SECONDS * 1000);
  const s1 = await ask<Stats>({ t: 'stats' }, 'stats'); const i1 = io(sync.pid!); const c1 = cpu(sync.pid!);
  const got = s1.bytes - s0.bytes;
  // `web` keeps a cache per profile under the data folder: the one the run wrote.
  const file = readdirSync(data, { recursive: true }).map(String).find((f) => f.endsWith('cache.sqlite'));
  const db = file ? statSync(join(data, file)).size : 0; const wal = file && existsSync(join(data, `${file}-wal`)) ? statSync(join(data, `${file}-wal`)).size : 0;
  console.log(JSON.stringify({ seconds: SECONDS, rate: RATE, receivedKB: Math.round(got / 1024), writtenKB: Math.round((i1.w - i0.w) / 1024), wcharKB: Math.round((i1.wchar - i0.wchar) / 1024), amplification: +((i1.w - i0.w) / got).toFixed(2), changes: s1.headSeq - s0.headSeq, cpuS: +(c1 - c0).toFixed(1), rssMb: [Math.round(rss0), Math.round(rss(sync.pid!))], dbKB: Math.round(db / 1024), walKB: Math.round(wal / 1024) }));
  sync.kill('SIGTERM');
  await new Promise((r) => sync.once('close', r));
  rmSync(data, { recursive: true, force: true });
  child.send({ t: 'stop' });
})();
