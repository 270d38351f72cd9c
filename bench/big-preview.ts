// The web preview over a big cache, for the renderer bench: the cache is written directly (a
// DemoBackend of 100,000 sessions would take minutes to sync), then served by the real core,
// DemoBackend -> startProfiles (one profile) -> WebPreviewServer, as `parrot-tray web` and
// test/e2e/preview.ts wire it, so the ids and answers pass the ProfileHub's scoping as in the app.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCache } from '../src/main/core/cache/cache';
import { DemoBackend } from '../src/main/core/demo/server';
import { silentLogger } from '../src/main/core/log';
import type { ProfileHub } from '../src/main/core/profiles/profile-hub';
import { startProfiles } from '../src/main/core/runtime/start-profiles';
import { WebPreviewServer } from '../src/main/web/web-server';
import type { Session } from '../src/shared/protocol';
import { isActive } from '../src/shared/sessions';

/** The one profile the bench's preview runs: its session ids show in the page as `bench/<id>`. */
export const BENCH_PROFILE = 'bench';

/** The demo tenant's own sessions: the live and recent work the batch moves. */
const CURRENT = 3000;

export interface BigPreview {
  url: string;
  backend: DemoBackend;
  host: ProfileHub;
  /** Sessions the cache holds once the companion caught up (checked, not assumed). */
  cached: number;
  close: () => Promise<void>;
}

/**
 * As bench/queries.ts bigTenant, but from the backend's own tenant: its 3,000 sessions exactly as it
 * holds them (so a batch the tenant sends moves rows the cache has), plus finished copies from the
 * past week up to `total`.
 */
function tenantPlusHistory(current: Session[], now: number, total: number): Session[] {
  const finished = current.filter((s) => !isActive(s, now) && !s.checkpoint);
  const out = [...current];
  for (let i = out.length; i < total; i++) {
    const s = finished[i % finished.length]!;
    out.push({ ...s, id: `${s.id}_h${i}`, updatedAt: new Date(now - 60 * 60_000 - (i % 9000) * 60_000).toISOString() });
  }
  return out;
}

/**
 * A still DemoBackend of 3,000 sessions, and a cache that already holds them and `total - 3,000`
 * finished ones at the backend's head seq: the companion subscribes from there, gets nothing new,
 * and serves the whole cache. Resolves once it caught up and its transcript prefetch is in (the
 * start-up work an app does once), so the figures are the renderer's and its live queries'.
 */
export async function startBigPreview(total: number, rendererDir: string): Promise<BigPreview> {
  const backend = new DemoBackend({ token: 'bench-token', seed: 1, sessions: CURRENT, rate: 0 });
  const backendUrl = await backend.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'parrot-bench-renderer-'));
  const now = Date.now();
  const { cache } = openCache(dataDir, { create: true });
  cache.applySnapshot(tenantPlusHistory(backend.tenant.all(), now, total), backend.tenant.headSeq);
  cache.close();

  const host = await startProfiles([{ id: BENCH_PROFILE, name: null, color: null, notify: null, backendUrl, token: 'bench-token', dataDir }], { logger: silentLogger });
  const { companion } = host.running[0]!.core;
  // No I/O turn has passed since the connection started, so its first catch-up is still ahead.
  const caughtUp = new Promise<void>((r) => companion.once('caughtUp', () => r()));
  const server = new WebPreviewServer(rendererDir, host);
  const url = await server.listen(0);
  await caughtUp;
  await companion.transcripts.drained();
  // A resync (a snapshot of the backend's 3,000) or retention would show here.
  const cached = companion.cache.count({ view: 'all' }, companion.sync.now());
  if (cached < total) throw new Error(`the cache holds ${cached} sessions, not ${total}: did the companion resync?`);
  const close = async () => {
    await server.close();
    await host.close();
    await backend.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, backend, host, cached, close };
}

/** The id of the Sessions list's last row (no filters), as the core orders it. */
export function lastListedId(host: ProfileHub, total: number): string {
  let id: string | undefined;
  const close = host.watch({ view: 'sessions', filters: {}, offset: total - 1, limit: 1 }, (r) => {
    if (r.view === 'sessions') id = r.rows[0]?.session.id;
  });
  close();
  if (!id) throw new Error('the core listed no last row');
  return id;
}
