import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../src/shared/connection-state';
import { CloseCode, SUBPROTOCOL } from '../../src/shared/protocol';
import { StreamConnection } from '../../src/main/core/connection/connection';
import type { ConnectionOptions } from '../../src/main/core/connection/connection-options';
import { hello, scriptedServer, waitFor } from '../support/scripted-server';

const open: StreamConnection[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.stop();
});

function connection(url: string, options: Partial<ConnectionOptions> = {}) {
  const logs: string[] = [];
  const c = new StreamConnection({ url, token: 'secret-token-value', random: () => 0, logger: { info: (m) => logs.push(m), warn: (m) => logs.push(m) }, ...options });
  const states: ConnectionState[] = [];
  c.on('state', (s) => states.push(s));
  open.push(c);
  return { c, states, logs };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('StreamConnection', () => {
  it('sends the bearer token in the Authorization header and offers the subprotocol', async () => {
    const server = await scriptedServer((peer) => peer.send(hello()));
    const { c } = connection(server.url);
    c.start();
    await waitFor(() => c.isLive);
    expect(server.peers[0]!.headers.authorization).toBe('Bearer secret-token-value');
    expect(server.peers[0]!.headers['sec-websocket-protocol']).toBe(SUBPROTOCOL);
    expect(server.url).not.toContain('secret');
  });

  it('stops on HTTP 401 with "sign-in needed", does not retry, and resumes when the token changes', async () => {
    const server = await scriptedServer((peer) => peer.send(hello()), { refuseWith: (req) => (req.headers.authorization === 'Bearer good' ? null : 401) });
    const { c, logs } = connection(server.url, { token: 'bad' });
    c.start();
    await waitFor(() => c.state.phase === 'signin-needed');
    await sleep(300);
    expect(server.attempts()).toBe(1);
    c.setToken('good');
    await waitFor(() => c.isLive);
    expect(server.attempts()).toBe(2);
    expect(logs.join('\n')).not.toMatch(/bad|good/);
  });

  it('tries a replaced token at once: on a live socket, and on one still connecting with the old token', async () => {
    const server = await scriptedServer((peer) => peer.send(hello()), { refuseWith: (req) => (req.headers.authorization === 'Bearer good' ? null : 401) });
    // Replaced while the first handshake, with the refused token, is still on its way.
    const early = connection(server.url, { token: 'bad' });
    early.c.start();
    early.c.replaceToken('good');
    await waitFor(() => early.c.isLive);
    // Replaced on a live socket: the old sign-in is dropped and the new token judged now.
    early.c.replaceToken('worse');
    await waitFor(() => early.c.state.phase === 'signin-needed');
    early.c.replaceToken('good');
    await waitFor(() => early.c.isLive);
    expect(early.logs.join('\n')).not.toMatch(/bad|good|worse/);
  });

  it('stops with "update needed" when the server does not echo the subprotocol', async () => {
    const server = await scriptedServer(() => undefined, { noSubprotocol: true });
    const { c } = connection(server.url);
    c.start();
    await waitFor(() => c.state.phase === 'update-needed');
    await sleep(200);
    expect(server.attempts()).toBe(1);
  });

  it.each([CloseCode.normal, CloseCode.policyViolation, CloseCode.serverError, CloseCode.goingAway])('reconnects after close %i', async (code) => {
    const server = await scriptedServer((peer, attempt) => {
      peer.send(hello());
      if (attempt === 1) setTimeout(() => peer.ws.close(code, 'bye'), 20);
    });
    const { c } = connection(server.url);
    c.start();
    await waitFor(() => server.attempts() === 2 && c.isLive, 4000);
  });

  it('reconnects after 1001 within a random 0 to 2 s', async () => {
    const server = await scriptedServer((peer, attempt) => {
      peer.send(hello());
      if (attempt === 1) setTimeout(() => peer.ws.close(CloseCode.goingAway), 20);
    });
    const { c, states } = connection(server.url, { random: () => 0.25 });
    c.start();
    await waitFor(() => states.some((s) => s.phase === 'reconnecting'));
    const waiting = states.find((s) => s.phase === 'reconnecting')!;
    expect(waiting.nextTryAt! - Date.now()).toBeLessThanOrEqual(500);
    await waitFor(() => server.attempts() === 2 && c.isLive);
  });

  it('stops on 4001 (sign-in) and 4002 (update)', async () => {
    for (const [code, phase] of [[CloseCode.tokenRevoked, 'signin-needed'], [CloseCode.protocolUnsupported, 'update-needed']] as const) {
      const server = await scriptedServer((peer) => {
        peer.send(hello());
        setTimeout(() => peer.ws.close(code), 20);
      });
      const { c } = connection(server.url);
      c.start();
      await waitFor(() => c.state.phase === phase);
      await sleep(200);
      expect(server.attempts()).toBe(1);
    }
  });

  it('waits retryAfterMs (plus jitter) after 4003', async () => {
    const server = await scriptedServer((peer, attempt) => {
      peer.send(hello());
      if (attempt === 1) {
        peer.send({ type: 'error', code: 'rate_limited', message: 'slow down', retryAfterMs: 400 });
        setTimeout(() => peer.ws.close(CloseCode.rateLimited), 20);
      }
    });
    const { c } = connection(server.url);
    c.start();
    await waitFor(() => c.state.phase === 'reconnecting');
    const started = Date.now();
    await waitFor(() => server.attempts() === 2, 3000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
  });

  it('tells the sync engine to drop its cursor after 4004', async () => {
    const server = await scriptedServer((peer) => {
      peer.send(hello());
      setTimeout(() => peer.ws.close(CloseCode.subscriptionInvalid), 20);
    });
    const { c } = connection(server.url);
    const downs: boolean[] = [];
    c.on('down', ({ dropCursor }) => downs.push(dropCursor));
    c.start();
    await waitFor(() => downs.length > 0);
    expect(downs[0]).toBe(true);
  });

  it('pings every heartbeatMs and declares a half-open peer dead after 2 × heartbeatMs', async () => {
    const server = await scriptedServer((peer) => peer.send(hello({ heartbeatMs: 100 })), { autoPong: false });
    const { c, logs } = connection(server.url);
    let pings = 0;
    c.start();
    await waitFor(() => c.isLive);
    server.peers[0]!.ws.on('ping', () => pings++);
    const since = Date.now();
    await waitFor(() => server.attempts() >= 2, 2000, 'a reconnect');
    expect(Date.now() - since).toBeGreaterThanOrEqual(180);
    expect(pings).toBeGreaterThanOrEqual(1);
    expect(logs.some((l) => l.includes('declared dead'))).toBe(true);
  });

  it('drops garbage and keeps the connection; more than 100 invalid frames in 60 s closes 1008 and reconnects', async () => {
    let closedWith = 0;
    const server = await scriptedServer((peer, attempt) => {
      peer.send(hello());
      peer.ws.on('close', (code) => (closedWith ||= code));
      if (attempt === 1) {
        peer.send('not json');
        peer.send({ no: 'type' });
        peer.send({ type: 'changes', fromSeq: 1, toSeq: 1, items: [] });
        peer.send({ type: 'from.the.future' });
        peer.ws.send(Buffer.from([1, 2]), { binary: true });
      }
    });
    const { c, logs } = connection(server.url);
    c.start();
    await waitFor(() => c.stats.invalidFrames === 4 && c.stats.unknownFrames === 1);
    expect(c.isLive).toBe(true);
    expect(logs.join('\n')).not.toContain('not json');
    for (let i = 0; i < 120; i++) server.peers[0]!.send('garbage');
    await waitFor(() => closedWith !== 0);
    expect(closedWith).toBe(CloseCode.policyViolation);
    // Frames still arriving while the close completes are not read: one line about the close, not twenty.
    expect(logs.filter((l) => l.includes('closing with 1008'))).toHaveLength(1);
    await waitFor(() => server.attempts() === 2 && c.isLive);
  });

  it('closes with 1009 on a frame over 1 MiB and says so (not "cannot reach")', async () => {
    const server = await scriptedServer((peer, attempt) => {
      peer.send(hello());
      if (attempt === 1) peer.send({ type: 'hello', pad: 'x'.repeat(1024 * 1024) });
    });
    const { c, states } = connection(server.url, { random: () => 0.5 });
    c.start();
    await waitFor(() => states.some((s) => s.phase === 'reconnecting'));
    expect(states.find((s) => s.phase === 'reconnecting')!.reason).toBe('connection closed (code 1009)');
  });

  it('names 1007, the code ws sent, when a text frame is not UTF-8 (not 1006)', async () => {
    const server = await scriptedServer((peer, attempt) => {
      peer.send(hello());
      // An unmasked text frame (server to client) of two bytes that are not UTF-8.
      if (attempt === 1) (peer.ws as unknown as { _socket: { write(b: Buffer): void } })._socket.write(Buffer.from([0x81, 0x02, 0xff, 0xfe]));
    });
    const { c, states } = connection(server.url, { random: () => 0.5 });
    c.start();
    await waitFor(() => states.some((s) => s.phase === 'reconnecting'));
    expect(states.find((s) => s.phase === 'reconnecting')!.reason).toBe('connection closed (code 1007)');
  });

  it('says when it will try again, and since when it is offline', async () => {
    const server = await scriptedServer(() => undefined, { refuseWith: () => 503 });
    const { c, states } = connection(server.url, { random: () => 0.5 });
    const before = Date.now();
    c.start();
    await waitFor(() => states.some((s) => s.phase === 'reconnecting'));
    const s = states.find((x) => x.phase === 'reconnecting')!;
    expect(s.nextTryAt).toBeGreaterThanOrEqual(before);
    expect(s.offlineSince).toBeGreaterThanOrEqual(before - 1000);
    expect(s.reason).toBe('the server answered HTTP 503');
  });

  it('reconnects at once after a wake from sleep, even from a socket that still looks open', async () => {
    const server = await scriptedServer((peer) => peer.send(hello()));
    const { c } = connection(server.url);
    c.start();
    await waitFor(() => c.isLive);
    c.reconnectAfterWake();
    await waitFor(() => server.attempts() === 2 && c.isLive);
  });
});
