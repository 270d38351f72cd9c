import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiHost } from '../../src/main/core/api/api-host';
import { serveClient, type ClientPeer } from '../../src/main/core/api/serve-client';
import { Companion } from '../../src/main/core/companion';
import { CoreMessage } from '../../src/shared/api';
import { moveTenant, startBackend, TOKEN } from '../support/backend';
import { waitFor } from '../support/scripted-server';
import { tempDir } from '../support/temp-dir';

const closers: Array<() => void> = [];
afterEach(() => {
  for (const c of closers.splice(0).reverse()) c();
});

async function core() {
  const { backend, url } = await startBackend();
  const { companion } = Companion.open({ backendUrl: url, token: TOKEN, dataDir: tempDir() });
  const host = new ApiHost(companion, { demo: true, views: { coalesceMs: 10 } });
  companion.start();
  closers.push(() => companion.close(), () => host.close());
  await waitFor(() => companion.sync.appliedSeq !== null && companion.user !== null, 5000);
  return { backend, companion, host };
}

/** A client as a carrier sees it: what it was sent (checked to survive JSON and structured clone), and its two hooks. */
function client(host: ApiHost) {
  const sent: CoreMessage[] = [];
  let deliver: (raw: unknown) => void = () => undefined;
  let closed: () => void = () => undefined;
  const peer: ClientPeer = {
    send: (message) => {
      expect(CoreMessage.parse(JSON.parse(JSON.stringify(message)))).toEqual(message);
      sent.push(structuredClone(message));
    },
    onMessage: (cb) => void (deliver = cb),
    onClose: (cb) => void (closed = cb),
  };
  serveClient(peer, host);
  const of = <T extends CoreMessage['t']>(t: T) => sent.filter((m): m is Extract<CoreMessage, { t: T }> => m.t === t);
  const reply = (id: number) => of('reply').find((m) => m.id === id);
  return { sent, send: (raw: unknown) => deliver(raw), close: () => closed(), of, reply };
}

describe('serveClient', () => {
  it('hello brings the status, now and on each change', async () => {
    const { host, companion } = await core();
    const c = client(host);
    c.send({ t: 'hello' });
    expect(c.of('status')).toHaveLength(1);
    expect(c.of('status')[0]!.status).toMatchObject({ demo: true, connection: { phase: 'live' }, user: companion.user, coreRestart: null });
    host.setShellStatus({ coreRestart: { count: 1, at: 5, reason: 'exited with code 1' } });
    expect(c.of('status').at(-1)!.status.coreRestart).toEqual({ count: 1, at: 5, reason: 'exited with code 1' });
    const before = c.of('status').length;
    host.setShellStatus({ coreRestart: { count: 1, at: 5, reason: 'exited with code 1' } });
    expect(c.of('status')).toHaveLength(before); // unchanged: not told again
  });

  it('watches by qid: first answer at once, pushes on change, replaced and unwatched queries fall silent', async () => {
    const { host, backend } = await core();
    const c = client(host);
    c.send({ t: 'watch', qid: 1, query: { view: 'commandCenter', needsYouLimit: 5, activeLimit: 5, recentLimit: 5 } });
    c.send({ t: 'watch', qid: 2, query: { view: 'sessions', filters: {}, offset: 0, limit: 20 } });
    const results = (qid: number) => c.of('result').filter((m) => m.qid === qid);
    expect(results(1)).toHaveLength(1);
    expect(results(2)[0]!.result).toMatchObject({ view: 'sessions', total: backend.tenant.size });
    // Replaced: qid 2 now follows one session that no change touches.
    const still = backend.tenant.all().find((s) => s.status === 'succeeded')!;
    c.send({ t: 'watch', qid: 2, query: { view: 'session', id: still.id } });
    expect(results(2).at(-1)!.result).toMatchObject({ view: 'session', session: { id: still.id } });
    const two = results(2).length;
    c.send({ t: 'watch', qid: 3, query: { view: 'sessions', filters: {}, offset: 0, limit: 20 } });
    c.send({ t: 'unwatch', qid: 1 });
    const one = results(1).length;
    const seq = host['companion'].sync.appliedSeq!;
    moveTenant(backend, 30);
    await waitFor(() => host['companion'].sync.appliedSeq! > seq, 5000);
    await new Promise((r) => setTimeout(r, 100));
    expect(results(3).length).toBeGreaterThan(1); // the change was there to be seen
    expect(results(1)).toHaveLength(one);
    expect(results(2)).toHaveLength(two);
  });

  it('answers calls, and junk in words without harming another client', async () => {
    const { host } = await core();
    const a = client(host);
    const b = client(host);
    b.send({ t: 'watch', qid: 7, query: { view: 'commandCenter', needsYouLimit: 5, activeLimit: 3, recentLimit: 3 } });
    a.send({ t: 'call', id: 1, method: 'getSettings', params: {} });
    a.send({ t: 'call', id: 2, method: 'nope', params: {} });
    a.send({ t: 'call', id: 3, method: 'command', params: { action: 'approve' } });
    a.send({ t: 'call', id: 4, params: {} });
    a.send({ t: 'watch', qid: 1, query: { view: 'everything' } });
    a.send({ t: 'watch', qid: -1, query: { view: 'everything' } });
    a.send('not even an object');
    a.send(null);
    await waitFor(() => [1, 2, 3, 4].every((id) => a.reply(id)), 2000);
    // A watch is answered too, by its qid; one without a usable qid has nothing to be answered by.
    expect(a.of('queryError')).toEqual([{ t: 'queryError', qid: 1, error: expect.stringMatching(/^invalid query: view: /) }]);
    expect(a.reply(1)).toMatchObject({ ok: true, result: { scope: 'mine' } });
    expect(a.reply(2)).toMatchObject({ ok: false, error: 'unknown method nope' });
    expect(a.reply(3)).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid command request/) });
    expect(a.reply(4)).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid message: method/) });
    expect(a.of('result')).toHaveLength(0);
    expect(b.of('result')).toHaveLength(1);
    b.send({ t: 'call', id: 1, method: 'getSettings', params: {} });
    await waitFor(() => !!b.reply(1), 2000);
  });

  it('a watch whose query fails its schema is answered in words, and the query it replaced falls silent', async () => {
    const { host, backend } = await core();
    const c = client(host);
    c.send({ t: 'watch', qid: 4, query: { view: 'sessions', filters: {}, offset: 0, limit: 20 } });
    expect(c.of('result')).toHaveLength(1);
    c.send({ t: 'watch', qid: 4, query: { view: 'sessions', filters: { search: 'x'.repeat(201) }, offset: 0, limit: 20 } });
    expect(c.of('queryError')).toEqual([{ t: 'queryError', qid: 4, error: expect.stringMatching(/^invalid query: filters\.search: .*200/) }]);
    const seq = host['companion'].sync.appliedSeq!;
    moveTenant(backend, 30);
    await waitFor(() => host['companion'].sync.appliedSeq! > seq, 5000);
    await new Promise((r) => setTimeout(r, 100));
    expect(c.of('result')).toHaveLength(1);
  });

  it('a closed client’s queries, listeners and opened sessions are released', async () => {
    const { host, backend } = await core();
    const listeners = () => host.listenerCount('status') + host.listenerCount('transcript');
    const base = listeners();
    const call = vi.spyOn(host, 'call');
    const a = client(host);
    const b = client(host);
    const id = backend.tenant.all()[0]!.id;
    for (const c of [a, b]) {
      c.send({ t: 'hello' });
      c.send({ t: 'watch', qid: 1, query: { view: 'session', id } });
      c.send({ t: 'call', id: 1, method: 'openSession', params: { sessionId: id } });
      c.send({ t: 'call', id: 2, method: 'openSession', params: { sessionId: id } }); // once per client
    }
    await waitFor(() => !!a.reply(2) && !!b.reply(2), 2000);
    expect(call.mock.calls.filter(([m]) => m === 'openSession')).toHaveLength(2);
    const opened = (host['companion'].transcripts as unknown as { opened: Set<string> }).opened;
    expect(opened.has(id)).toBe(true);
    a.close();
    // b still holds it open: a's close leaves the transcript watched.
    await waitFor(() => call.mock.calls.some(([m]) => m === 'closeSession'), 2000);
    expect(opened.has(id)).toBe(true);
    b.close();
    await waitFor(() => !opened.has(id), 2000);
    expect(listeners()).toBe(base);
    const sent = a.sent.length + b.sent.length;
    moveTenant(backend, 20);
    await new Promise((r) => setTimeout(r, 150));
    expect(a.sent.length + b.sent.length).toBe(sent);
  });
});
