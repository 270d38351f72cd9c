// In-page code for the renderer bench. It runs in Chromium, so it is written as strings (the bench
// is type-checked against Node's library, not the DOM's). performance.now() counts from navigation
// start; performance.mark()s land in the Chromium trace (bench/trace.ts reads them).

/**
 * Installed before any of the page's scripts: notes when the first popover row enters the DOM,
 * then the end of the frame that paints it (a task posted from requestAnimationFrame runs after
 * that frame's style, layout and paint). Its WebSocket listener runs before the page's: it notes
 * when the first live-query result arrives, and marks the trace when a result carrying
 * window.__batchStamp (the bench's batch) arrives.
 */
export const FIRST_ROWS_PROBE = `
  window.__firstRows = new Promise((resolve) => {
    const seen = () => document.querySelector('.popover [data-row-id]');
    const observer = new MutationObserver(() => {
      if (!seen()) return;
      observer.disconnect();
      const inDom = performance.now();
      requestAnimationFrame(() => setTimeout(() => resolve({ inDom, painted: performance.now() }), 0));
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const Native = WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('open', () => { window.__socketOpenAt ??= performance.now(); });
      this.addEventListener('message', (e) => {
        if (typeof e.data !== 'string' || !e.data.startsWith('{"t":"result"')) return;
        if (window.__firstResultAt === undefined) window.__firstResultAt = performance.now();
        if (window.__batchStamp && !window.__batchSeen && e.data.includes(window.__batchStamp)) {
          window.__batchSeen = true;
          performance.mark('bench:batch-arrived');
        }
      });
    }
  };`;

/**
 * Sets window.__batchShown: marks the moment Active Now's first row becomes `id` (a
 * MutationObserver runs in the task that changed the DOM), then the frame that paints it, and
 * resolves a frame later. Installed before the batch is sent.
 */
export const watchFirstRow = (id: string, timeoutMs: number): string => `void (window.__batchShown = new Promise((resolve, reject) => {
  // Active Now's first row: the moved sessions go there (Needs you, above it, keeps its own).
  const first = () => [...document.querySelectorAll('.popover .popover-section')]
    .find((s) => s.querySelector('h2')?.textContent?.startsWith('Active Now'))
    ?.querySelector('[data-row-id]')?.getAttribute('data-row-id');
  const timer = setTimeout(() => {
    observer.disconnect();
    reject(new Error('the batch never reached the popover: its first row is ' + first() + ', not ${id}'));
  }, ${timeoutMs});
  const observer = new MutationObserver(() => {
    if (first() !== ${JSON.stringify(id)}) return;
    observer.disconnect();
    clearTimeout(timer);
    performance.mark('bench:batch-shown');
    requestAnimationFrame(() => {
      // In the frame that lays out and paints the change.
      performance.mark('bench:batch-painting');
      requestAnimationFrame(() => setTimeout(resolve, 0));
    });
  });
  observer.observe(document.querySelector('.popover'), { childList: true, subtree: true });
}))`;

export interface ScrollRun {
  /** Every animation frame's timestamp (performance.now() time). */
  frames: number[];
  /** The longest interval between frames, and the 99th percentile. */
  longest: number;
  p99: number;
  /** Frames that moved the list. */
  steps: number;
  /** Frames with a placeholder row (a chunk not arrived yet) in the DOM. */
  placeholderFrames: number;
  /** From reaching the bottom to the last row's real content in the DOM. */
  endWaitMs: number;
  /** The last row's session id, and the list length the rows announce. */
  lastId: string | null;
  setSize: number;
}

/**
 * Scrolls the Sessions list from top to bottom by `step` pixels a frame and gives every animation
 * frame's timestamp: a frame that took longer (rows rendered for the new position, their
 * measurement, layout and paint) shows as a longer interval. Rows whose chunk has not arrived are
 * placeholders (aria-busy); the loop ends once the real last row has replaced its placeholder,
 * counting the frames meanwhile, or fails after `endTimeoutMs` at the bottom.
 */
export const scrollThrough = (step: number, endTimeoutMs: number): string => `(async () => {
  const el = document.querySelector('[data-testid="sessions-scroll"]');
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const setSize = () => Number(el.querySelector('[aria-setsize]').getAttribute('aria-setsize'));
  el.scrollTop = 0;
  await frame();
  performance.mark('bench:scroll-start');
  let last = await frame();
  const frames = [last];
  const intervals = [];
  let steps = 0, placeholderFrames = 0, bottomAt = null, lastId = null;
  for (;;) {
    const max = el.scrollHeight - el.clientHeight;
    const atBottom = el.scrollTop >= max - 1;
    const end = el.querySelector('[aria-posinset="' + setSize() + '"]');
    if (atBottom) {
      bottomAt ??= last;
      if (end && !end.hasAttribute('aria-busy')) {
        lastId = end.querySelector('[data-row-id]')?.getAttribute('data-row-id') ?? null;
        break;
      }
      if (last - bottomAt > ${endTimeoutMs}) break;
    } else {
      el.scrollTop = Math.min(max, el.scrollTop + ${step});
      steps++;
    }
    const t = await frame();
    intervals.push(t - last);
    frames.push(t);
    last = t;
    if (el.querySelector('[aria-busy="true"]')) placeholderFrames++;
  }
  const sorted = intervals.slice().sort((a, b) => a - b);
  return { frames, longest: sorted[sorted.length - 1], p99: sorted[Math.floor(sorted.length * 0.99)], steps, placeholderFrames, endWaitMs: last - bottomAt, lastId, setSize: setSize() };
})()`;
