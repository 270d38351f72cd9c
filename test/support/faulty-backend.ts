import type { WebSocket } from 'ws';
import { hello, scriptedServer } from './scripted-server';

/**
 * An independent backend that follows PROTOCOL.md's envelopes but sends whatever items a test gives
 * it, junk included: a snapshot of raw sessions as of `seq`, then a raw change log, and raw
 * transcript entries. Items are never checked here; that is the client's job.
 */
export interface RawTenant {
  /** The snapshot's sessions, as sent (pages of `pageSize`). */
  sessions: unknown[];
  /** The seq the snapshot is as of. */
  seq: number;
  /** Entries by session; entry `i` has seq `i + 1` to this server, whatever its `seq` field says. */
  transcripts?: Map<string, unknown[]>;
  pageSize?: number;
  transcriptPage?: number;
}

export async function faultyBackend(tenant: RawTenant) {
  /** Changes after the snapshot, by seq - 1 - tenant.seq. */
  const log: unknown[] = [];
  const live = new Set<WebSocket>();
  const subscribes: Array<number | null> = [];
  const head = () => tenant.seq + log.length;
  const send = (ws: WebSocket, frame: unknown) => ws.send(JSON.stringify(frame));
  const batch = (fromSeq: number, items: unknown[]) => ({ type: 'changes', fromSeq, toSeq: fromSeq + items.length - 1, items });

  const server = await scriptedServer((peer) => {
    const { ws } = peer;
    ws.on('close', () => live.delete(ws));
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data));
      if (frame.type === 'subscribe') {
        subscribes.push(frame.since);
        let since: number = frame.since;
        if (frame.since === null || frame.since < tenant.seq) {
          sendSnapshot(ws);
          since = tenant.seq;
        }
        const rest = log.slice(since - tenant.seq);
        if (rest.length > 0) send(ws, batch(since + 1, rest));
        live.add(ws);
      } else if (frame.type === 'transcript.get') {
        const entries = (tenant.transcripts?.get(frame.sessionId) ?? []).filter((_, i) => i + 1 > frame.afterSeq);
        // The server may send less than asked: its own page size wins, as a real one may.
        const limit = Math.min(frame.limit ?? 200, tenant.transcriptPage ?? 200);
        send(ws, { type: 'transcript', reqId: frame.reqId, sessionId: frame.sessionId, entries: entries.slice(0, limit), complete: entries.length <= limit });
      }
    });
    send(ws, hello({ headSeq: head() }));
  });

  function sendSnapshot(ws: WebSocket): void {
    const size = tenant.pageSize ?? 500;
    send(ws, { type: 'resync', reason: 'no_cursor' });
    const pages = Math.max(1, Math.ceil(tenant.sessions.length / size));
    for (let p = 0; p < pages; p++) {
      const last = p === pages - 1;
      send(ws, { type: 'snapshot', page: p, sessions: tenant.sessions.slice(p * size, (p + 1) * size), last, ...(last ? { seq: tenant.seq } : {}) });
    }
  }

  return {
    url: server.url,
    subscribes,
    head,
    /** Appends raw items to the log and sends them, as one batch, to every subscribed client. */
    publish(items: unknown[]): void {
      const fromSeq = head() + 1;
      log.push(...items.map((item, i) => withSeq(item, fromSeq + i)));
      for (const ws of live) send(ws, batch(fromSeq, log.slice(fromSeq - tenant.seq - 1)));
    },
    /** Cuts every connection, as a deploy or a network drop would. */
    dropAll(): void {
      for (const ws of live) ws.terminate();
    },
  };
}

/** An item keeps a seq it already has (a test may break it on purpose); otherwise it gets its place. */
function withSeq(item: unknown, seq: number): unknown {
  return typeof item === 'object' && item !== null && !('seq' in item) ? { seq, ...item } : item;
}
