import { redactText } from '../redact';

/** How often failures the code did not catch may come before the process's state is not trusted. */
const STORM_LIMIT = 10;
const STORM_WINDOW_MS = 60_000;
/** The exit code a process gives up with, so its supervisor (the shell, a service manager) restarts it. */
export const GAVE_UP_EXIT_CODE = 70;

export interface FailureCounts {
  unhandledRejections: number;
  uncaughtExceptions: number;
}

/**
 * One line about a failure, for a log a person may share: its kind, its code, where it was thrown
 * (file and line, no path before the bundle), and its message with every quoted piece left out (a
 * JSON parse error quotes the first characters of the input it choked on) and the project's secret rules applied.
 */
export function describeFailure(reason: unknown): string {
  if (!(reason instanceof Error)) return `a ${reason === null ? 'null' : typeof reason} was thrown`;
  const raw = (reason as Error & { code?: unknown }).code;
  const code = typeof raw === 'string' ? ` ${raw}` : '';
  const message = redactText(reason.message.split('\n')[0] ?? '')
    .replace(/(["'`])(?:(?!\1).)*\1/g, '$1…$1')
    .slice(0, 200);
  const at = /\(?([^\s()/\\]+\.[cm]?[jt]sx?:\d+):\d+\)?/.exec(reason.stack?.split('\n').slice(1).join('\n') ?? '')?.[1];
  return `${reason.name}${code}: ${message}${at ? ` (at ${at})` : ''}`;
}

/** Whether failures have come too fast to trust what the process holds: this one and those before it. */
export function isStorm(times: readonly number[], now: number): boolean {
  return times.filter((t) => now - t < STORM_WINDOW_MS).length >= STORM_LIMIT;
}

export interface SafetyNetOptions {
  /** This process in the log: "core", "parrot-tray web". */
  name: string;
  log: (line: string) => void;
  /** Failures came too fast: end with GAVE_UP_EXIT_CODE, for the supervisor to start afresh. */
  giveUp: (code: number) => void;
  now?: () => number;
}

type ProcessEvents = Pick<NodeJS.Process, 'on' | 'off'>;

/**
 * The last line of defence: a failure nothing caught is logged once, with context, and counted,
 * and the process keeps serving. Every handler and timer still catches its own failures; this is
 * for the one that did not. Only a storm of them (state no longer trustworthy) ends the process.
 */
export function installSafetyNet(target: ProcessEvents, options: SafetyNetOptions): { counts: FailureCounts; remove: () => void } {
  const counts: FailureCounts = { unhandledRejections: 0, uncaughtExceptions: 0 };
  const now = options.now ?? Date.now;
  const times: number[] = [];
  const failed = (what: string, reason: unknown) => {
    const at = now();
    times.push(at);
    if (times.length > STORM_LIMIT) times.shift();
    options.log(`${options.name}: ${what} (kept running): ${describeFailure(reason)}`);
    if (isStorm(times, at)) {
      options.log(`${options.name}: ${STORM_LIMIT} failures within a minute; stopping so it can start afresh`);
      options.giveUp(GAVE_UP_EXIT_CODE);
    }
  };
  const onRejection = (reason: unknown) => {
    counts.unhandledRejections++;
    failed('a promise failed and nothing handled it', reason);
  };
  const onException = (error: unknown) => {
    counts.uncaughtExceptions++;
    failed('an error escaped its handler', error);
  };
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return {
    counts,
    remove: () => {
      target.off('unhandledRejection', onRejection);
      target.off('uncaughtException', onException);
    },
  };
}
