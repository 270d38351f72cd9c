// The desktop app itself, built (out/), through the Electron stand-in (test/electron-standin): its
// main in Node with `electron` resolved to the stand-in, the core in a real utility child, the
// popover a real Chromium page. Issue 12: main's event loop during a 100k ingest (item 1), the
// popover's first rows at 100,000 cached sessions and the core's idle RSS there (item 3).
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openCache } from '../src/main/core/cache/cache';
import { FIRST_ROWS_MARK } from '../src/shared/timing-marks';
import { launch, type StandinApp } from '../test/electron-standin/driver';
import { cursorReaches, holdingProxy, probeEnv, procRss, snapLoop, writeSettings, type LoopWindow } from './desktop-launch';
import { bigTenant } from './queries';
import { startStreamServer } from './server-process';
import { median, scratch, sleep, wallNow } from './util';

const CORE = 'Parrot Tray core';
const ROWS = '.popover [data-row-id]';

async function corePid(app: StandinApp): Promise<number> {
  await app.waitForEvent('utility-spawn', undefined, 30_000);
  const core = (await app.utilityProcesses()).find((u) => u.serviceName === CORE && u.alive);
  if (!core?.pid) throw new Error('the app started no core process');
  return core.pid;
}

const rowsCount = (page: Page) => page.locator(ROWS).count();

export interface DesktopIngest {
  main: LoopWindow;
  core: LoopWindow;
  /** From letting the core's connection through to the cache holding seq 100,000. */
  ingestMs: number;
  /** From letting it through to the last byte the backend sent. */
  readMs: number;
  /** MessagePort messages the stand-in relayed through main meanwhile (see the README's limits). */
  relayed: number;
}

/**
 * Item 1: the app on an empty cache against the bench stream server's 100k backlog (100 frames of
 * 1,000 upserts). The core's connection is held until the app has settled (window loaded, popover
 * drawn, 1.5 s quiet), then let through; the window ends when the cache's cursor, read from
 * outside, reaches 100,000 (committed). Each process's delay histogram covers exactly that window.
 */
export async function desktopIngest(changes = 100_000): Promise<DesktopIngest> {
  const server = await startStreamServer({ kind: 'ingest', changes });
  const proxy = await holdingProxy(server.url);
  const userData = scratch('bench-desktop-user-');
  const dataDir = scratch('bench-desktop-data-');
  const probeDir = scratch('bench-desktop-probe-');
  writeSettings(userData, proxy.url);
  const app = launch({ userData, safeStorageBackend: 'basic_text', env: probeEnv(probeDir, dataDir) });
  try {
    await app.waitForReady(30_000);
    const heldAt = Date.now();
    await proxy.connected;
    const pid = await corePid(app);
    const { page } = await app.firstWindow(30_000);
    // Settled: the page is up and has drawn its popover (empty: nothing cached yet). The hold
    // must stay well under the ws handshake timeout (10 s), so it never waits past 6 s.
    await Promise.race([page.locator('.popover').waitFor({ timeout: 20_000 }).then(() => sleep(1500)), sleep(Math.max(0, heldAt + 6000 - Date.now()))]);
    await snapLoop(probeDir, app.child.pid!);
    await snapLoop(probeDir, pid);
    const portsBefore = (await app.messagePorts()).posted;
    const from = proxy.release();
    const caughtUp = await cursorReaches(dataDir, changes, 180_000);
    const main = await snapLoop(probeDir, app.child.pid!);
    const core = await snapLoop(probeDir, pid);
    const relayed = (await app.messagePorts()).posted - portsBefore;
    return { main, core, ingestMs: caughtUp - from, readMs: proxy.lastByteAt() - from, relayed };
  } finally {
    await app.quit().catch(() => null);
    await app.close();
    await proxy.close();
    await server.stop();
    for (const dir of [userData, dataDir, probeDir]) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * In the page: wall-clock ms of the end of the first frame painted with a popover row in it (a
 * task posted from requestAnimationFrame runs after that frame's paint), and whether a row was
 * already there when this was installed (then the figure is only an upper bound).
 */
const PAINTED_ROWS = `new Promise((resolve) => {
  const sel = ${JSON.stringify(ROWS)};
  const done = (already) => requestAnimationFrame(() => setTimeout(() => resolve({ at: performance.timeOrigin + performance.now(), already, navStart: performance.timeOrigin, dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null }), 0));
  if (document.querySelector(sel)) return done(true);
  const observer = new MutationObserver(() => {
    if (!document.querySelector(sel)) return;
    observer.disconnect();
    done(false);
  });
  observer.observe(document, { childList: true, subtree: true });
})`;

/**
 * The popover's own User Timing mark (src/shared/timing-marks.ts), set in the frame
 * after its first rows rendered: the page's clock, so it holds even when this probe arrives after
 * the rows did (a cold launch often loads the page before Playwright has it).
 */
const FIRST_ROWS = `new Promise((resolve) => {
  const look = () => {
    const mark = performance.getEntriesByName(${JSON.stringify(FIRST_ROWS_MARK)})[0];
    if (!mark) return setTimeout(look, 5);
    resolve({ at: performance.timeOrigin + mark.startTime, already: false, navStart: performance.timeOrigin, dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null });
  };
  look();
})`;

interface Painted {
  at: number;
  already: boolean;
  navStart: number;
  /** DOMContentLoaded's end, ms after navStart: the page's own load, before any data. */
  dcl: number | null;
}

/** `probe` (PAINTED_ROWS or FIRST_ROWS) in the app's page, once it has navigated there (a navigation under way is waited out). */
async function paintedRows(page: Page, timeoutMs: number, probe = PAINTED_ROWS): Promise<Painted> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await page.waitForURL(/index\.html/, { timeout: timeoutMs, waitUntil: 'commit' });
      return (await Promise.race([page.evaluate(probe), sleep(Math.max(0, until - Date.now())).then(() => null)])) as Painted;
    } catch (error) {
      if (Date.now() > until || !/context was destroyed|navigat/i.test((error as Error).message)) throw error;
    }
  }
}

export interface DesktopBigCache {
  /** Tray click as soon as the app has its tray (the page still loading) to rows painted. */
  coldOpenMs: number;
  /** Whether the rows were there before the probe was (then coldOpenMs is an upper bound). */
  coldAlready: boolean;
  /** The page's navigation start to those rows painted (the hidden load the app does at start). */
  pageLoadToRowsMs: number;
  /** Of which the page's own load (navigation start to DOMContentLoaded's end). */
  pageDclMs: number;
  /** A later open (hidden, then a tray click) to a frame painted with rows: median of 3. */
  reopenMs: number;
  coreRssMb: number;
  corePeakMb: number;
  mainRssMb: number;
  cached: number;
}

/**
 * Item 3: a cache of 100,000 lifelike sessions (bench/queries.ts bigTenant) written at the
 * backend's head seq into PARROT_TRAY_DATA, and an idle bench backend at that head, so the core
 * subscribes from there and gets nothing new. The popover is opened by a tray click at once (a
 * person clicking right after the app starts), then hidden and opened again; the core's RSS is
 * read from /proc once it is live and has sat idle for 5 s with the popover's queries open.
 */
export async function desktopBigCache(total = 100_000): Promise<DesktopBigCache> {
  const dataDir = scratch('bench-desktop-data-');
  const userData = scratch('bench-desktop-user-');
  const probeDir = scratch('bench-desktop-probe-');
  const { cache } = openCache(dataDir, { create: true });
  cache.applySnapshot(bigTenant(Date.now(), total), total);
  const cached = cache.count({ view: 'all' }, Date.now());
  cache.close();
  const server = await startStreamServer({ kind: 'idle', head: total });
  writeSettings(userData, server.url);
  const app = launch({ userData, safeStorageBackend: 'basic_text', env: probeEnv(probeDir, dataDir) });
  try {
    await app.waitForReady(30_000);
    await app.waitForTray(30_000);
    await app.waitForEvent('window', undefined, 30_000);
    const clickAt = wallNow();
    await app.clickTray();
    const { id, page } = await app.firstWindow(30_000);
    const cold = await paintedRows(page, 60_000, FIRST_ROWS);
    if (!(await (await app.windows()).find((w) => w.id === id)?.visible)) throw new Error('the tray click did not show the popover');

    // Live on the idle backend (nothing new to fetch), then opened again a few times.
    await app.waitFor(() => /^Parrot Tray — (?!connecting|offline|sign-in)/.test(app.events.filter((e) => e.type === 'tray').at(-1)?.data.toolTip as string ?? ''), 'the tray to say it is live', 30_000);
    const reopen: number[] = [];
    for (let i = 0; i < 3; i++) {
      await app.windowAction(id, 'hide');
      // A tray click within 300 ms of the hide's blur means "close" (the popover's rule).
      await sleep(600);
      const at = wallNow();
      await app.clickTray();
      const shown = await paintedRows(page, 10_000);
      if ((await rowsCount(page)) === 0) throw new Error('the reopened popover has no rows');
      reopen.push(shown.at - at);
    }
    await sleep(5000);
    const pid = await corePid(app);
    const core = procRss(pid);
    const main = procRss(app.child.pid!);
    return { coldOpenMs: cold.at - clickAt, coldAlready: cold.already, pageLoadToRowsMs: cold.at - cold.navStart, pageDclMs: cold.dcl ?? Number.NaN, reopenMs: median(reopen), coreRssMb: core.rssMb, corePeakMb: core.peakMb, mainRssMb: main.rssMb, cached };
  } finally {
    await app.quit().catch(() => null);
    await app.close();
    await server.stop();
    for (const dir of [userData, dataDir, probeDir]) rmSync(dir, { recursive: true, force: true });
  }
}
