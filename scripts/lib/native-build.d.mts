// Types for native-build.mjs (plain JavaScript: scripts run on Node without a TypeScript step).
export type ModuleAbi = { kind: 'abi'; abi: number } | { kind: 'node-api' } | { kind: 'unknown'; why: string };
export type AbiCheck = { ok: true } | { ok: false; why: string };
export type Attempt = {
  step: 'prebuilt' | 'compile';
  outcome: 'ok' | 'offline' | 'unavailable' | 'skipped' | 'failed' | 'wrong-abi';
  detail: string;
};
export function readModuleAbi(bytes: Uint8Array): ModuleAbi;
export function checkAbi(found: ModuleAbi, expectedAbi: number, hostNode?: { abi: number; version: string }): AbiCheck;
export function readBinaryTarget(bytes: Uint8Array): { platform: 'linux' | 'darwin' | 'win32'; arch: string } | null;
export function checkTarget(found: { platform: string; arch: string } | null, platform: string, arch: string): AbiCheck;
export function electronAbi(abiVersionFile: string | undefined, fromNodeAbi: (() => string | number) | undefined): number;
export function planBuild(state: { existing: AbiCheck | null; force: boolean; fromSource: boolean }): {
  done: boolean;
  removeExisting: boolean;
  steps: Array<'prebuilt' | 'compile'>;
};
export function classifyPrebuilt(output: string, exitCode: number | null): Attempt;
export function classifyCompile(output: string, exitCode: number | null): Attempt;
export function nodeGypEnv(env: Record<string, string | undefined>): Record<string, string>;
export function failureMessage(r: {
  electronVersion: string;
  expectedAbi: number;
  target: string;
  attempts: Attempt[];
  removed: string | null;
  keptExisting: boolean;
  logFile: string | null;
}): string;
