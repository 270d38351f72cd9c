import { Companion } from '../src/main/core/companion';
import { startStreamServer } from './server-process';
import { percentile, scratch, sleep, type Stalls, wallNow, watchEventLoop } from './util';

export interface LatencyRun {
  /** ms from the server handing each live checkpoint to its socket to the notification decision. */
  latencies: number[];
  /** Live checkpoints sent that never got a decision before the run ended. */
  missed: number;
  stalls: Stalls;
}


/**
 * The companion as the CLI's `sync --events` runs it, against a stream of quiet traffic with a
 * live checkpoint every `everyMs`: each checkpoint's time from the server's send to the decision
 * (the moment the `--events` line is printed). With `backlog`, the stream starts with that many
 * changes at once and the run lasts until they are all written.
 */
export async function approvalLatency(options: { backlog: number; rate: number; everyMs: number; seconds: number }): Promise<LatencyRun> {
  const server = await startStreamServer({ kind: 'live', ...options });
  const { companion } = Companion.open({ backendUrl: server.url, token: 't', dataDir: scratch('bench-latency-'), notify: { scope: 'all' } });
  const decided = new Map<string, number>();
  companion.on('notification', ({ checkpointId: id }) => {
    if (id?.startsWith('cp_live_') && !decided.has(id)) decided.set(id, wallNow());
  });
  const loop = watchEventLoop();
  companion.start();
  await sleep(options.seconds * 1000);
  while ((companion.sync.appliedSeq ?? 0) < options.backlog) await sleep(20);
  const stalls = loop.stop();
  await server.stop();
  // A checkpoint sent in the last moments may still be on its way: give it a beat, then count.
  await sleep(300);
  companion.close();
  const latencies: number[] = [];
  let missed = 0;
  for (const [id, at] of server.sent) {
    const d = decided.get(id);
    if (d === undefined) missed++;
    else latencies.push(d - at);
  }
  return { latencies, missed, stalls };
}

export const summarise = (run: LatencyRun) => ({ p50: percentile(run.latencies, 50), p99: percentile(run.latencies, 99), max: Math.max(...run.latencies) });
