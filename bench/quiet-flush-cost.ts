// What a quiet tenant's changes cost on disk once held writes (src/main/core/cache/held-transaction)
// reach the file. `parrot-tray web` runs the core as the app does (its views read through the
// core, so it holds its writes; `sync` alone flushes within a second, for other readers). It takes
// `changes` quiet-tenant changes (the soak backend, sped up), then the connection is cut, which
// flushes and checkpoints. At a change a minute, 360 changes are the 6 hours after which held
// writes are flushed anyway (sync/disk-flush), so a day costs four such flushes.
// `npm run build:cli`, then `tsx bench/quiet-flush-cost.ts [changes=360]`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cuttableProxy } from './cuttable-proxy';
import { BENCH_TOKEN } from './desktop-launch';
import { backendProcess } from './soak-backend-process';
import { procSample } from './soak-probe';

const CHANGES = Number(process.argv[2] ?? 360);
const PER_SECOND = 6;
const { child, ask } = backendProcess();
type Stats = { bytes: number; headSeq: number };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// A rate this low never fires within the run (a period under setTimeout's 2^31 ms limit).
const STILL = 1 / 2_000_000;

(async () => {
  const { url } = await ask<{ url: string }>({ t: 'start' }, 'started');
  await ask({ t: 'rate', perSecond: STILL }, 'rated');
  const proxy = await cuttableProxy(url);
  const data = mkdtempSync(join(tmpdir(), 'quiet-flush-'));
  const sync = spawn('node', ['out/cli/index.js', 'web', '--port', '0', '--backend', proxy.url, '--data', data], { env: { ...process.env, PARROT_TOKEN: BENCH_TOKEN }, stdio: ['ignore', 'ignore', 'inherit'] });
  // The snapshot commits on its own and is checkpointed once writes go quiet.
  await sleep(15_000);
  const s0 = await ask<Stats>({ t: 'stats' }, 'stats');
  const p0 = procSample(sync.pid!);
  await ask({ t: 'rate', perSecond: PER_SECOND }, 'rated');
  await sleep((CHANGES / PER_SECOND) * 1000);
  await ask({ t: 'rate', perSecond: STILL }, 'rated');
  await sleep(5_000);
  const s1 = await ask<Stats>({ t: 'stats' }, 'stats');
  const p1 = procSample(sync.pid!);
  proxy.cut();
  await sleep(5_000);
  const p2 = procSample(sync.pid!);
  const changes = s1.headSeq - s0.headSeq;
  const heldKB = (p1.writeBytes - p0.writeBytes) / 1024;
  const flushKB = (p2.writeBytes - p1.writeBytes) / 1024;
  const perChangeKB = (heldKB + flushKB) / changes;
  console.log(JSON.stringify({ changes, receivedKB: Math.round((s1.bytes - s0.bytes) / 1024), heldKB: Math.round(heldKB), flushKB: Math.round(flushKB), perChangeKB: +perChangeKB.toFixed(2), mbPerDayAtOneAMinute: +((perChangeKB * 1440) / 1024).toFixed(2) }));
  sync.kill('SIGTERM');
  await new Promise((r) => sync.once('close', r));
  proxy.close();
  rmSync(data, { recursive: true, force: true });
  child.send({ t: 'stop' });
})();
