// Reads a Chromium trace (Playwright's browser.startTracing, 'devtools.timeline' and friends) for
// the renderer bench: how long the page's main thread was busy between two performance.mark()s.

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
}

/** The categories the reader needs: top-level tasks, their contents, and the page's marks. */
export const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing'];

const TASKS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
const STYLE_LAYOUT = new Set(['UpdateLayoutTree', 'Layout']);

export interface Busy {
  /** Main-thread time in every task from the one holding `from` to the paint after `to`. */
  totalMs: number;
  /** Of which style recalculation and layout. */
  styleLayoutMs: number;
  tasks: number;
}

/**
 * Main-thread time from the task in which mark `from` was taken up to the end of the first task
 * after mark `to` that paints: what it cost the page to take in a message and show its result.
 * Idle gaps in between (waiting for the next frame) are not counted; other tasks that happened to
 * run in the window are, which makes the figure an upper bound.
 */
export function busyBetween(trace: Buffer, from: string, to: string): Busy {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const markFrom = events.find((e) => e.name === from);
  const markTo = events.find((e) => e.name === to);
  if (!markFrom || !markTo) throw new Error(`the trace lacks the marks ${from} and ${to}`);
  const thread = events.filter((e) => e.pid === markFrom.pid && e.tid === markFrom.tid && e.ph === 'X' && e.dur !== undefined);
  // Top-level tasks only: a task nested in another (both names are emitted) is counted once.
  const candidates = thread.filter((e) => TASKS.has(e.name)).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks: TraceEvent[] = [];
  for (const t of candidates) {
    const last = tasks[tasks.length - 1];
    if (!last || t.ts >= last.ts + last.dur!) tasks.push(t);
  }
  const within = (t: TraceEvent, e: TraceEvent) => e.ts >= t.ts && e.ts <= t.ts + t.dur!;
  const first = tasks.find((t) => within(t, markFrom));
  const paints = thread.filter((e) => e.name === 'Paint' && e.ts > markTo.ts);
  const last = tasks.find((t) => t.ts + t.dur! > markTo.ts && paints.some((p) => within(t, p)));
  if (!first || !last) throw new Error('the trace has no task around the marks, or no paint after them');
  const counted = tasks.filter((t) => t.ts >= first.ts && t.ts <= last.ts);
  const styleLayout = thread.filter((e) => STYLE_LAYOUT.has(e.name) && e.ts >= first.ts && e.ts <= last.ts + last.dur!);
  const sum = (xs: TraceEvent[]) => xs.reduce((n, e) => n + e.dur!, 0) / 1000;
  return { totalMs: sum(counted), styleLayoutMs: sum(styleLayout), tasks: counted.length };
}
