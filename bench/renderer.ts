// The renderer's figures (issue 12, item 3): the built web renderer in Debian's headless Chromium,
// through the web preview against the real core (bench/big-preview.ts) over a cache of 100,000
// sessions, and the independent check's 50,000. The renderer holds live queries: the popover's
// commandCenter, the Sessions list's window of 100-row chunks. Playwright drives /usr/bin/chromium
// and never downloads a browser. In-page code is in bench/renderer-probes.ts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { isActive } from '../src/shared/sessions';
import { scopeId } from '../src/shared/api/scoped-id';
import { BENCH_PROFILE, lastListedId, startBigPreview, type BigPreview } from './big-preview';
import { FIRST_ROWS_PROBE, scrollThrough, watchFirstRow, type ScrollRun } from './renderer-probes';
import { busyBetween, heaviestFrame, PROFILE_DIR, traceCategories } from './trace';
import { median } from './util';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const BATCH = 100;
const ROOT = resolve(import.meta.dirname, '..');
// The same flags as playwright.config.ts: without the background-networking ones Chromium keeps
// trying hosts this machine cannot reach.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 380, height: 600 }; // POPOVER_SIZE: the popover and the Sessions page share the window.
/** Screens scrolled per frame: 100k rows are about 6.4 M px, 10,700 screens; 5 a frame is ~2,100 frames. */
const SCREENS_PER_FRAME = Number(process.env.BENCH_SCROLL_SCREENS ?? 5);

const settle = (page: Page, ms: number) => page.waitForTimeout(ms);

/** Keeps a trace under BENCH_PROFILE (see trace.ts), and gives it back. */
function kept(trace: Buffer, name: string): Buffer {
  if (PROFILE_DIR) {
    mkdirSync(PROFILE_DIR, { recursive: true });
    writeFileSync(join(PROFILE_DIR, `${name}.json`), trace);
  }
  return trace;
}
const r1 = (x: number) => Math.round(x * 10) / 10;

interface FirstRows {
  /** Navigation start to the frame that paints the first popover row (ms). */
  firstRowsMs: number;
  /** The bridge's socket is open (the page's scripts ran), the first result reaches the page, and the rows enter the DOM. */
  socketOpenAt: number;
  firstResultAt: number;
  firstRowsInDom: number;
}

/** (a) A fresh page: navigation start to the first popover rows painted. */
async function openPopover(page: Page, url: string): Promise<FirstRows> {
  await page.addInitScript(FIRST_ROWS_PROBE);
  await page.goto(url);
  const first = (await page.evaluate('window.__firstRows')) as { inDom: number; painted: number };
  return { firstRowsMs: first.painted, socketOpenAt: (await page.evaluate('window.__socketOpenAt')) as number, firstResultAt: (await page.evaluate('window.__firstResultAt')) as number, firstRowsInDom: first.inDom };
}

/** The Sessions page, its first rows shown; gives the count it prints. */
async function openSessions(page: Page): Promise<string> {
  // A CSS locator: a role query walks the accessibility tree of every row on the page.
  await page.locator('.popover-footer button', { hasText: 'All sessions' }).click();
  await page.locator('[data-testid="sessions-scroll"] [data-row-id]').first().waitFor();
  return (await page.locator('.sessions-count').textContent()) ?? '';
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return heap.usedSize / 2 ** 20;
}

/**
 * (b) 100 sessions moved in one `changes` frame: the tenant queues 100 upserts and flush() sends
 * them as one frame; the sync engine writes it in one transaction and the live query answers the
 * popover again, in one `result` message. Every moved session gets the same `updatedAt`, now, so
 * the first of them by id (ties go by id) tops Active Now once the page shows the answer. Main-thread
 * CPU from the task that receives that message (a mark the probe sets when a result carries the
 * batch's stamp) to the end of the frame that paints it (a mark in that frame's rAF): its script,
 * style, layout and paint, and not the idle time between frames.
 */
async function batch(browser: Browser, page: Page, preview: BigPreview, run: number): Promise<{ cpuMs: number; wallMs: number }> {
  const now = Date.now();
  // Active Now's sessions: one at a checkpoint is listed in Needs you instead.
  const live = preview.backend.tenant.all().filter((s) => isActive(s, now) && !s.checkpoint);
  const from = (run * BATCH) % (live.length - BATCH);
  const moved = live.slice(from, from + BATCH);
  // The page names sessions as the ProfileHub scopes them.
  const top = scopeId(BENCH_PROFILE, moved.map((s) => s.id).sort()[0]!);
  const stamp = new Date().toISOString();
  await page.evaluate(`window.__batchStamp = ${JSON.stringify(stamp)}`);
  await page.evaluate(watchFirstRow(top, 10_000));
  await browser.startTracing(page, { categories: traceCategories() });
  for (const s of moved) preview.backend.tenant.upsert({ ...s, updatedAt: stamp }, { touch: false });
  preview.backend.tenant.flush();
  await page.evaluate('window.__batchShown');
  return busyBetween(kept(await browser.stopTracing(), `batch-${run + 1}`), 'bench:batch-arrived', 'bench:batch-painting');
}

interface Scroll extends ScrollRun {
  heaviestMs: number;
}

/**
 * (c) The Sessions page scrolled end to end, SCREENS_PER_FRAME screens a frame: each frame renders
 * a fresh set of rows, placeholders where the window's chunk has not arrived, and the loop goes on
 * until the real last row (the core's own last id) has replaced its placeholder. Frames are timed
 * by requestAnimationFrame (wall clock) and, from a trace, by the main thread's CPU time in each.
 */
async function scroll(browser: Browser, page: Page, lastId: string, n: number): Promise<Scroll> {
  await browser.startTracing(page, { categories: traceCategories() });
  const run = (await page.evaluate(scrollThrough(VIEWPORT.height * SCREENS_PER_FRAME, 30_000))) as ScrollRun;
  const trace = kept(await browser.stopTracing(), `scroll-${n + 1}`);
  if (PROFILE_DIR) writeFileSync(join(PROFILE_DIR, `scroll-${n + 1}-frames.json`), JSON.stringify(run.frames));
  const heaviestMs = heaviestFrame(trace, 'bench:scroll-start', run.frames);
  if (run.lastId !== lastId) throw new Error(`the scroll ended at ${run.lastId}, not the last session ${lastId}`);
  return { ...run, heaviestMs };
}

interface Run100k extends FirstRows {
  batchMs: number;
  batchWallMs: number;
  count: number;
  scroll: Omit<Scroll, 'frames'>;
  heapMb: number;
}

async function fullRun(browser: Browser, preview: BigPreview, lastId: string, run: number): Promise<Run100k> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  try {
    const first = await openPopover(page, preview.url);
    await settle(page, 1000);
    const b = await batch(browser, page, preview, run);
    await settle(page, 500);
    const count = Number((await openSessions(page)).replace(/[^0-9]/g, ''));
    await settle(page, 500);
    const { frames: _frames, ...s } = await scroll(browser, page, lastId, run);
    return { ...first, batchMs: b.cpuMs, batchWallMs: b.wallMs, count, scroll: s, heapMb: await heapMb(page) };
  } finally {
    await context.close();
  }
}

/** The independent check's figure: first rows, and the heap with the Sessions page open. */
async function checkRun(browser: Browser, preview: BigPreview): Promise<{ firstRowsMs: number; heapMb: number }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  try {
    const { firstRowsMs } = await openPopover(page, preview.url);
    await openSessions(page);
    await settle(page, 500);
    return { firstRowsMs, heapMb: await heapMb(page) };
  } finally {
    await context.close();
  }
}

const log = (label: string, o: unknown) => process.stderr.write(`  ${label}: ${JSON.stringify(o, (_k, v: unknown) => (typeof v === 'number' ? r1(v) : v))}\n`);

/** Builds out/web, then measures `runs` fresh pages over 100,000 sessions and `runs` over 50,000. */
export async function rendererBench(runs: number): Promise<Figure[]> {
  // What `npm run build:web` runs, called directly so npm's own notices stay out of the table.
  execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const big: Run100k[] = [];
  const check: Array<{ firstRowsMs: number; heapMb: number }> = [];
  let cached = 0;
  try {
    let preview = await startBigPreview(100_000, join(ROOT, 'out/web'));
    try {
      cached = preview.cached;
      const lastId = lastListedId(preview.host, cached);
      for (let run = 0; run < runs; run++) {
        big.push(await fullRun(browser, preview, lastId, run));
        log(`renderer 100k run ${run + 1}`, big[run]);
        if (big[run]!.count !== cached) throw new Error(`the Sessions page says ${big[run]!.count} sessions; the cache holds ${cached}`);
      }
    } finally {
      await preview.close();
    }
    preview = await startBigPreview(50_000, join(ROOT, 'out/web'));
    try {
      for (let run = 0; run < runs; run++) {
        check.push(await checkRun(browser, preview));
        log(`renderer 50k run ${run + 1}`, check[run]);
      }
    } finally {
      await preview.close();
    }
  } finally {
    await browser.close();
  }
  const m = <T>(rows: T[], of: (r: T) => number) => r1(median(rows.map(of)));
  const screens = `${SCREENS_PER_FRAME} screens/frame`;
  return [
    { name: 'renderer 100k: page open to first popover rows', value: m(big, (r) => r.firstRowsMs), unit: 'ms', target: '< 300 ms' },
    { name: 'renderer 100k: ...of which the bridge socket is open', value: m(big, (r) => r.socketOpenAt), unit: 'ms' },
    { name: 'renderer 100k: ...of which the first result arrives', value: m(big, (r) => r.firstResultAt), unit: 'ms' },
    { name: 'renderer 100k: 100-change batch, main-thread CPU', value: m(big, (r) => r.batchMs), unit: 'ms', target: '< 16 ms' },
    { name: 'renderer 100k: 100-change batch, wall time of those tasks', value: m(big, (r) => r.batchWallMs), unit: 'ms' },
    { name: 'renderer 100k: sessions the Sessions page counts', value: m(big, (r) => r.count), unit: 'count', target: `${cached}` },
    { name: `renderer 100k: scroll end to end (${screens}), longest frame`, value: m(big, (r) => r.scroll.longest), unit: 'ms', target: '< 50 ms' },
    { name: `renderer 100k: scroll (${screens}), heaviest frame CPU`, value: m(big, (r) => r.scroll.heaviestMs), unit: 'ms', target: '< 50 ms' },
    { name: `renderer 100k: scroll (${screens}), frame p99`, value: m(big, (r) => r.scroll.p99), unit: 'ms' },
    { name: `renderer 100k: scroll (${screens}), frames`, value: m(big, (r) => r.scroll.steps), unit: 'count' },
    { name: `renderer 100k: scroll (${screens}), frames with placeholders`, value: m(big, (r) => r.scroll.placeholderFrames), unit: 'count' },
    { name: `renderer 100k: scroll (${screens}), last row filled after`, value: m(big, (r) => r.scroll.endWaitMs), unit: 'ms' },
    { name: 'renderer 100k: JS heap after GC, Sessions page open', value: m(big, (r) => r.heapMb), unit: 'MB', target: '< 50 MB' },
    { name: 'renderer 50k: page open to first popover rows', value: m(check, (r) => r.firstRowsMs), unit: 'ms', target: '< 500 ms' },
    { name: 'renderer 50k: JS heap after GC, Sessions page open', value: m(check, (r) => r.heapMb), unit: 'MB', target: '< 60 MB' },
  ];
}
