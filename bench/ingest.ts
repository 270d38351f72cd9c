import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import WebSocket, { WebSocketServer } from 'ws';
import { openCache } from '../src/main/core/cache/cache';
import { StreamConnection } from '../src/main/core/connection/connection';
import { DemoBackend } from '../src/main/core/demo/server';
import { SyncEngine } from '../src/main/core/sync/sync-engine';
import { SUBPROTOCOL, type Session } from '../src/shared/protocol';
import { scratch } from './util';

const BATCH = 1000;

/** 100,000 changes as the frames a server would send: lifelike sessions of about 1 KB. */
export function ingestFrames(total: number): string[] {
  const sessions: Session[] = new DemoBackend({ token: 't', sessions: 2000, rate: 0 }).tenant.all();
  const frames: string[] = [];
  for (let from = 1; from <= total; from += BATCH) {
    const items = [];
    for (let seq = from; seq < from + BATCH; seq++) {
      const base = sessions[seq % sessions.length]!;
      items.push({ seq, op: 'upsert', session: { ...base, id: `${base.id}_${seq % 20000}`, updatedAt: new Date(Date.UTC(2026, 10, 24, 0, 0, 0, seq)).toISOString() } });
    }
    frames.push(JSON.stringify({ type: 'changes', fromSeq: from, toSeq: from + BATCH - 1, items }));
  }
  return frames;
}

/** A loopback server that, on subscribe, answers an empty snapshot at seq 0 and then every frame. */
async function replayServer(frames: string[]): Promise<{ url: string; close: () => void }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false, handleProtocols: () => SUBPROTOCOL });
  await once(wss, 'listening');
  wss.on('connection', (ws) => {
    ws.send(JSON.stringify({ type: 'hello', protocol: 1, serverTime: new Date().toISOString(), heartbeatMs: 15000, tenant: { id: 't', name: 'T' }, user: { id: 'u_ada', name: 'Ada' }, headSeq: frames.length * BATCH }));
    ws.on('message', () => {
      ws.send(JSON.stringify({ type: 'resync', reason: 'no_cursor' }));
      ws.send(JSON.stringify({ type: 'snapshot', page: 0, sessions: [], last: true, seq: 0 }));
      for (const f of frames) ws.send(f);
    });
  });
  return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, close: () => wss.close() };
}

/** The real path: StreamConnection, schema validation, SyncEngine, the cache's transactions. */
export async function ingestThroughSync(frames: string[]): Promise<number> {
  const server = await replayServer(frames);
  const { cache } = openCache(scratch('bench-ingest-'), { create: true });
  const connection = new StreamConnection({ url: server.url, token: 't' });
  const sync = new SyncEngine(connection, cache);
  const done = new Promise<void>((resolve) => sync.on('caughtUp', () => resolve()));
  const started = performance.now();
  connection.start();
  await done;
  const ms = performance.now() - started;
  connection.stop();
  cache.close();
  server.close();
  return ms;
}

/** The ceiling: a bare ws client, JSON.parse, one prepared INSERT OR REPLACE per item, a transaction per batch. */
export async function ingestCeiling(frames: string[]): Promise<number> {
  const server = await replayServer(frames);
  const db = new Database(`${scratch('bench-ceiling-')}/c.sqlite`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE s (id TEXT PRIMARY KEY, body TEXT NOT NULL); CREATE TABLE m (k TEXT PRIMARY KEY, v TEXT)');
  const put = db.prepare('INSERT OR REPLACE INTO s (id, body) VALUES (?, ?)');
  const cursor = db.prepare("INSERT OR REPLACE INTO m (k, v) VALUES ('cursor', ?)");
  const apply = db.transaction((items: Array<{ seq: number; session: Session }>) => {
    for (const i of items) put.run(i.session.id, JSON.stringify(i.session));
    cursor.run(String(items[items.length - 1]!.seq));
  });
  const ws = new WebSocket(server.url, [SUBPROTOCOL], { perMessageDeflate: false });
  const total = frames.length;
  let seen = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    ws.on('open', () => ws.send('{"type":"subscribe","since":null}'));
    ws.on('message', (data) => {
      const f = JSON.parse(String(data));
      if (f.type !== 'changes') return;
      apply(f.items);
      if (++seen === total) resolve();
    });
  });
  const ms = performance.now() - started;
  ws.terminate();
  db.close();
  server.close();
  return ms;
}
