// Reads a Chromium trace (Playwright's browser.startTracing) for the renderer bench: how much the
// page's main thread worked between two performance.mark()s, and in each animation frame.
//
// Main-thread work is counted as thread CPU time (a trace event's `tdur`), not wall time (`dur`):
// on this shared two-core machine the renderer's main thread is often descheduled mid-task (a
// 91 ms task was seen holding 15 ms of CPU), and wall time would measure the neighbours.

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { startTime?: number } };
}

/**
 * Top-level tasks and the page's marks, nothing more: 'devtools.timeline' would name what each
 * task did, but its instrumentation of every call and DOM change costs main-thread time of its own.
 */
export const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing'];

/**
 * BENCH_PROFILE=<dir>: what each task did as well (script, style, layout, paint, GC), kept in
 * that directory for a profile of a missed target. That instrumentation costs main-thread time of
 * its own, so the figures of such a run are not the bench's.
 */
export const PROFILE_DIR = process.env.BENCH_PROFILE ?? null;
export const traceCategories = (): string[] =>
  PROFILE_DIR ? [...TRACE_CATEGORIES, 'devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'] : TRACE_CATEGORIES;

const TASKS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

const ms = (us: number) => us / 1000;
const cpu = (e: TraceEvent) => e.tdur ?? e.dur!;

function events(trace: Buffer): TraceEvent[] {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

function mark(all: TraceEvent[], name: string): TraceEvent {
  const found = all.find((e) => e.name === name);
  if (!found) throw new Error(`the trace lacks the mark ${name}`);
  return found;
}

/** The top-level tasks of the thread `on` ran on, in order; a task nested in another counts once. */
function tasksOf(all: TraceEvent[], on: TraceEvent): TraceEvent[] {
  const candidates = all
    .filter((e) => e.pid === on.pid && e.tid === on.tid && e.ph === 'X' && e.dur !== undefined && TASKS.has(e.name)).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks: TraceEvent[] = [];
  for (const t of candidates) {
    const last = tasks[tasks.length - 1];
    if (!last || t.ts >= last.ts + last.dur!) tasks.push(t);
  }
  return tasks;
}

export interface Busy {
  /** Main-thread CPU time in every task from the one holding `from` to the one holding `to`. */
  cpuMs: number;
  /** The same tasks' wall time, descheduled stretches included. */
  wallMs: number;
}

/**
 * Main-thread work from the task in which mark `from` was taken to the end of the task in which
 * mark `to` was (the page sets `to` in a requestAnimationFrame callback, so its task goes on to
 * style, lay out and paint that frame): what it cost the page to take in a message and show its
 * result. Idle time between frames is not counted; another task that happened to run in the
 * window is, which makes the figure an upper bound.
 */
export function busyBetween(trace: Buffer, from: string, to: string): Busy {
  const all = events(trace);
  const markFrom = mark(all, from);
  const markTo = mark(all, to);
  const tasks = tasksOf(all, markFrom);
  const within = (t: TraceEvent, e: TraceEvent) => e.ts >= t.ts && e.ts <= t.ts + t.dur!;
  const first = tasks.find((t) => within(t, markFrom));
  const last = tasks.find((t) => within(t, markTo));
  if (!first || !last) throw new Error('the trace has no task around the marks');
  const counted = tasks.filter((t) => t.ts >= first.ts && t.ts <= last.ts);
  const sum = (of: (e: TraceEvent) => number) => ms(counted.reduce((n, e) => n + of(e), 0));
  return { cpuMs: sum(cpu), wallMs: sum((e) => e.dur!) };
}

/**
 * The most main-thread CPU time spent in any one animation frame. `frames` are the page's
 * requestAnimationFrame timestamps (performance.now() time); mark `origin` ties that clock to the
 * trace's. A task is counted in the frame it starts in.
 */
export function heaviestFrame(trace: Buffer, origin: string, frames: number[]): number {
  const all = events(trace);
  const anchor = mark(all, origin);
  const offsetUs = anchor.ts - anchor.args!.data!.startTime! * 1000;
  const tasks = tasksOf(all, anchor);
  let heaviest = 0;
  let i = 0;
  for (let f = 0; f + 1 < frames.length; f++) {
    const start = frames[f]! * 1000 + offsetUs;
    const end = frames[f + 1]! * 1000 + offsetUs;
    let sum = 0;
    while (i < tasks.length && tasks[i]!.ts < start) i++;
    for (let j = i; j < tasks.length && tasks[j]!.ts < end; j++) sum += cpu(tasks[j]!);
    heaviest = Math.max(heaviest, sum);
  }
  return ms(heaviest);
}
