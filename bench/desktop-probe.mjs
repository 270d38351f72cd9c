// Loaded into the desktop app through NODE_OPTIONS=--import (bench/desktop.ts), so it reaches
// Electron's main (the stand-in's out/main/index.js) and, by inheritance of the environment, the
// core's utility process (out/main/core.js). Anything else that inherits NODE_OPTIONS is left
// alone. Plain .mjs: neither process has a TypeScript loader, and the probe must not bring one.
//
// Each SIGUSR2 writes the event-loop delay histogram since the previous one (1 ms resolution, as
// bench/util.ts watchEventLoop) to $PARROT_BENCH_PROBE_DIR/<role>-<pid>-<n>.json and starts a new
// one: the bench signals at the start of a window (discarding what came before) and at its end.
// SIGUSR1 is Node's inspector switch, hence SIGUSR2.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const dir = process.env.PARROT_BENCH_PROBE_DIR;
const entry = process.argv[1] ?? '';
const role = /out[\\/]main[\\/]index\.js$/.test(entry) ? 'main' : /out[\\/]main[\\/]core\.js$/.test(entry) ? 'core' : null;

function memory() {
  const m = process.memoryUsage();
  const mb = (b) => b / 2 ** 20;
  return { heapUsedMb: mb(m.heapUsed), heapTotalMb: mb(m.heapTotal), externalMb: mb(m.external), nativeMb: mb(m.rss - m.heapTotal - m.external) };
}

if (dir && role) {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  let n = 0;
  const ms = (ns) => ns / 1e6;
  process.on('SIGUSR2', () => {
    h.disable();
    const out = {
      role,
      pid: process.pid,
      n: n++,
      at: performance.timeOrigin + performance.now(),
      samples: h.count,
      p50: ms(h.percentile(50)),
      p99: ms(h.percentile(99)),
      max: ms(h.max),
      mean: ms(h.mean),
      rssMb: process.memoryUsage().rss / 2 ** 20,
      // Where the RSS is (no collection forced): V8's heap, what it has reserved, and the rest.
      mem: memory(),
    };
    writeFileSync(join(dir, `${role}-${process.pid}-${out.n}.json`), JSON.stringify(out));
    h.reset();
    h.enable();
    profile?.(out.n);
  });
  // SIGHUP stops sampling until the next SIGUSR2: a 1 ms timer wakes the process a thousand times
  // a second, which would swamp what the soak's quiet phase measures of the app itself.
  process.on('SIGHUP', () => h.disable());
}

// With $PARROT_BENCH_PROFILE_DIR (for finding where a missed target's time goes, never for the
// figures: the profiler slows the process): a CPU profile of each window between two signals.
const profileDir = process.env.PARROT_BENCH_PROFILE_DIR;
let profile = null;
if (dir && role && profileDir) {
  const session = new Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
  let running = false;
  const start = () => post('Profiler.enable').then(() => post('Profiler.setSamplingInterval', { interval: 500 })).then(() => post('Profiler.start')).then(() => (running = true));
  profile = (n) => {
    const stop = running ? post('Profiler.stop').then(({ profile: p }) => writeFileSync(join(profileDir, `${role}-${process.pid}-${n}.cpuprofile`), JSON.stringify(p))) : Promise.resolve();
    running = false;
    void stop.then(start);
  };
}
