import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../../..');
const BIN = join(REPO, 'bin/parrot-tray');

/** The CLI and the web renderer it serves, built when missing (`npm test` builds them first). */
export function ensureCliBuilt(): void {
  if (!existsSync(join(REPO, 'out/cli/index.js'))) execFileSync('npm', ['run', 'build:cli'], { cwd: REPO, stdio: 'ignore', timeout: 120_000 });
  if (!existsSync(join(REPO, 'out/web/index.html'))) execFileSync('npm', ['run', 'build:web'], { cwd: REPO, stdio: 'ignore', timeout: 120_000 });
}

/** A fresh directory under the system temp dir; the caller removes it (see `removeDir`). */
export const scratchDir = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));
export const removeDir = (dir: string): void => rmSync(dir, { recursive: true, force: true });

/** Children still running: killed if this process ends first (a test that timed out, a campaign stopped). */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export interface Exited {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Still running at the deadline, so it was asked to stop (SIGTERM) as a person's Ctrl+C would. */
  stopped: boolean;
}

/**
 * One CLI process, run as a person would (`node bin/parrot-tray …`), with what it printed. A
 * long-running command (web, sync without --once) is sent SIGTERM at `deadlineMs`, and SIGKILL
 * if it ignores that.
 */
export class CliProcess {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<Exited>;
  private stopped = false;

  constructor(args: string[], options: { env?: NodeJS.ProcessEnv; deadlineMs?: number; cwd?: string; stopOnOutput?: boolean } = {}) {
    // In `cwd` (a run's own folder when given), so a relative --out never lands in the repository.
    this.child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: { ...process.env, PARROT_TOKEN: '', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    // A long-running command has shown what it does once it printed a line: it may be stopped then.
    const printed = () => {
      if (options.stopOnOutput && /\n/.test(this.stdout + this.stderr)) void this.stop();
    };
    this.child.stdout!.on('data', (d) => {
      this.stdout += d;
      printed();
    });
    this.child.stderr!.on('data', (d) => {
      this.stderr += d;
      printed();
    });
    const deadline = setTimeout(() => this.stop(), options.deadlineMs ?? 10_000);
    live.add(this.child);
    this.exited = new Promise((done) => {
      this.child.on('close', (code, signal) => {
        live.delete(this.child);
        clearTimeout(deadline);
        done({ code, signal, stdout: this.stdout, stderr: this.stderr, stopped: this.stopped });
      });
    });
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves with stdout's first line (e.g. "serving http://…"); rejects if the process ends first. */
  async firstLine(timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (!this.stdout.includes('\n')) {
      if (!this.alive) throw new Error(`the CLI ended before printing a line: ${this.stderr.slice(0, 500)}`);
      if (Date.now() > deadline) throw new Error(`the CLI printed no line within ${timeoutMs} ms: ${this.stderr.slice(0, 500)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.stdout.split('\n')[0]!;
  }

  /** Asks it to stop (SIGTERM), then kills it if it is still there 3 s later. */
  stop(): Promise<Exited> {
    if (this.alive) {
      this.stopped = true;
      this.child.kill('SIGTERM');
      const kill = setTimeout(() => this.child.kill('SIGKILL'), 3_000);
      void this.exited.then(() => clearTimeout(kill));
    }
    return this.exited;
  }
}
