import os from 'node:os';
import { redactValue } from '../redact';
import { cacheStats, type CacheStats } from './cache-stats';

/** One cache the bundle describes: a profile's, or the one cache of the form before profiles. */
export interface DiagnosedCache {
  /** The profile's id, or null for a cache without one. */
  profile: string | null;
  folder: string;
}

export interface DiagnosticsInput {
  /** The app's and the runtime's versions (process.versions, with the app's own). */
  versions: Record<string, string | undefined>;
  /** The settings as they may be shown: the caller leaves tokens out, and every string is redacted again here. */
  settings: unknown;
  caches: readonly DiagnosedCache[];
  /** Recent log lines: already free of tokens and transcript text (core/log.ts), redacted again all the same. */
  logs: readonly string[];
  /** Counts the running app keeps (invalid frames, reconnects); none from the CLI. */
  counters?: Record<string, number>;
  now: number;
}

export interface DiagnosticsBundle {
  kind: 'parrot-tray-diagnostics';
  version: 1;
  createdAt: string;
  versions: Record<string, string | undefined>;
  os: { platform: string; release: string; arch: string; cpus: number; memoryMb: number };
  settings: unknown;
  caches: Array<CacheStats & { profile: string | null }>;
  counters: Record<string, number>;
  logs: string[];
}

/**
 * A bundle a person can read before sending it: versions, the OS, the settings without secrets,
 * each cache's counts and sizes (never a title or transcript), counters and recent log lines. The
 * whole of it passes the project's redaction rules on the way out, so a credential that slipped
 * into a setting or a log line is replaced by its rule's name.
 */
export function buildDiagnostics(input: DiagnosticsInput): DiagnosticsBundle {
  const bundle: DiagnosticsBundle = {
    kind: 'parrot-tray-diagnostics',
    version: 1,
    createdAt: new Date(input.now).toISOString(),
    versions: input.versions,
    os: { platform: process.platform, release: os.release(), arch: process.arch, cpus: os.cpus().length, memoryMb: Math.round(os.totalmem() / 2 ** 20) },
    settings: input.settings,
    caches: input.caches.map((c) => ({ profile: c.profile, ...cacheStats(c.folder, input.now) })),
    counters: input.counters ?? {},
    logs: [...input.logs],
  };
  return redactValue(bundle) as DiagnosticsBundle;
}
