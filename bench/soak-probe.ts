// What the soak reads of a live process from outside (/proc), and the sums it reports.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CLOCK_TICKS = 100;

export interface ProcSample {
  rssMb: number;
  /** User + system CPU, seconds since the process started. */
  cpuS: number;
  /** Context switches (voluntary + not): how often it woke. */
  switches: number;
  /** Bytes it caused to be written to storage (/proc/<pid>/io write_bytes). */
  writeBytes: number;
}

export function procSample(pid: number): ProcSample {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
  // The command name sits in parentheses and may hold spaces: fields count from after it.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const io = readFileSync(`/proc/${pid}/io`, 'utf8');
  return {
    rssMb: field('VmRSS') / 1024,
    cpuS: (Number(stat[11]) + Number(stat[12])) / CLOCK_TICKS,
    switches: field('voluntary_ctxt_switches') + field('nonvoluntary_ctxt_switches'),
    writeBytes: Number(/^write_bytes:\s+(\d+)/m.exec(io)?.[1] ?? Number.NaN),
  };
}

/** Each profile's cache file and its WAL, in bytes. */
export function cacheSizes(dataDir: string): { dbBytes: number; walBytes: number } {
  let dbBytes = 0;
  let walBytes = 0;
  const root = join(dataDir, 'profiles');
  if (!existsSync(root)) return { dbBytes, walBytes };
  for (const id of readdirSync(root)) {
    const size = (f: string) => (existsSync(join(root, id, f)) ? statSync(join(root, id, f)).size : 0);
    dbBytes += size('cache.sqlite');
    walBytes += size('cache.sqlite-wal');
  }
  return { dbBytes, walBytes };
}

/** Least-squares slope of y over x, per hour of x (x in ms). */
export function slopePerHour(points: ReadonlyArray<{ t: number; y: number }>): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mx = points.reduce((s, p) => s + p.t, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.t - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.t - mx) ** 2, 0);
  return (num / den) * 3_600_000;
}
