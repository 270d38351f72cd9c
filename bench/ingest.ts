import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { openCache } from '../src/main/core/cache/cache';
import { StreamConnection } from '../src/main/core/connection/connection';
import { SyncEngine } from '../src/main/core/sync/sync-engine';
import { SUBPROTOCOL, type Session } from '../src/shared/protocol';
import { startStreamServer } from './server-process';
import { scratch, watchEventLoop, type Stalls } from './util';

/** The real path: StreamConnection, validation, SyncEngine and its write queue, the cache. */
export async function ingestThroughSync(changes: number): Promise<{ ms: number; stalls: Stalls }> {
  const server = await startStreamServer({ kind: 'ingest', changes });
  const { cache } = openCache(scratch('bench-ingest-'), { create: true });
  const connection = new StreamConnection({ url: server.url, token: 't' });
  const sync = new SyncEngine(connection, cache);
  const done = new Promise<void>((resolve) => sync.on('caughtUp', () => resolve()));
  const loop = watchEventLoop();
  const started = performance.now();
  connection.start();
  await done;
  const ms = performance.now() - started;
  const stalls = loop.stop();
  connection.stop();
  sync.stop();
  cache.close();
  await server.stop();
  return { ms, stalls };
}

/** The ceiling: a bare ws client, JSON.parse, one prepared INSERT OR REPLACE per item, a transaction per batch. */
export async function ingestCeiling(changes: number): Promise<number> {
  const server = await startStreamServer({ kind: 'ingest', changes });
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
  let seen = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    ws.on('open', () => ws.send('{"type":"subscribe","since":null}'));
    ws.on('message', (data) => {
      const f = JSON.parse(String(data));
      if (f.type !== 'changes') return;
      apply(f.items);
      seen += f.items.length;
      if (seen === changes) resolve();
    });
  });
  const ms = performance.now() - started;
  ws.terminate();
  db.close();
  await server.stop();
  return ms;
}
