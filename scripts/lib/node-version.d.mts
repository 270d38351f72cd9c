// Types for node-version.mjs (plain JavaScript so it runs on any Node the preflight may meet).
export function minimumOf(range: string): [number, number, number] | null;
export function atLeast(version: string, minimum: [number, number, number]): boolean;
export function nodeVersionProblem(r: {
  found: string;
  execPath: string;
  required: string;
  electronVersion: string | null;
  testsRequire: string | null;
}): string | null;
