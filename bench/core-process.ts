// The core in a process of its own, so its RSS is the core's alone: `cold` applies a 100k snapshot
// from the bench stream server; `idle` opens that cache again, syncs (nothing new), collects and
// waits, as the app sits in the tray. Prints one JSON line.
import { Companion } from '../src/main/core/companion';
import { openCache } from '../src/main/core/cache/cache';
import { StreamConnection } from '../src/main/core/connection/connection';
import { SyncEngine } from '../src/main/core/sync/sync-engine';
import { sleep, watchEventLoop } from './util';

const [mode, url, dataDir] = process.argv.slice(2) as ['cold' | 'idle', string, string];
const mb = (bytes: number) => bytes / 1024 / 1024;

if (mode === 'cold') {
  const { cache } = openCache(dataDir, { create: true });
  const connection = new StreamConnection({ url, token: 't' });
  const sync = new SyncEngine(connection, cache);
  const done = new Promise<void>((resolve) => sync.on('caughtUp', () => resolve()));
  const loop = watchEventLoop();
  const started = performance.now();
  connection.start();
  await done;
  const ms = performance.now() - started;
  const stalls = loop.stop();
  connection.stop();
  sync.stop();
  cache.close();
  process.stdout.write(`${JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024, stalls })}\n`);
} else {
  const { companion } = Companion.open({ backendUrl: url, token: 't', dataDir });
  companion.start();
  await new Promise<void>((resolve) => companion.once('caughtUp', () => resolve()));
  // What a person's tray would hold after a while: the view the popover asks for, then quiet.
  companion.cache.query({ view: 'all', limit: 200 }, Date.now());
  for (let i = 0; i < 3; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    await sleep(500);
  }
  const rss = mb(process.memoryUsage().rss);
  companion.close();
  process.stdout.write(`${JSON.stringify({ idleRssMb: rss })}\n`);
}
process.exit(0);
