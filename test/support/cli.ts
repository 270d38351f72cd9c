import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach } from 'vitest';

export const BIN = resolve(import.meta.dirname, '../../bin/parrot-tray');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** Runs bin/parrot-tray as a person would, on plain Node; killed after the test if still running. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, PARROT_TOKEN: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (d) => (stderr += d));
  child.stdout!.on('data', (d) => (stdout += d));
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return {
    child,
    nextLine: async () => (await lines.next()).value as string,
    output: () => ({ stdout, stderr }),
    exit: async () => {
      const [code] = await once(child, 'close');
      return { code: code as number, stderr, stdout };
    },
  };
}

/** Runs a command to completion. */
export async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return runCli(args, env).exit();
}
