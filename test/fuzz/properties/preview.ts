import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { DemoBackend } from '../../../src/main/core/demo/server';
import { BRIDGE_PATH, BRIDGE_PROTOCOL } from '../../../src/shared/api';
import { CliProcess, ensureCliBuilt, removeDir, scratchDir } from './cli-process';
import { check, expectWords, SECRET } from './words';

/**
 * `parrot-tray web` as a person runs it: the built CLI in its own process, against a demo backend
 * (in this process) that takes the test's secret token, so any echo of it can be caught.
 */
export interface Preview {
  backend: DemoBackend;
  web: CliProcess;
  origin: string;
  /** The per-run secret from the printed URL's #fragment. */
  secret: string;
  dir: string;
}

export async function startPreview(): Promise<Preview> {
  ensureCliBuilt();
  const backend = new DemoBackend({ token: SECRET, rate: 0, sessions: 24, seed: 16 });
  const url = await backend.start();
  const dir = scratchDir('parrot-fuzz-web-');
  const tokenFile = join(dir, 'token');
  writeFileSync(tokenFile, `${SECRET}\n`);
  // No deadline of its own: the target stops it.
  const web = new CliProcess(['web', '--backend', url, '--token-file', tokenFile, '--data', join(dir, 'data')], { deadlineMs: 24 * 3600_000 });
  try {
    const printed = new URL((await web.firstLine()).replace(/^serving /, ''));
    const secret = new URLSearchParams(printed.hash.slice(1)).get('secret') ?? '';
    const preview = { backend, web, origin: printed.origin, secret, dir };
    await expectServed(preview);
    return preview;
  } catch (error) {
    await stopPreview({ backend, web, origin: '', secret: '', dir });
    throw error;
  }
}

export async function stopPreview(preview: Preview): Promise<void> {
  await preview.web.stop();
  await preview.backend.stop();
  removeDir(preview.dir);
}

/** The preview's process is still up, and nothing it printed is a stack trace or a secret. */
export function expectAlive(preview: Preview): void {
  check(preview.web.alive, `the web preview ended (code ${preview.web.child.exitCode}, signal ${preview.web.child.signalCode}): ${preview.web.stderr.slice(-800)}`);
  expectWords("the web preview's stderr", preview.web.stderr, [SECRET, preview.secret]);
  expectWords("the web preview's stdout", preview.web.stdout.split('\n').slice(1).join('\n'), [SECRET, preview.secret]);
}

export interface BridgeSocket {
  ws: WebSocket;
  /** Every message the core sent, parsed. */
  messages: any[];
  /** Resolves true when open, or the refusal's status and body. */
  opened: Promise<{ open: true } | { open: false; status: number; body: string }>;
  closed: Promise<number>;
  send(message: unknown): void;
}

export interface Admission {
  origin?: string | null;
  protocols?: string[];
  path?: string;
}

/** A page's bridge, admitted as the renderer is (own origin, the secret) unless `admission` says otherwise. */
export function openBridge(preview: Preview, admission: Admission = {}): BridgeSocket {
  const origin = admission.origin === undefined ? preview.origin : admission.origin;
  const ws = new WebSocket(`${preview.origin.replace('http', 'ws')}${admission.path ?? BRIDGE_PATH}`, admission.protocols ?? [BRIDGE_PROTOCOL, `secret.${preview.secret}`], {
    ...(origin === null ? {} : { headers: { origin } }),
    maxPayload: 64 * 1024 * 1024,
  });
  const messages: any[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(String(data))));
  ws.on('error', () => undefined);
  const opened = new Promise<{ open: true } | { open: false; status: number; body: string }>((resolve) => {
    ws.once('open', () => resolve({ open: true }));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d));
      res.on('end', () => resolve({ open: false, status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ open: false, status: res.statusCode ?? 0, body }));
    });
    ws.once('close', () => resolve({ open: false, status: 0, body: '' }));
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  const send = (message: unknown) => {
    if (ws.readyState === ws.OPEN) ws.send(typeof message === 'string' || Buffer.isBuffer(message) ? message : JSON.stringify(message));
  };
  return { ws, messages, opened, closed, send };
}

export async function until(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const SESSIONS_QUERY = { view: 'sessions', filters: {}, offset: 0, limit: 500 } as const;

/**
 * Every session of the backend is still served: a fresh page's Sessions list holds each of them
 * (ids scoped by the preview's profile), and a plain call is still answered.
 */
export async function expectServed(preview: Preview, bridge: BridgeSocket = openBridge(preview)): Promise<void> {
  try {
    const state = await bridge.opened;
    check(state.open, `a valid bridge was refused: ${JSON.stringify(state)}`);
    bridge.send({ t: 'hello' });
    bridge.send({ t: 'watch', qid: 9_000_001, query: SESSIONS_QUERY });
    bridge.send({ t: 'call', id: 9_000_002, method: 'getSettings', params: {} });
    const want = preview.backend.tenant.all().map((s) => s.id).sort();
    const held = () => {
      const result = bridge.messages.findLast((m) => m.t === 'result' && m.qid === 9_000_001)?.result;
      return result ? (result.rows as Array<{ session: { id: string } }>).map((r) => r.session.id.slice(r.session.id.indexOf('/') + 1)).sort() : [];
    };
    await until(() => JSON.stringify(held()) === JSON.stringify(want), 10_000, `all ${want.length} sessions served (held ${held().length})`);
    await until(() => bridge.messages.some((m) => m.t === 'reply' && m.id === 9_000_002), 5_000, 'an answer to getSettings');
    check(bridge.messages.find((m) => m.t === 'reply' && m.id === 9_000_002).ok === true, 'getSettings failed after the junk');
  } finally {
    bridge.ws.terminate();
  }
}
