// A loopback Disco Parrot stream for the bench, in its own process (forked by bench/server-process.ts)
// so its work never shows in the figures or the event-loop stalls of the process under test.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { SUBPROTOCOL } from '../src/shared/protocol';
import { BENCH_USER, changeFrames, checkpointSession, lifelikeSessions, quietSessions, snapshotPages } from './frames';
import { wallNow } from './util';

export type Scenario =
  /** An empty snapshot at seq 0, then `changes` changes as fast as the socket takes them. */
  | { kind: 'ingest'; changes: number }
  /** A snapshot of `sessions` sessions at seq `sessions` (200 pages for 100,000). */
  | { kind: 'snapshot'; sessions: number }
  /** The client is already at `head`: hello and nothing else. */
  | { kind: 'idle'; head: number }
  /**
   * An empty snapshot, then `backlog` changes at once, then `rate` changes a second of quiet
   * traffic in 100-change batches, and a live checkpoint every `everyMs`.
   */
  | { kind: 'live'; backlog: number; rate: number; everyMs: number };

export type ToServer = { type: 'start'; scenario: Scenario } | { type: 'stop' };
export type FromServer = { type: 'ready'; url: string } | { type: 'sent'; checkpointId: string; at: number };

const send = (msg: FromServer) => process.send!(msg);

async function serve(scenario: Scenario): Promise<() => void> {
  const sessions = lifelikeSessions();
  const quiet = quietSessions(sessions);
  // Made before the client connects, so the figures time the client, not the making.
  const backlog = scenario.kind === 'ingest' ? changeFrames(scenario.changes, 1, sessions) : scenario.kind === 'live' ? changeFrames(scenario.backlog, 1, sessions) : [];
  const pages = scenario.kind === 'snapshot' ? snapshotPages(scenario.sessions, scenario.sessions, sessions) : [];
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false, handleProtocols: () => SUBPROTOCOL });
  await once(wss, 'listening');
  const timers: NodeJS.Timeout[] = [];
  const head = scenario.kind === 'ingest' ? scenario.changes : scenario.kind === 'snapshot' ? scenario.sessions : scenario.kind === 'idle' ? scenario.head : 0;
  const hello = { type: 'hello', protocol: 1, serverTime: new Date().toISOString(), heartbeatMs: 15000, tenant: { id: 't', name: 'Bench' }, user: BENCH_USER, headSeq: head };
  wss.on('connection', (ws: WebSocket) => {
    ws.send(JSON.stringify({ ...hello, serverTime: new Date().toISOString() }));
    ws.once('message', () => {
      if (scenario.kind === 'idle') return;
      ws.send(JSON.stringify({ type: 'resync', reason: 'no_cursor' }));
      if (scenario.kind === 'snapshot') {
        for (const page of pages) ws.send(page);
        return;
      }
      ws.send(JSON.stringify({ type: 'snapshot', page: 0, sessions: [], last: true, seq: 0 }));
      for (const frame of backlog) ws.send(frame);
      if (scenario.kind === 'ingest') return;
      let seq = scenario.backlog;
      const batch = (items: unknown[]) => {
        const from = seq + 1;
        const withSeq = items.map((item, i) => ({ seq: from + i, ...(item as object) }));
        seq += items.length;
        ws.send(JSON.stringify({ type: 'changes', fromSeq: from, toSeq: seq, items: withSeq }));
      };
      let tick = 0;
      const per = Math.max(1, Math.round(scenario.rate / 50));
      if (scenario.rate > 0) {
        timers.push(
          setInterval(() => {
            const items = Array.from({ length: per }, (_, i) => {
              const base = quiet[(tick * per + i) % quiet.length]!;
              return { op: 'upsert', session: { ...base, id: `${base.id}_q${(tick * per + i) % 5000}`, updatedAt: new Date().toISOString() } };
            });
            tick++;
            batch(items);
          }, 20),
        );
      }
      let n = 0;
      timers.push(
        setInterval(() => {
          const session = checkpointSession(sessions, n++, new Date().toISOString());
          const at = wallNow();
          batch([{ op: 'upsert', session }]);
          send({ type: 'sent', checkpointId: session.checkpoint!.id, at });
        }, scenario.everyMs),
      );
    });
  });
  send({ type: 'ready', url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}` });
  return () => {
    for (const t of timers) clearInterval(t);
    for (const c of wss.clients) c.terminate();
    wss.close();
  };
}

let stop: (() => void) | null = null;
process.on('message', (msg: ToServer) => {
  if (msg.type === 'start') void serve(msg.scenario).then((s) => (stop = s));
  else {
    stop?.();
    process.exit(0);
  }
});
// Never outlive the bench: the parent's exit closes the IPC channel.
process.on('disconnect', () => process.exit(0));
