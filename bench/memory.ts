import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startStreamServer } from './server-process';
import { scratch, type Stalls } from './util';

const run = promisify(execFile);
const script = fileURLToPath(new URL('./core-process.ts', import.meta.url));

async function core<T>(mode: 'cold' | 'idle', url: string, dataDir: string): Promise<T> {
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', script, mode, url, dataDir], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as T;
}

/** Cold start of a 100k tenant (time, peak RSS), then the core idle on that cache (RSS). */
export async function coldStartAndIdle(sessions = 100_000): Promise<{ ms: number; peakRssMb: number; stalls: Stalls; idleRssMb: number }> {
  const dataDir = scratch('bench-cold-');
  const snapshot = await startStreamServer({ kind: 'snapshot', sessions });
  const cold = await core<{ ms: number; peakRssMb: number; stalls: Stalls }>('cold', snapshot.url, dataDir);
  await snapshot.stop();
  const idleServer = await startStreamServer({ kind: 'idle', head: sessions });
  const idle = await core<{ idleRssMb: number }>('idle', idleServer.url, dataDir);
  await idleServer.stop();
  return { ...cold, ...idle };
}
