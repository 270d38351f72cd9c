import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how the CLI was called: one line on stderr and exit code 2. */
export class UsageError extends Error {}

/** A failure the person can act on (bad file, refused URL, sign-in): one line on stderr, exit 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

type Options = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export interface Parsed<O extends Options> {
  values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string } & { help?: boolean };
  positionals: string[];
}

/** node:util's parseArgs in strict mode, with its errors turned into one-line usage errors. */
export function parse<O extends Options>(args: string[], options: O, allowPositionals = false): Parsed<O> {
  try {
    const config: ParseArgsConfig = { args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals };
    return parseArgs(config) as Parsed<O>;
  } catch (error) {
    // parseArgs messages are one sentence but sometimes carry a hint on a second line.
    throw new UsageError(String((error as Error).message).split('\n')[0]!);
  }
}

export function intFlag(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

export function numberFlag(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < min) throw new UsageError(`--${name} must be a number of at least ${min}, got "${raw}"`);
  return n;
}
