import { ClientMessage, ViewQuery, WatchHead, type ApiMethod, type AppStatus, type CoreMessage, type TranscriptPush } from '../../../shared/api';
import type { ClientHost } from './client-host';

/** One window's end of a carrier: a MessagePort in the app, a WebSocket in the web preview. */
export interface ClientPeer {
  /** Plain data only (structured-clone and JSON safe). */
  send(message: CoreMessage): void;
  /** Each incoming message, as it came (already JSON.parsed where the carrier is text). */
  onMessage(cb: (raw: unknown) => void): void;
  onClose(cb: () => void): void;
}

/** Words for a message that failed its schema, short enough to put in a reply. */
const wordsFor = (issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string =>
  issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');

/** The id of something that tried to be a call, so even a malformed one is answered. */
function callId(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { t, id } = raw as { t?: unknown; id?: unknown };
  return t === 'call' && typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
}

/**
 * Serves one client (a window) of the core: its status after hello, its live queries by qid, its
 * calls, and transcript pushes for the sessions it opened. Every message is validated first; on
 * close every listener and query goes, and the sessions it opened are closed.
 */
export function serveClient(peer: ClientPeer, host: ClientHost): void {
  let closed = false;
  const send = (message: CoreMessage) => {
    if (closed) return;
    try {
      peer.send(message);
    } catch {
      // A carrier that just went away: its close is on its way.
    }
  };
  const queries = new Map<number, () => void>();
  const opened = new Set<string>();
  const onStatus = (status: AppStatus) => send({ t: 'status', status });
  const onTranscript = (push: TranscriptPush) => {
    if (opened.has(push.sessionId)) send({ t: 'transcript', push });
  };
  let greeted = false;
  host.on('transcript', onTranscript);

  const reply = (id: number, work: Promise<unknown>) =>
    work.then(
      (result) => send({ t: 'reply', id, ok: true, result: result ?? null }),
      (error: Error) => send({ t: 'reply', id, ok: false, error: error.message }),
    );

  const call = async (method: string, params: unknown): Promise<unknown> => {
    // Opened and closed once per client: the host counts clients, so one window's close cannot
    // stop another's transcript, and a client closing what it never opened changes nothing.
    const sessionId = (params as { sessionId?: unknown } | null)?.sessionId;
    if ((method === 'openSession' || method === 'closeSession') && typeof sessionId === 'string') {
      const opening = method === 'openSession';
      if (opened.has(sessionId) === opening) return null;
      // Noted before the host is asked, so a second request in the same turn sees it.
      if (opening) opened.add(sessionId);
      else opened.delete(sessionId);
      try {
        return await host.call(method, params);
      } catch (err) {
        if (opening) opened.delete(sessionId);
        throw err;
      }
    }
    return host.call(method as ApiMethod, params);
  };

  const stopQuery = (qid: number) => {
    queries.get(qid)?.();
    queries.delete(qid);
  };

  peer.onMessage((raw) => {
    if (closed) return;
    const parsed = ClientMessage.safeParse(raw);
    if (!parsed.success) {
      // A well-formed renderer never sends this; a call still gets its answer, in words.
      const id = callId(raw);
      if (id !== null) send({ t: 'reply', id, ok: false, error: `invalid message: ${wordsFor(parsed.error.issues)}` });
      // So does a watch, which a page can send (a search past its length, a pasted link's over-long
      // id) and would wait on for ever. The query it replaces stops: the page wants this one instead.
      const watch = WatchHead.safeParse(raw);
      if (watch.success) {
        stopQuery(watch.data.qid);
        const issues = ViewQuery.safeParse((raw as { query?: unknown }).query).error?.issues ?? parsed.error.issues;
        send({ t: 'queryError', qid: watch.data.qid, error: `invalid query: ${wordsFor(issues)}` });
      }
      return;
    }
    const message = parsed.data;
    switch (message.t) {
      case 'hello':
        if (!greeted) {
          greeted = true;
          host.on('status', onStatus);
        }
        send({ t: 'status', status: host.status() });
        return;
      case 'watch': {
        const { qid, query } = message;
        queries.get(qid)?.();
        // The first answer comes at once, from inside host.watch; `live` quiets a replaced query.
        let live = true;
        const stop = host.watch(query, (result) => {
          if (live) send({ t: 'result', qid, result });
        });
        queries.set(qid, () => {
          live = false;
          stop();
        });
        return;
      }
      case 'unwatch':
        stopQuery(message.qid);
        return;
      case 'call':
        void reply(message.id, call(message.method, message.params));
        return;
    }
  });

  peer.onClose(() => {
    if (closed) return;
    closed = true;
    host.off('status', onStatus);
    host.off('transcript', onTranscript);
    for (const stop of queries.values()) stop();
    queries.clear();
    for (const sessionId of opened) void host.call('closeSession', { sessionId }).catch(() => undefined);
    opened.clear();
  });
}
