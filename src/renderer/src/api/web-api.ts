import { createApiClient } from '../../../shared/api/api-client';
import type { ApiMethod, ApiParams, ApiResult, CoreMessage, ParrotApi } from '../../../shared/api';
import { BRIDGE_PATH, BRIDGE_PROTOCOL, isExternalUrl } from '../../../shared/api/bridge-address';

/** How long to wait before reconnecting after the preview's server went away. */
export const RECONNECT_MS = 1000;

const KINDS = new Set(['status', 'result', 'queryError', 'transcript', 'reply']);

/**
 * A light check of what the preview's core sent: a known message type with its fields present.
 * The core is ours and validated everything it holds, so the client does not check every session
 * again with zod (at 100 rows a result that is cheap, but it buys nothing).
 */
export function isCoreMessage(raw: unknown): raw is CoreMessage {
  if (typeof raw !== 'object' || raw === null) return false;
  const m = raw as Record<string, unknown>;
  if (typeof m.t !== 'string' || !KINDS.has(m.t)) return false;
  switch (m.t) {
    case 'status':
      return typeof m.status === 'object' && m.status !== null;
    case 'result':
      return typeof m.qid === 'number' && typeof m.result === 'object' && m.result !== null && typeof (m.result as { view?: unknown }).view === 'string';
    case 'queryError':
      return typeof m.qid === 'number' && typeof m.error === 'string';
    case 'transcript':
      return typeof m.push === 'object' && m.push !== null;
    default:
      return typeof m.id === 'number' && typeof m.ok === 'boolean';
  }
}

/**
 * The web preview's carrier: the shared client (api-client.ts) over a loopback WebSocket, JSON
 * each way. The secret comes from the page's #fragment (never sent to a server); the bridge also
 * checks this page's origin. A lost socket is retried every second, and the client re-opens every
 * query on the new one, so a restarted preview is picked up without a reload.
 */
export function createWebApi(location: Location): ParrotApi {
  const params = new URLSearchParams(location.hash.slice(1));
  const secret = params.get('secret') ?? '';
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${BRIDGE_PATH}`;
  const client = createApiClient();

  const connect = () => {
    const socket = new WebSocket(url, [BRIDGE_PROTOCOL, `secret.${secret}`]);
    socket.onopen = () => client.attach((message) => socket.send(JSON.stringify(message)));
    socket.onmessage = (event) => {
      let raw: unknown;
      try {
        raw = JSON.parse(String(event.data));
      } catch {
        return;
      }
      if (isCoreMessage(raw)) client.receive(raw);
    };
    socket.onclose = () => {
      client.detach('the connection to the Parrot Tray preview was lost');
      setTimeout(connect, RECONNECT_MS);
    };
  };
  connect();

  return {
    ...client.api,
    onNavigate(listener) {
      // The preview's deep link is its own URL: #session=<id> next to the secret.
      const id = params.get('session');
      if (id) queueMicrotask(() => listener({ name: 'detail', id }));
      return () => undefined;
    },
    call<M extends ApiMethod>(method: M, callParams: ApiParams<M>): Promise<ApiResult<M>> {
      // In a browser the link opens in a new tab here; the app opens it with shell.openExternal.
      if (method === 'openExternal') {
        const url = (callParams as { url: string }).url;
        if (typeof url !== 'string' || !isExternalUrl(url)) return Promise.reject(new Error('only https links can be opened'));
        window.open(url, '_blank', 'noopener,noreferrer');
        return Promise.resolve(null as ApiResult<M>);
      }
      return client.api.call(method, callParams);
    },
  };
}
