import fc from 'fast-check';

/**
 * One entry point under fuzz, written once for two runners: the bounded vitest files
 * (test/fuzz/*.fuzz.test.ts, a few dozen runs in `npm test`) and the time-boxed campaign
 * (scripts/fuzz.ts, growing seeds for N minutes). Nothing here may import vitest: the campaign
 * runs on plain Node through tsx.
 */
export interface FuzzTarget<Env> {
  readonly name: string;
  /** Runs over sockets and processes: a failure is reported as found, not shrunk for minutes. */
  readonly slow: boolean;
  /** Inputs that once broke a rule (each the property's arguments): run first, every time. */
  readonly regressions?: readonly unknown[][];
  /** Starts what the runs go against (a CLI child, a backend, an app), once per batch of runs. */
  start(): Promise<Env>;
  /** Each run sends one input and throws, in words, when a rule is broken; `coverage` hears its shape. */
  property(env: Env, coverage: Coverage): fc.IAsyncProperty<any> | fc.IProperty<any>;
  /** After the runs: the process is still up and every valid record is still served. */
  settle(env: Env): Promise<void>;
  stop(env: Env): Promise<void>;
}

export interface Failure {
  seed: number;
  path: string | null;
  message: string;
}

/** What a target's runs reached: how many, which shapes of input, and what broke with which seed. */
export class Coverage {
  runs = 0;
  /** The campaign's seeds for this target, first and last (one a round). */
  seeds: [number, number] | null = null;
  readonly shapes = new Map<string, number>();
  readonly failures: Failure[] = [];

  constructor(readonly name: string) {}

  /** Called by a property once per run, with short labels of what the input holds (its kinds of junk). */
  shape(...labels: string[]): void {
    this.runs++;
    for (const label of new Set(labels)) this.shapes.set(label, (this.shapes.get(label) ?? 0) + 1);
  }

  fail(failure: Failure): void {
    if (!this.failures.some((f) => f.message === failure.message)) this.failures.push(failure);
  }
}

/** The first line of an error, as a failure is listed. */
export const firstLine = (error: unknown): string => String(error instanceof Error ? error.message : error).split('\n')[0]!.slice(0, 300);

/**
 * The bounded run `npm test` makes: start, `numRuns` runs, settle, stop. FUZZ_SEED and FUZZ_PATH
 * (printed by the campaign and by fast-check on failure) replay one failing run exactly.
 */
export async function runBounded<E>(target: FuzzTarget<E>, numRuns: number): Promise<Coverage> {
  const coverage = new Coverage(target.name);
  const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
  const replay = seed === undefined ? {} : { seed, ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}) };
  const env = await target.start();
  try {
    await fc.assert(target.property(env, coverage), { numRuns, endOnFailure: target.slow, examples: [...(target.regressions ?? [])] as never, ...replay });
    await target.settle(env);
  } finally {
    await target.stop(env);
  }
  return coverage;
}
