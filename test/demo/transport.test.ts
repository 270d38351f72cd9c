import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode, MAX_FRAME_BYTES, SUBPROTOCOL } from '../../src/shared/protocol';
import { TestClient } from '../support/client';
import { connect, startBackend, TOKEN } from '../support/backend';

describe('demo backend: transport (PROTOCOL.md section 1)', () => {
  it('answers a missing token with HTTP 401 at the upgrade', async () => {
    const { url } = await startBackend();
    expect(await TestClient.refusedStatus(url, { token: null })).toBe(401);
  });

  it('answers a wrong token with HTTP 401 at the upgrade', async () => {
    const { url } = await startBackend();
    expect(await TestClient.refusedStatus(url, { token: 'not-the-token' })).toBe(401);
  });

  it('echoes the parrot.sessions.v1 subprotocol', async () => {
    const { url } = await startBackend();
    const client = await connect(url);
    expect(client.ws.protocol).toBe(SUBPROTOCOL);
  });

  it('does not echo another version, and closes 4002 on a client that offers none', async () => {
    const { url } = await startBackend();
    const other = new WebSocket(url, ['parrot.sessions.v2'], { headers: { authorization: `Bearer ${TOKEN}` } });
    const error = await new Promise<Error>((resolve) => other.once('error', resolve));
    expect(error.message).toMatch(/no subprotocol/i);
    const none = await connect(url, { protocols: [] });
    expect((await none.closedWith()).code).toBe(CloseCode.protocolUnsupported);
  });

  it('sends hello first, with the fields of section 3.1', async () => {
    const { url, backend } = await startBackend();
    const client = await connect(url);
    const hello = await client.next();
    expect(hello).toMatchObject({ type: 'hello', protocol: 1, heartbeatMs: 15000, headSeq: backend.tenant.headSeq });
    expect(Date.parse(hello.serverTime as string)).not.toBeNaN();
    expect(hello.tenant).toEqual({ id: 't_acme', name: 'Acme' });
    expect(hello.user).toEqual({ id: 'u_ada', name: 'Ada Lovelace' });
  });

  it('answers garbage with an error frame and keeps the connection', async () => {
    const { url } = await startBackend();
    const client = await connect(url);
    await client.next('hello');
    for (const garbage of ['not json', '[1,2]', '{"no":"type"}', '{"type":"subscribe","since":"yesterday"}']) {
      client.send(garbage);
      expect(await client.next('error')).toMatchObject({ code: 'invalid' });
    }
    client.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect((await client.next('error')).message).toMatch(/binary/);
    client.send({ type: 'subscribe', since: null });
    expect(await client.next('resync')).toBeTruthy();
  });

  it('ignores an unknown frame type without an error', async () => {
    const { url } = await startBackend();
    const client = await connect(url);
    await client.next('hello');
    client.send({ type: 'from.the.future', x: 1 });
    client.send({ type: 'subscribe', since: null });
    expect((await client.next()).type).toBe('resync');
  });

  it('closes with 1009 on a frame over 1 MiB', async () => {
    const { url } = await startBackend();
    const client = await connect(url);
    await client.next('hello');
    client.send(JSON.stringify({ type: 'subscribe', since: null, pad: 'x'.repeat(MAX_FRAME_BYTES) }));
    expect((await client.closedWith()).code).toBe(CloseCode.messageTooBig);
  });

  it('closes with 1008 after more than 100 invalid frames in 60 s', async () => {
    const { url } = await startBackend();
    const client = await connect(url);
    await client.next('hello');
    for (let i = 0; i < 100; i++) client.send('garbage');
    await new Promise((r) => setTimeout(r, 200));
    expect(client.closed).toBeNull();
    client.send('one too many');
    expect((await client.closedWith()).code).toBe(CloseCode.policyViolation);
  });

  it('rate limits a flood: an error with retryAfterMs, then 4003', async () => {
    const { url } = await startBackend({ limits: { framesPerSecond: 10 } });
    const client = await connect(url);
    await client.next('hello');
    for (let i = 0; i < 15; i++) client.send({ type: 'transcript.unwatch', sessionId: 'x' });
    expect(await client.next('error')).toMatchObject({ code: 'rate_limited', retryAfterMs: 5000 });
    expect((await client.closedWith()).code).toBe(CloseCode.rateLimited);
  });

  it('pings every heartbeatMs and ends a peer silent for two heartbeats', async () => {
    const { url } = await startBackend({ heartbeatMs: 100 });
    const lively = await connect(url);
    let pings = 0;
    lively.ws.on('ping', () => pings++);
    const silent = new WebSocket(url, [SUBPROTOCOL], { headers: { authorization: `Bearer ${TOKEN}` }, autoPong: false });
    const closed = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));
    const started = Date.now();
    expect(await closed).toBe(1006);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    // The answering client keeps being pinged and stays connected.
    const deadline = Date.now() + 2000;
    while (pings < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(pings).toBeGreaterThanOrEqual(3);
    expect(lively.closed).toBeNull();
  });

  it('closes with 4001 when the token is revoked, and 1001 when going away', async () => {
    const { url, backend } = await startBackend();
    const revoked = await connect(url);
    backend.revokeToken('new-token');
    expect((await revoked.closedWith()).code).toBe(CloseCode.tokenRevoked);
    const leaving = await connect(url, { token: 'new-token' });
    await leaving.next('hello');
    await backend.stop();
    expect((await leaving.closedWith()).code).toBe(CloseCode.goingAway);
  });
});
