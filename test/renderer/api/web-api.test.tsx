import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebApi, isCoreMessage, RECONNECT_MS } from '../../../src/renderer/src/api/web-api';
import { BRIDGE_PATH, BRIDGE_PROTOCOL, type AppStatus, type ClientMessage } from '../../../src/shared/api';
import { flowRun } from '../../shared/fixtures';
import { LIVE } from '../fake-api';

const status: AppStatus = { profiles: [], connection: LIVE, user: null, skewMs: 0, demo: true, unreadable: { count: 0, ids: [] }, coreRestart: null, update: null };

/** A WebSocket the test drives: what the page sent, and what the server says back. */
class FakeSocket {
  static all: FakeSocket[] = [];
  sent: ClientMessage[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data) as ClientMessage);
  }
  serverSays(message: unknown) {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }
}

const page = { protocol: 'http:', host: '127.0.0.1:4321', hash: '#secret=s3cret&session=fr_9' } as Location;

describe("the web preview's carrier", () => {
  beforeEach(() => {
    FakeSocket.all = [];
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.useFakeTimers({ toFake: ['setTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('connects to the bridge with the secret from the fragment, says hello and opens its queries', () => {
    const api = createWebApi(page);
    const socket = FakeSocket.all[0]!;
    expect(socket.url).toBe(`ws://127.0.0.1:4321${BRIDGE_PATH}`);
    expect(socket.protocols).toEqual([BRIDGE_PROTOCOL, 'secret.s3cret']);
    const results: unknown[] = [];
    api.watch({ view: 'session', id: 'fr_1' }, (r) => results.push(r));
    socket.onopen?.();
    expect(socket.sent).toEqual([{ t: 'hello' }, { t: 'watch', qid: 1, query: { view: 'session', id: 'fr_1' } }]);
    const result = { view: 'session', session: flowRun({ id: 'fr_1' }), related: [] };
    socket.serverSays({ t: 'result', qid: 1, result });
    socket.serverSays('not json');
    socket.serverSays({ t: 'result', qid: 1 });
    expect(results).toEqual([result]);
  });

  it("hands the core's refusal of a query to that watch's onError, and only to it", () => {
    const api = createWebApi(page);
    const socket = FakeSocket.all[0]!;
    const refused: Array<[string, string]> = [];
    api.watch({ view: 'session', id: 'fr_1' }, () => undefined, (m) => refused.push(['fr_1', m]));
    api.watch({ view: 'session', id: 'fr_2' }, () => undefined, (m) => refused.push(['fr_2', m]));
    socket.onopen?.();
    socket.serverSays({ t: 'queryError', qid: 2, error: 'invalid query: id: Too big' });
    socket.serverSays({ t: 'queryError', qid: 1 });
    expect(refused).toEqual([['fr_2', 'invalid query: id: Too big']]);
  });

  it('fails calls in flight in words when the socket closes, and reconnects a second later', async () => {
    const api = createWebApi(page);
    const first = FakeSocket.all[0]!;
    first.onopen?.();
    const seen: AppStatus[] = [];
    api.onStatus((s) => seen.push(s));
    first.serverSays({ t: 'status', status });
    expect(seen).toEqual([status]);
    const call = api.call('getSettings', {});
    first.onclose?.();
    await expect(call).rejects.toThrow('the connection to the Parrot Tray preview was lost');
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(RECONNECT_MS);
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.all[1]!.onopen?.();
    expect(FakeSocket.all[1]!.sent[0]).toEqual({ t: 'hello' });
  });

  it('navigates to the session named in the fragment', async () => {
    const api = createWebApi(page);
    const routes: unknown[] = [];
    api.onNavigate((r) => routes.push(r));
    await Promise.resolve();
    expect(routes).toEqual([{ name: 'detail', id: 'fr_9' }]);
  });

  it('opens https links in a new tab, and refuses others', async () => {
    const open = vi.fn();
    vi.stubGlobal('open', open);
    const api = createWebApi(page);
    await api.call('openExternal', { url: 'https://app.discoparrot.example/s/fr_1' });
    expect(open).toHaveBeenCalledWith('https://app.discoparrot.example/s/fr_1', '_blank', 'noopener,noreferrer');
    await expect(api.call('openExternal', { url: 'http://example.com' })).rejects.toThrow('only https links can be opened');
  });
});

describe("the carrier's check of what the core sent", () => {
  it('passes each kind of message through', () => {
    expect(isCoreMessage({ t: 'status', status })).toBe(true);
    expect(isCoreMessage({ t: 'result', qid: 3, result: { view: 'commandCenter' } })).toBe(true);
    expect(isCoreMessage({ t: 'queryError', qid: 3, error: 'invalid query: view: Invalid input' })).toBe(true);
    expect(isCoreMessage({ t: 'transcript', push: { sessionId: 'fr_1', entries: [] } })).toBe(true);
    expect(isCoreMessage({ t: 'reply', id: 1, ok: true, result: null })).toBe(true);
  });

  it('drops what is not a message it knows', () => {
    expect(isCoreMessage(null)).toBe(false);
    expect(isCoreMessage({ t: 'view', update: {} })).toBe(false);
    expect(isCoreMessage({ t: 'result', qid: '3', result: { view: 'session' } })).toBe(false);
    expect(isCoreMessage({ t: 'result', qid: 3 })).toBe(false);
    expect(isCoreMessage({ t: 'reply', id: 1 })).toBe(false);
    expect(isCoreMessage({ t: 'queryError', qid: 3 })).toBe(false);
    expect(isCoreMessage({ t: 'status' })).toBe(false);
  });
});
