/**
 * Helpers for scripts/hostile-check.ts: child processes of the built CLI, raw sockets, a small
 * WebSocket client wrapper, session factories and the report. Everything talks to 127.0.0.1 only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI = `${ROOT}bin/parrot-tray`;
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A long-running CLI process: its output, whether it is up, and a stop that always ends it. */
export class Child {
  readonly proc: ChildProcess;
  out = '';
  err = '';
  exit: { code: number | null; signal: string | null } | null = null;
  private readonly exited: Promise<void>;

  constructor(readonly name: string, args: string[]) {
    this.proc = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PARROT_TOKEN: '' } });
    this.proc.stdout!.on('data', (d: Buffer) => (this.out += d.toString()));
    this.proc.stderr!.on('data', (d: Buffer) => (this.err += d.toString()));
    this.exited = new Promise((r) => this.proc.on('exit', (code, signal) => { this.exit = { code, signal }; r(); }));
    children.add(this);
  }

  get alive(): boolean {
    return this.exit === null;
  }

  async waitFor(re: RegExp, timeoutMs: number, stream: 'out' | 'err' = 'out'): Promise<RegExpMatchArray> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const m = this[stream].match(re);
      if (m) return m;
      if (!this.alive) throw new Error(`${this.name} exited (${JSON.stringify(this.exit)}) before ${re}`);
      if (Date.now() > end) throw new Error(`${this.name}: no ${re} within ${timeoutMs} ms`);
      await sleep(50);
    }
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves to how it ended. */
  async stop(graceMs = 5000): Promise<{ code: number | null; signal: string | null }> {
    if (this.alive) {
      this.proc.kill('SIGTERM');
      const t = setTimeout(() => this.alive && this.proc.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(t);
    }
    children.delete(this);
    return this.exit!;
  }
}

const children = new Set<Child>();
// However this script ends, no child outlives it.
process.on('exit', () => killAll());
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => { killAll(); process.exit(1); });
process.on('unhandledRejection', (e) => { console.error('hostile-check: unhandled rejection in the script itself:', e); killAll(); process.exit(1); });
/** Ends every child still running, by its own pid (used on failure and at the end). */
export function killAll(): void {
  for (const c of children) if (c.alive) c.proc.kill('SIGKILL');
}

/** A one-shot CLI command, with a timeout. */
export function runCli(args: string[], timeoutMs = 30_000): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PARROT_TOKEN: '' } });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const t = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('exit', (code) => { clearTimeout(t); resolve({ code, out, err }); });
  });
}

export interface RawAnswer { status: string; body: string; bytes: number }

/**
 * Writes `chunks` to a fresh socket (a `number` in the list is a pause in ms), then reads until
 * the server closes or `timeoutMs` passes; `closeEarly` destroys the socket right after writing.
 */
export function raw(port: number, chunks: Array<string | Buffer | number>, opts: { timeoutMs?: number; closeEarly?: boolean } = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const sock = connect(port, '127.0.0.1');
    const got: Buffer[] = [];
    let done = false;
    const finish = (why?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.destroy();
      const text = Buffer.concat(got).toString('latin1');
      const status = text.startsWith('HTTP/') ? text.slice(9, 12) : why ?? (text.length ? 'non-HTTP answer' : 'closed');
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4), bytes: text.length });
    };
    const timer = setTimeout(() => finish('no answer (timeout)'), opts.timeoutMs ?? 4000);
    sock.on('data', (d) => got.push(d));
    sock.on('close', () => finish());
    sock.on('error', (e: NodeJS.ErrnoException) => finish(got.length ? undefined : `socket ${e.code}`));
    sock.on('connect', async () => {
      for (const c of chunks) {
        if (typeof c === 'number') await sleep(c);
        else if (!sock.destroyed) sock.write(c);
      }
      if (opts.closeEarly) finish('closed early by us');
    });
  });
}

/** A WebSocket client with everything it heard; `opened` says whether the upgrade succeeded. */
export interface WsProbe {
  ws: WebSocket;
  opened: boolean;
  refusal: string | null;
  messages: string[];
  close: { code: number; reason: string } | null;
}

export function wsProbe(url: string, protocols: string[], headers: Record<string, string>, timeoutMs = 4000): Promise<WsProbe> {
  return new Promise((resolve) => {
    let ws: WebSocket;
    try {
      ws = new WebSocket(url, protocols, { headers, handshakeTimeout: timeoutMs, perMessageDeflate: false, maxPayload: 64 * 1024 * 1024 });
    } catch (e) {
      throw new Error(`test bug: the client refused to build this request: ${(e as Error).message}`);
    }
    const probe: WsProbe = { ws, opened: false, refusal: null, messages: [], close: null };
    const t = setTimeout(() => { probe.refusal ??= 'timeout'; ws.terminate(); resolve(probe); }, timeoutMs);
    ws.on('message', (d) => probe.messages.push(d.toString()));
    ws.on('close', (code, reason) => (probe.close = { code, reason: reason.toString() }));
    ws.on('open', () => { clearTimeout(t); probe.opened = true; resolve(probe); });
    ws.on('unexpected-response', (_req, res) => {
      clearTimeout(t);
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => { probe.refusal = `HTTP ${res.statusCode}: ${body.slice(0, 120)}`; resolve(probe); });
    });
    ws.on('error', (e) => { clearTimeout(t); probe.refusal ??= `error: ${e.message.slice(0, 120)}`; resolve(probe); });
  });
}

/** Waits until `ws` closes (or the timeout), and gives the close code, or 'open' when still up. */
export function closeOf(p: WsProbe, timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(p.close ? String(p.close.code) : 'still open'), timeoutMs);
    if (p.close || p.ws.readyState === WebSocket.CLOSED) { clearTimeout(t); resolve(String(p.close?.code ?? 'closed')); return; }
    p.ws.once('close', (code) => { clearTimeout(t); resolve(String(code)); });
  });
}

/** A session valid under PROTOCOL.md section 4, of each kind. */
export function session(id: string, title: string, kind: 'flow_run' | 'background_task' | 'chat' = 'flow_run', extra: Record<string, unknown> = {}): Record<string, unknown> {
  const now = new Date().toISOString();
  const base = { id, kind, title, owner: { id: 'u_ada', name: 'Ada Lovelace' }, createdAt: now, updatedAt: now, error: null };
  const body =
    kind === 'flow_run' ? { status: 'running', flow: { flowId: 'fl_1', flowName: 'Flow', stepIndex: 1, stepCount: 3 } }
    : kind === 'background_task' ? { status: 'running', task: { turns: 2, parentId: null, childIds: [] } }
    : { status: 'open', chat: { mode: 'chat', messageCount: 1, lastMessageAt: now, ended: false } };
  return { ...base, ...body, ...extra };
}

/** Nested arrays `depth` deep, as JSON text, built without recursion. */
export const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
export const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** One attack group of the summary: what was sent and what came back. */
export class Group {
  sent = 0;
  readonly outcomes = new Map<string, number>();
  readonly failures: string[] = [];
  constructor(readonly area: string, readonly name: string) {}
  /** One hostile input sent, and what came back. */
  saw(outcome: string): void {
    this.sent++;
    this.note(outcome);
  }
  /** An outcome that is not an input of its own (a close, a check made during the group). */
  note(outcome: string, n = 1): void {
    if (n > 0) this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + n);
  }
  fail(why: string): void {
    this.failures.push(why);
  }
  line(): string {
    const seen = [...this.outcomes].map(([k, v]) => `${v}× ${k}`).join('; ');
    return `${this.failures.length ? 'FAIL' : 'ok  '} [${this.area}] ${this.name}: ${this.sent} sent → ${seen || 'nothing'}${this.failures.map((f) => `\n       ✗ ${f}`).join('')}`;
  }
}

export class Report {
  readonly groups: Group[] = [];
  readonly checks: Array<{ ok: boolean; what: string }> = [];
  group(area: string, name: string): Group {
    const g = new Group(area, name);
    this.groups.push(g);
    return g;
  }
  check(ok: boolean, what: string): boolean {
    this.checks.push({ ok, what });
    return ok;
  }
  get failed(): boolean {
    return this.groups.some((g) => g.failures.length > 0) || this.checks.some((c) => !c.ok);
  }
  print(): void {
    console.log('\n=== Hostile check: attack groups ===');
    for (const g of this.groups) console.log(g.line());
    console.log('\n=== Hostile check: outcomes ===');
    for (const c of this.checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.what}`);
    console.log(`\n${this.failed ? 'FAILED' : 'PASSED'}: ${this.groups.reduce((n, g) => n + g.sent, 0)} hostile inputs in ${this.groups.length} groups`);
  }
}

/** Hides a secret in anything quoted back (the summary never prints one). */
export const scrub = (s: string, secrets: string[]) => secrets.reduce((t, x) => (x ? t.split(x).join('<SECRET>') : t), s);
