// What the desktop bench needs around the built app in the Electron stand-in: a settings file that
// points it at a bench backend, an event-loop probe in its processes, a proxy that holds the
// core's connection until the app has settled, and the cache's cursor read from outside.
import { createCipheriv, pbkdf2Sync } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { CURSOR_KEY } from '../src/main/core/cache/meta';
import { CACHE_FILE } from '../src/main/core/cache/open';
import { PROFILES_DIR } from '../src/main/core/profiles/profile-store';
import { checkBackendUrl } from '../src/shared/backend-url';
import { sleep, wallNow } from './util';

export const PROBE = pathToFileURL(new URL('./desktop-probe.mjs', import.meta.url).pathname).href;
export const BENCH_TOKEN = 'bench-desktop-token';

/**
 * The settings file the app before profiles would have written after "Backend URL" and "Sign-in token" were saved
 * with no keyring and the obfuscated storage accepted (tokenStorage 'plain-accepted'): the token
 * as Chromium's basic_text ciphertext ("v10", AES-128-CBC under the fixed "peanuts" key), which
 * the stand-in's safeStorage models (safeStorageBackend 'basic_text', its default). Written
 * directly so no bench switch is needed in src/; the app migrates it into one profile on start,
 * and a cache written at the data directory's top moves into that profile's folder.
 */
export function writeSettings(userData: string, backendUrl: string): void {
  const check = checkBackendUrl(backendUrl);
  if (!check.ok) throw new Error(check.message);
  const key = pbkdf2Sync('peanuts', 'saltysalt', 1, 16, 'sha1');
  const cipher = createCipheriv('aes-128-cbc', key, Buffer.alloc(16, ' '));
  const encrypted = Buffer.concat([Buffer.from('v10'), cipher.update(BENCH_TOKEN, 'utf8'), cipher.final()]);
  mkdirSync(userData, { recursive: true });
  const settings = { schemaVersion: 1, backendUrl: check.url, tokenStorage: 'plain-accepted', encryptedToken: encrypted.toString('base64') };
  writeFileSync(join(userData, 'settings.json'), JSON.stringify(settings, null, 2));
}

/** The environment that loads the probe into main and (inherited) the core. */
export const probeEnv = (probeDir: string, dataDir: string): Record<string, string> => ({
  NODE_OPTIONS: [process.env.NODE_OPTIONS ?? '', `--import=${PROBE}`].join(' ').trim(),
  PARROT_BENCH_PROBE_DIR: probeDir,
  PARROT_TRAY_DATA: dataDir,
  ...(process.env.PARROT_BENCH_PROFILE_DIR ? { PARROT_BENCH_PROFILE_DIR: process.env.PARROT_BENCH_PROFILE_DIR } : {}),
});

export interface LoopWindow {
  role: string;
  pid: number;
  samples: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
  rssMb: number;
  /** Where the RSS is when the window closed: V8's heap (used, reserved), buffers, the rest. */
  mem?: ProbeMemory;
}

export interface ProbeMemory {
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  nativeMb: number;
}

/** Signals the probe in `pid` and reads what it wrote (its histogram since the last signal). */
export async function snapLoop(probeDir: string, pid: number, timeoutMs = 5_000): Promise<LoopWindow> {
  const before = new Set(readdirSync(probeDir));
  process.kill(pid, 'SIGUSR2');
  const until = Date.now() + timeoutMs;
  for (;;) {
    const file = readdirSync(probeDir).find((f) => !before.has(f) && f.includes(`-${pid}-`));
    if (file) {
      // The probe writes in one call; a half-written file is retried once.
      try {
        return JSON.parse(readFileSync(join(probeDir, file), 'utf8')) as LoopWindow;
      } catch {
        /* read again below */
      }
    }
    if (Date.now() > until) throw new Error(`no event-loop probe answered in process ${pid} (is NODE_OPTIONS --import reaching it?)`);
    await sleep(20);
  }
}

export interface HoldingProxy {
  /** ws:// URL of the proxy, for the settings file. */
  url: string;
  /** Resolves when the first client (the core) has connected; it is held until `release`. */
  connected: Promise<void>;
  /** Lets the held connection through to the backend; wall-clock ms at which it did. */
  release(): number;
  /** Wall-clock ms of the last byte forwarded from the backend to the app. */
  lastByteAt(): number;
  close(): Promise<void>;
}

/**
 * A TCP proxy in the bench process between the app's core and the bench stream server. The core
 * connects as soon as it starts, while Chromium and the window are still loading; the proxy holds
 * that first connection (nothing is read from it) until `release`, so the measured window is the
 * ingest and not the app's start-up. The ws handshake waits meanwhile (its timeout is 10 s).
 */
export async function holdingProxy(upstream: string): Promise<HoldingProxy> {
  const target = new URL(upstream);
  let held: Socket | null = null;
  let released = false;
  let last = 0;
  let onConnect: () => void = () => undefined;
  const connected = new Promise<void>((r) => (onConnect = r));
  const sockets = new Set<Socket>();
  const through = (client: Socket) => {
    const up = connect(Number(target.port), target.hostname);
    sockets.add(up);
    up.on('data', () => (last = wallNow()));
    client.pipe(up);
    up.pipe(client);
    const end = () => {
      client.destroy();
      up.destroy();
    };
    client.on('error', end).on('close', end);
    up.on('error', end).on('close', end);
    client.resume();
  };
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.pause();
    if (released) return through(client);
    if (held) return client.destroy();
    held = client;
    onConnect();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `ws://127.0.0.1:${port}`,
    connected,
    release() {
      released = true;
      const at = wallNow();
      if (held) through(held);
      return at;
    },
    lastByteAt: () => last,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/**
 * Waits until the app's cache has committed `seq` (the cursor is written in the same transaction
 * as the changes it covers): read from outside, read-only, so nothing in the app is asked.
 * Resolves with the wall-clock ms at which it was seen; polls every `everyMs`.
 */
export async function cursorReaches(dataDir: string, seq: number, timeoutMs: number, everyMs = 25): Promise<number> {
  const until = Date.now() + timeoutMs;
  let db: Database.Database | null = null;
  try {
    for (;;) {
      const file = profileCache(dataDir);
      if (!db && file) db = new Database(file, { readonly: true, fileMustExist: true });
      const row = db?.prepare('SELECT value FROM meta WHERE key = ?').get(CURSOR_KEY) as { value: string } | undefined;
      if (row && Number(row.value) >= seq) return wallNow();
      if (Date.now() > until) throw new Error(`the app's cache did not reach seq ${seq} (it is at ${row?.value ?? 'none'})`);
      await sleep(everyMs);
    }
  } finally {
    db?.close();
  }
}

/** The one profile's cache the app keeps under its data directory (profiles/<id>/), once it exists. */
function profileCache(dataDir: string): string | null {
  const profiles = join(dataDir, PROFILES_DIR);
  if (!existsSync(profiles)) return null;
  const [only] = readdirSync(profiles);
  const file = only ? join(profiles, only, CACHE_FILE) : null;
  return file && existsSync(file) ? file : null;
}

/** VmRSS and VmHWM of a live process, in MB (from /proc, as `ps` reads them). */
export function procRss(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}
