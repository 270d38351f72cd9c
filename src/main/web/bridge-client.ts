import type { WebSocket } from 'ws';
import { BridgeRequest, type ApiMethod, type BridgeMessage, type TranscriptPush, type ViewUpdate } from '../../shared/api';
import type { ApiHost } from '../core/api/api-host';

/**
 * One browser tab of the web preview: its view subscription and its requests, every message
 * validated before the host sees it.
 */
export function serveBridgeClient(ws: WebSocket, host: ApiHost): void {
  const send = (message: BridgeMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const onView = (update: ViewUpdate) => send({ t: 'view', update });
  const onTranscript = (push: TranscriptPush) => send({ t: 'transcript', push });
  let subscribed = false;
  const opened = new Set<string>();
  ws.on('message', (data, isBinary) => {
    let request: BridgeRequest;
    try {
      if (isBinary) throw new Error('binary');
      request = BridgeRequest.parse(JSON.parse(String(data)));
    } catch {
      return; // Not ours: a well-formed renderer never sends it, so it earns no answer.
    }
    if (request.t === 'subscribe') {
      if (!subscribed) {
        subscribed = true;
        host.on('view', onView);
        host.on('transcript', onTranscript);
      }
      send({ t: 'view', update: host.snapshot() });
      return;
    }
    const { id, method, params } = request;
    if (method === 'openSession' || method === 'closeSession') {
      const sessionId = (params as { sessionId?: unknown })?.sessionId;
      if (typeof sessionId === 'string') (method === 'openSession' ? opened.add(sessionId) : opened.delete(sessionId));
    }
    host.call(method as ApiMethod, params).then(
      (result) => send({ t: 'reply', id, ok: true, result }),
      (error: Error) => send({ t: 'reply', id, ok: false, error: error.message }),
    );
  });
  ws.on('close', () => {
    host.off('view', onView);
    host.off('transcript', onTranscript);
    for (const sessionId of opened) void host.call('closeSession', { sessionId }).catch(() => undefined);
  });
}
