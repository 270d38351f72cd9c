// `npm run soak -- --minutes N [--quiet-minutes Q]`: the built app through the Electron stand-in
// for N minutes against the demo backend (bench/soak-backend.ts): busy first (20 changes/s,
// transcripts growing, checkpoints coming and going, the connection cut every 3 minutes, the
// window hidden and shown every 2), then quiet for the last Q (1 change a minute). It reports each
// process's memory over time and its slope after warm-up, event-loop delay, the cache and WAL
// sizes, bytes written per byte received, notifications against checkpoints, and what a quiet
// tenant costs. Figures go to stdout and bench/soak-results.json (BENCHMARKS.md, "Soak").
import { existsSync, writeFileSync } from 'node:fs';
import { launch, type StandinApp } from '../test/electron-standin/driver';
import { probeEnv, snapLoop, writeSettings, type ProbeMemory } from './desktop-launch';
import { cuttableProxy } from './cuttable-proxy';
import { backendProcess } from './soak-backend-process';
import { cacheSizes, procSample, slopePerHour, type ProcSample } from './soak-probe';
import { scratch, sleep } from './util';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const MINUTES = arg('minutes', 60);
const QUIET_MINUTES = arg('quiet-minutes', Math.max(1, Math.round(MINUTES / 6)));
const SAMPLE_MS = arg('sample-seconds', 30) * 1000;
const CUT_EVERY_MS = 3 * 60_000;
const TOGGLE_EVERY_MS = 2 * 60_000;
const BUSY_MS = (MINUTES - QUIET_MINUTES) * 60_000;
const QUIET_MS = QUIET_MINUTES * 60_000;
const WARM_UP_MS = Math.min(10 * 60_000, BUSY_MS / 4);

type Stats = { bytes: number; checkpoints: number; titles: string[]; whileAway: number; clients: number; headSeq: number };

const MEMORY_PARTS = ['heapUsedMb', 'heapTotalMb', 'externalMb', 'nativeMb'] as const;

interface Sample {
  t: number;
  phase: 'busy' | 'quiet';
  main: ProcSample;
  core: ProcSample;
  rendererHeapMb: number;
  loop: { mainP99: number; mainMax: number; coreP99: number; coreMax: number };
  /** From the probe, while busy: where each process's RSS is. */
  mem: { main?: ProbeMemory; core?: ProbeMemory };
  cache: { dbBytes: number; walBytes: number };
  backend: Stats;
}

async function corePid(app: StandinApp): Promise<number> {
  const core = (await app.utilityProcesses()).find((u) => u.serviceName === 'Parrot Tray core' && u.alive);
  if (!core?.pid) throw new Error('the app has no core process');
  return core.pid;
}

async function main(): Promise<void> {
  if (!existsSync('out/main/index.js')) throw new Error('build the app first: npm run build');
  const backend = backendProcess();
  const { url } = await backend.ask<{ url: string }>({ t: 'start' }, 'started');
  const proxy = await cuttableProxy(url);
  const userData = scratch('soak-user-');
  const dataDir = scratch('soak-data-');
  const probeDir = scratch('soak-probe-');
  writeSettings(userData, proxy.url);
  const app = launch({ userData, safeStorageBackend: 'basic_text', env: probeEnv(probeDir, dataDir) });
  const samples: Sample[] = [];
  let expectedTitles: string[] = [];
  try {
    await app.waitForReady(30_000);
    await app.waitForEvent('utility-spawn', undefined, 30_000);
    const win = await app.firstWindow(30_000);
    const cdp = await win.page.context().newCDPSession(win.page);
    await backend.ask({ t: 'rate', perSecond: 20 }, 'rated');
    const started = Date.now();
    let phase: Sample['phase'] = 'busy';
    let nextCut = started + CUT_EVERY_MS;
    let nextToggle = started + TOGGLE_EVERY_MS;
    let shown = false;
    const mainPid = app.child.pid!;
    for (let pid = await corePid(app); Date.now() - started < BUSY_MS + QUIET_MS; ) {
      await sleep(SAMPLE_MS);
      const now = Date.now();
      if (phase === 'busy' && now - started >= BUSY_MS) {
        phase = 'quiet';
        await backend.ask({ t: 'rate', perSecond: 1 / 60 }, 'rated');
        // From here on only the app wakes the processes: no probe, no window shown and hidden.
        for (const p of [mainPid, await corePid(app)]) process.kill(p, 'SIGHUP');
      }
      if (phase === 'busy' && now >= nextCut) (proxy.cut(), (nextCut += CUT_EVERY_MS));
      if (phase === 'busy' && now >= nextToggle) {
        shown = !shown;
        await app.windowAction(win.id, shown ? 'show' : 'hide');
        nextToggle += TOGGLE_EVERY_MS;
      }
      const next = await corePid(app);
      // A restarted core starts its counters from zero: the report says so rather than mix them.
      if (next !== pid) process.stdout.write(`the core restarted (pid ${pid} → ${next}): its counters start again\n`);
      pid = next;
      const quietLoop = { p99: Number.NaN, max: Number.NaN };
      const [mainLoop, coreLoop] = phase === 'busy' ? await Promise.all([snapLoop(probeDir, mainPid), snapLoop(probeDir, pid)]) : [quietLoop, quietLoop];
      // Live heap after a full collection: what the page holds, not the garbage V8 has yet to
      // reclaim. Not while quiet: a forced collection is work the app would not do.
      if (phase === 'busy') await cdp.send('HeapProfiler.collectGarbage');
      const heap = phase === 'busy' ? (await cdp.send('Runtime.getHeapUsage')).usedSize : Number.NaN;
      const s: Sample = {
        t: now - started,
        phase,
        main: procSample(mainPid),
        core: procSample(pid),
        rendererHeapMb: heap / 2 ** 20,
        loop: { mainP99: mainLoop.p99, mainMax: mainLoop.max, coreP99: coreLoop.p99, coreMax: coreLoop.max },
        mem: { main: (mainLoop as { mem?: ProbeMemory }).mem, core: (coreLoop as { mem?: ProbeMemory }).mem },
        cache: cacheSizes(dataDir),
        backend: await backend.ask<Stats>({ t: 'stats' }, 'stats'),
      };
      expectedTitles = s.backend.titles;
      s.backend.titles = [];
      samples.push(s);
      process.stdout.write(`${(s.t / 60_000).toFixed(1)} min ${phase}: main ${s.main.rssMb.toFixed(0)} MB, core ${s.core.rssMb.toFixed(0)} MB, written ${((s.core.writeBytes + s.main.writeBytes) / 2 ** 20).toFixed(1)} MB (core ${(s.core.writeBytes / 2 ** 20).toFixed(1)}), received ${(s.backend.bytes / 2 ** 20).toFixed(2)} MB, heap ${s.rendererHeapMb.toFixed(1)} MB, WAL ${(s.cache.walBytes / 2 ** 20).toFixed(1)} MB, loop p99 ${s.loop.mainP99.toFixed(1)}/${s.loop.coreP99.toFixed(1)} ms, seq ${s.backend.headSeq}\n`);
    }
    const shownEvents = app.eventsOf('notification').map((e) => e.data as { title: string; body: string });
    if (process.env.SOAK_NOTES) writeFileSync(process.env.SOAK_NOTES, JSON.stringify(shownEvents, null, 1));
    report(samples, shownEvents, expectedTitles);
  } finally {
    await app.close();
    proxy.close();
    backend.child.send({ t: 'stop' });
  }
}

/** What one process cost per hour (CPU, wake-ups) and per day (bytes written) while the tenant was quiet. */
function quietCost(from: ProcSample, to: ProcSample, hours: number) {
  return { cpuSecondsPerHour: (to.cpuS - from.cpuS) / hours, wakeupsPerHour: (to.switches - from.switches) / hours, writtenMbPerDay: (((to.writeBytes - from.writeBytes) / hours) * 24) / 2 ** 20 };
}

/** Each checkpoint's banner, matched by its session's title (a banner clips it): what is left over on either side. */
function matchBanners(expected: readonly string[], banners: readonly string[]): { lost: number; extra: number } {
  const open = [...expected];
  let extra = 0;
  for (const banner of banners) {
    const shown = banner.replace(/^Approval needed: /, '').replace(/…$/, '');
    const at = open.findIndex((t) => t.startsWith(shown));
    if (at >= 0) open.splice(at, 1);
    else extra++;
  }
  return { lost: open.length, extra };
}

function report(samples: Sample[], notes: Array<{ title: string; body: string }>, expected: readonly string[]): void {
  const busy = samples.filter((s) => s.phase === 'busy');
  const quiet = samples.filter((s) => s.phase === 'quiet');
  const warm = busy.filter((s) => s.t >= WARM_UP_MS);
  const slope = (pick: (s: Sample) => number) => slopePerHour(warm.map((s) => ({ t: s.t, y: pick(s) })));
  const first = warm[0] ?? busy[0]!;
  const last = busy.at(-1)!;
  const approvals = notes.filter((n) => n.title.startsWith('Approval needed:')).length;
  const inSummaries = notes.map((n) => /^(\d+) approvals waiting$/.exec(n.title)?.[1]).reduce((sum, n) => sum + Number(n ?? 0), 0);
  // The first two quiet minutes still fold the busy phase's WAL back and settle: not the tenant's cost.
  const q0 = quiet.find((q) => q.t >= BUSY_MS + 2 * 60_000) ?? quiet[0];
  const q1 = quiet.at(-1);
  const quietHours = q0 && q1 && q1.t > q0.t ? (q1.t - q0.t) / 3_600_000 : Number.NaN;
  const result = {
    minutes: MINUTES,
    quietMinutes: QUIET_MINUTES,
    samples: samples.length,
    memory: {
      slopeMbPerHour: { main: slope((s) => s.main.rssMb), core: slope((s) => s.core.rssMb), rendererHeap: slope((s) => s.rendererHeapMb) },
      rssMb: { main: [first.main.rssMb, last.main.rssMb], core: [first.core.rssMb, last.core.rssMb] },
      // The same slope for each part of the RSS (the probe's reading, no collection forced).
      partsSlopeMbPerHour: Object.fromEntries(
        (['main', 'core'] as const).map((who) => [who, Object.fromEntries(MEMORY_PARTS.map((part) => [part, slope((s) => s.mem[who]?.[part] ?? Number.NaN)]))]),
      ),
    },
    eventLoopMs: { mainP99Max: Math.max(...busy.map((s) => s.loop.mainP99)), coreP99Max: Math.max(...busy.map((s) => s.loop.coreP99)), mainMax: Math.max(...busy.map((s) => s.loop.mainMax)) },
    cache: { dbMb: last.cache.dbBytes / 2 ** 20, walMaxMb: Math.max(...samples.map((s) => s.cache.walBytes)) / 2 ** 20, walLastMb: samples.at(-1)!.cache.walBytes / 2 ** 20 },
    writeAmplification: (last.core.writeBytes + last.main.writeBytes - first.core.writeBytes - first.main.writeBytes) / (last.backend.bytes - first.backend.bytes),
    notifications: { ...matchBanners(expected, notes.filter((n) => n.title.startsWith('Approval needed:')).map((n) => n.title)), checkpointsSentLive: last.backend.checkpoints, sentWhileAway: last.backend.whileAway, approvalBanners: approvals, inSummaries, shown: approvals + inSummaries, all: notes.length },
    // Per process: main here also runs the stand-in's Playwright client (what Electron's C++ would
    // do), so the core's figures are the app's own; main's are an upper bound.
    quiet: q0 && q1 ? { core: quietCost(q0.core, q1.core, quietHours), main: quietCost(q0.main, q1.main, quietHours) } : null,
  };
  writeFileSync(new URL('./soak-results.json', import.meta.url), `${JSON.stringify({ result, samples }, null, 1)}\n`);
  process.stdout.write(`\n${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`soak: ${error.stack ?? error.message}\n`);
  process.exitCode = 1;
});
