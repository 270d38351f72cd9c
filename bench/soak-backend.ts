// The soak's backend in a process of its own (bench/soak.ts forks it), so its work never shows in
// the app's figures: the project's demo backend, driven at a busy rate (20 changes/s, transcripts
// growing, checkpoints coming and going), then at a quiet one (1 change a minute). It counts what
// it sends: bytes on the wire, and the signed-in person's checkpoints the app should notify.
import WebSocket from 'ws';
import { DEMO_USER } from '../src/main/core/demo/content/people';
import { DemoBackend } from '../src/main/core/demo/server';
import { Simulation } from '../src/main/core/demo/simulation';
import type { ChangeItem, Session } from '../src/shared/protocol';
import { BENCH_TOKEN } from './desktop-launch';

const SESSIONS = 200;
/**
 * Nobody approves during a soak: left pending, the person's checkpoints kept their runs (and the
 * parents waiting on them) for ever, and the tenant grew by about 2,500 sessions an hour, which
 * the app's memory then followed. Decided after this long, as if approved on another device.
 */
const OWN_DECIDED_AFTER_MS = 3 * 60_000;
/** And fan-outs outpace the removal of finished work: no new work past this size. */
const MAX_SESSIONS = 2 * SESSIONS;
let bytes = 0;
const send = WebSocket.prototype.send;
WebSocket.prototype.send = function (this: WebSocket, data: unknown, ...rest: unknown[]) {
  bytes += typeof data === 'string' ? Buffer.byteLength(data) : ((data as Buffer).length ?? 0);
  return (send as (...a: unknown[]) => void).call(this, data, ...rest);
} as typeof WebSocket.prototype.send;

const backend = new DemoBackend({ token: BENCH_TOKEN, sessions: SESSIONS, rate: 0, seed: 11 });
/** The person's checkpoints that reached a connected app still pending at the end of their batch. */
const live = new Set<string>();
/** Their sessions' titles, in order, to match against the banners the app showed. */
const liveTitles: string[] = [];
/** Those that went out while no app was connected (it reads them on catching up, batched differently). */
let whileAway = 0;
backend.tenant.on('changes', (items: ChangeItem[]) => {
  // The app's notification policy reads a batch as its last version of each session.
  const last = new Map<string, Session | null>();
  for (const item of items) last.set(item.op === 'upsert' ? item.session.id : item.id, item.op === 'upsert' ? item.session : null);
  for (const session of last.values()) {
    if (!session || session.owner.id !== DEMO_USER.id || !('checkpoint' in session) || !session.checkpoint) continue;
    if (backend.clientCount === 0) whileAway++;
    else if (!live.has(session.checkpoint.id)) {
      live.add(session.checkpoint.id);
      liveTitles.push(session.title);
    }
  }
});

let simulation: Simulation | null = null;
let slow: NodeJS.Timeout | null = null;
/** Below one change a second the Simulation's budget (capped at its rate) never reaches a change: one move per period instead. */
function slowly(periodMs: number): void {
  const sim = new Simulation(backend.tenant, 1, SESSIONS, OWN_DECIDED_AFTER_MS, MAX_SESSIONS);
  slow = setInterval(() => {
    const before = backend.tenant.headSeq;
    for (let tries = 0; tries < 50 && backend.tenant.headSeq === before; tries++) sim.step();
    backend.tenant.flush();
  }, periodMs);
}
process.on('message', async (msg: { t: 'start' } | { t: 'rate'; perSecond: number } | { t: 'stats' } | { t: 'stop' }) => {
  if (msg.t === 'start') process.send!({ t: 'started', url: await backend.start() });
  else if (msg.t === 'rate') {
    simulation?.stop();
    if (slow) clearInterval(slow);
    if (msg.perSecond >= 1) {
      simulation = new Simulation(backend.tenant, msg.perSecond, SESSIONS, OWN_DECIDED_AFTER_MS, MAX_SESSIONS);
      simulation.start();
    } else slowly(1000 / msg.perSecond);
    process.send!({ t: 'rated' });
  } else if (msg.t === 'stats') process.send!({ t: 'stats', bytes, checkpoints: live.size, titles: liveTitles, whileAway, clients: backend.clientCount, headSeq: backend.tenant.headSeq });
  else {
    simulation?.stop();
    if (slow) clearInterval(slow);
    await backend.stop();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
