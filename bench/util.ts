import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const percentile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
export const scratch = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));
/** Wall-clock ms now, on the same clock as a page's performance.timeOrigin + performance.now(). */
export const wallNow = (): number => performance.timeOrigin + performance.now();
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` `runs` times and gives every figure it returned, so each can be reported as a median. */
export async function repeat<T>(runs: number, fn: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < runs; i++) out.push(await fn());
  return out;
}

export interface Stalls {
  /** ms the event loop was late, at the 99th percentile and at worst. */
  p99: number;
  max: number;
}

/**
 * How long this process's event loop was held: Node's own delay histogram, sampling every 1 ms,
 * so a turn that runs 20 ms shows as a 20 ms delay. What the tray and IPC would have waited.
 */
export function watchEventLoop(): { stop(): Stalls } {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  return {
    stop: () => {
      h.disable();
      return { p99: h.percentile(99) / 1e6, max: h.max / 1e6 };
    },
  };
}
