import { z } from 'zod';
import { BRIDGE_PATH, BRIDGE_PROTOCOL, BridgeMessage, ExternalUrl, ViewDelta, ViewSnapshot, type ApiMethod, type ApiParams, type ApiResult, type ParrotApi, type TranscriptPush, type ViewUpdate } from '../../../shared/api';
import { Id } from '../../../shared/protocol';

/**
 * The renderer API over the web preview's loopback WebSocket. The secret comes from the page's
 * #fragment (never sent to a server); the bridge also checks this page's origin. It reconnects
 * on its own and re-subscribes, so a restarted preview is picked up without a reload.
 */
export function createWebApi(location: Location): ParrotApi {
  const secret = new URLSearchParams(location.hash.slice(1)).get('secret') ?? '';
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${BRIDGE_PATH}`;
  const viewListeners = new Set<(u: ViewUpdate) => void>();
  const transcriptListeners = new Set<(p: TranscriptPush) => void>();
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let ws: WebSocket | null = null;

  const connect = () => {
    const socket = new WebSocket(url, [BRIDGE_PROTOCOL, `secret.${secret}`]);
    ws = socket;
    socket.onopen = () => {
      if (viewListeners.size) socket.send(JSON.stringify({ t: 'subscribe' }));
    };
    socket.onmessage = (event) => {
      const raw: unknown = JSON.parse(String(event.data));
      // A view update is checked down to its sessions' ids, not field by field: the core validated
      // every session against the protocol's schema when it arrived, and the Electron preload
      // passes the same updates on unchecked. Checking a 10,000-session snapshot with zod again
      // cost about 150 ms before the first row could show.
      if (isViewMessage(raw)) {
        viewListeners.forEach((l) => l(raw.update));
        return;
      }
      const parsed = BridgeMessage.safeParse(raw);
      if (!parsed.success) return;
      const m = parsed.data;
      if (m.t === 'view') viewListeners.forEach((l) => l(m.update));
      else if (m.t === 'transcript') transcriptListeners.forEach((l) => l(m.push));
      else {
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (m.ok) p?.resolve(m.result);
        else p?.reject(new Error(m.error ?? 'the request failed'));
      }
    };
    socket.onclose = () => {
      for (const p of pending.values()) p.reject(new Error('the preview server went away'));
      pending.clear();
      setTimeout(connect, 1000);
    };
  };
  connect();

  return {
    subscribe(listener) {
      viewListeners.add(listener);
      if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ t: 'subscribe' }));
      return () => viewListeners.delete(listener);
    },
    onNavigate(listener) {
      // The preview's deep link is its own URL: #session=<id> next to the secret.
      const id = new URLSearchParams(location.hash.slice(1)).get('session');
      if (id) queueMicrotask(() => listener({ name: 'detail', id }));
      return () => undefined;
    },
    onTranscript(listener) {
      transcriptListeners.add(listener);
      return () => transcriptListeners.delete(listener);
    },
    call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<M>> {
      // In a browser the link opens in a new tab here; the Electron host opens it with shell.openExternal.
      if (method === 'openExternal') {
        const checked = ExternalUrl.safeParse((params as { url: string }).url);
        if (!checked.success) return Promise.reject(new Error('only https links can be opened'));
        window.open(checked.data, '_blank', 'noopener,noreferrer');
        return Promise.resolve(null as ApiResult<M>);
      }
      if (!ws || ws.readyState !== WebSocket.OPEN) return Promise.reject(new Error('not connected to Parrot Tray'));
      const id = nextId++;
      ws.send(JSON.stringify({ t: 'call', id, method, params }));
      return new Promise((resolve, reject) => pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
    },
  };
}

const SessionId = z.looseObject({ id: Id });
const ViewEnvelope = ViewSnapshot.omit({ sessions: true }).extend({ sessions: z.array(SessionId) }).or(ViewDelta.omit({ upserts: true }).extend({ upserts: z.array(SessionId) }));

/** A `view` message whose update has the right shape, with sessions that at least carry an id. */
export function isViewMessage(raw: unknown): raw is { t: 'view'; update: ViewUpdate } {
  if (typeof raw !== 'object' || raw === null || (raw as { t?: unknown }).t !== 'view') return false;
  return ViewEnvelope.safeParse((raw as { update?: unknown }).update).success;
}
