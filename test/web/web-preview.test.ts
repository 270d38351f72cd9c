import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ApiHost } from '../../src/main/core/api/api-host';
import { Companion } from '../../src/main/core/companion';
import { WebPreviewServer } from '../../src/main/web/web-server';
import { BRIDGE_PROTOCOL, type CoreMessage } from '../../src/shared/api';
import { createApiClient } from '../../src/shared/api/api-client';
import { startBackend, TOKEN } from '../support/backend';
import { waitFor } from '../support/scripted-server';
import { tempDir } from '../support/temp-dir';

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

async function preview() {
  const { backend, url } = await startBackend();
  const { companion } = Companion.open({ backendUrl: url, token: TOKEN, dataDir: tempDir() });
  const host = new ApiHost(companion, { demo: true });
  const site = tempDir();
  mkdirSync(join(site, 'assets'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Parrot Tray</title>');
  writeFileSync(join(site, 'assets', 'app.js'), 'console.log(1)');
  const server = new WebPreviewServer(site, host);
  const printed = await server.listen(0);
  companion.start();
  closers.push(() => companion.close(), () => host.close(), () => server.close());
  await waitFor(() => companion.sync.appliedSeq !== null, 5000);
  return { backend, companion, server, printed, site };
}

function bridge(server: WebPreviewServer, options: { origin?: string; secret?: string } = {}) {
  const ws = new WebSocket(`${server.origin.replace('http', 'ws')}/bridge`, [BRIDGE_PROTOCOL, `secret.${options.secret ?? server.secret}`], {
    headers: { origin: options.origin ?? server.origin },
  });
  closers.push(() => ws.terminate());
  const messages: any[] = [];
  ws.on('message', (d) => messages.push(JSON.parse(String(d))));
  return { ws, messages };
}

const statusOf = (ws: WebSocket) =>
  new Promise<number>((resolve, reject) => {
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('open', () => reject(new Error('accepted')));
    ws.once('error', () => undefined);
  });

/** One raw HTTP request over a socket, as a page or a tool that writes its own headers would. */
function rawRequest(server: WebPreviewServer, text: string): Promise<string> {
  const { port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('web preview server', () => {
  it('prints a loopback URL whose #fragment carries the per-run secret, and serves the built renderer', async () => {
    const { printed, server } = await preview();
    expect(printed).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#secret=[\w-]{20,}$/);
    expect(printed).toContain(server.secret);
    const page = await fetch(`${server.origin}/`);
    expect(await page.text()).toContain('Parrot Tray');
    expect((await fetch(`${server.origin}/assets/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${server.origin}/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${server.origin}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
  });

  it('answers a request with two Host lines with a 400 in words, page or bridge, and goes on serving', async () => {
    const { server } = await preview();
    const host = new URL(server.origin).host;
    const page = await rawRequest(server, `GET / HTTP/1.1\r\nHost: ${host}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`);
    expect(page).toMatch(/^HTTP\/1\.1 400 /);
    expect(page).toContain('one Host header, not several');
    const upgrade = await rawRequest(
      server,
      `GET /bridge HTTP/1.1\r\nHost: ${host}\r\nHost: evil.example\r\nOrigin: ${server.origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: ${BRIDGE_PROTOCOL}, secret.${server.secret}\r\n\r\n`,
    );
    expect(upgrade).toMatch(/^HTTP\/1\.1 400 /);
    expect((await fetch(`${server.origin}/`)).status).toBe(200);
  });

  it('refuses the bridge to another origin or a wrong secret', async () => {
    const { server } = await preview();
    expect(await statusOf(bridge(server, { origin: 'http://evil.example' }).ws)).toBe(403);
    expect(await statusOf(bridge(server, { secret: 'guess' }).ws)).toBe(403);
  });

  it('serves hello, live queries and validated commands over the bridge', async () => {
    const { server, backend } = await preview();
    const { ws, messages } = bridge(server);
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ t: 'hello' }));
    ws.send(JSON.stringify({ t: 'watch', qid: 1, query: { view: 'commandCenter', needsYouLimit: 100, activeLimit: 10, recentLimit: 10 } }));
    ws.send(JSON.stringify({ t: 'watch', qid: 2, query: { view: 'sessions', filters: {}, offset: 0, limit: 50 } }));
    await waitFor(() => messages.some((m) => m.t === 'status') && messages.filter((m) => m.t === 'result').length >= 2);
    expect(messages.find((m) => m.t === 'status').status).toMatchObject({ demo: true, unreadable: { count: 0, ids: [] } });
    const window = messages.find((m) => m.t === 'result' && m.qid === 2).result;
    expect(window.total).toBe(backend.tenant.size);
    expect(window.rows).toHaveLength(50); // a window, never the whole cache
    const first = messages.find((m) => m.t === 'result' && m.qid === 1).result;
    const paused = backend.tenant.all().find((s) => s.checkpoint)!;
    const waitingIds = (result: { needsYou: { rows: Array<{ session: { id: string }; reason: string }> } }) =>
      result.needsYou.rows.filter((r) => r.reason === 'checkpoint').map((r) => r.session.id).sort();
    expect(waitingIds(first)).toEqual(backend.tenant.all().filter((s) => s.checkpoint).map((s) => s.id).sort());
    ws.send(JSON.stringify({ t: 'call', id: 1, method: 'command', params: { action: 'approve', sessionId: paused.id, checkpointId: paused.checkpoint!.id } }));
    await waitFor(() => messages.some((m) => m.t === 'reply' && m.id === 1));
    expect(messages.find((m) => m.t === 'reply' && m.id === 1)).toMatchObject({ ok: true, result: { ok: true } });
    await waitFor(() => messages.some((m) => m.t === 'result' && m.qid === 1 && !waitingIds(m.result).includes(paused.id)));
    ws.send(JSON.stringify({ t: 'call', id: 2, method: 'command', params: { action: 'approve', sessionId: paused.id } }));
    ws.send('{ not json');
    ws.send(JSON.stringify({ t: 'call', id: 3, method: 42 }));
    await waitFor(() => messages.some((m) => m.t === 'reply' && m.id === 3));
    expect(messages.find((m) => m.t === 'reply' && m.id === 2)).toMatchObject({ ok: false, error: expect.stringMatching(/invalid command request/) });
    expect(messages.find((m) => m.t === 'reply' && m.id === 3)).toMatchObject({ ok: false, error: expect.stringMatching(/invalid message/) });
  });

  it('a closed tab releases its queries', async () => {
    const { server, companion, backend } = await preview();
    const { ws } = bridge(server);
    await new Promise((r) => ws.once('open', r));
    const host = (server as unknown as { host: ApiHost }).host;
    const base = host.listenerCount('transcript');
    ws.send(JSON.stringify({ t: 'hello' }));
    ws.send(JSON.stringify({ t: 'call', id: 1, method: 'openSession', params: { sessionId: backend.tenant.all()[0]!.id } }));
    await waitFor(() => host.listenerCount('status') === 1);
    ws.close();
    await waitFor(() => host.listenerCount('status') === 0 && host.listenerCount('transcript') === base - 1);
    const opened = (companion.transcripts as unknown as { opened: Set<string> }).opened;
    await waitFor(() => opened.size === 0);
  });

  it('reads and updates notification settings, refusing invalid ones', async () => {
    const { server, companion } = await preview();
    const { ws, messages } = bridge(server);
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ t: 'call', id: 1, method: 'getSettings', params: {} }));
    ws.send(JSON.stringify({ t: 'call', id: 2, method: 'updateSettings', params: { scope: 'all', quietHours: { start: '22:00', end: '07:00' } } }));
    ws.send(JSON.stringify({ t: 'call', id: 3, method: 'updateSettings', params: { scope: 'everyone' } }));
    // A snooze alone keeps the choices made before it (a partial with defaults once reset them).
    ws.send(JSON.stringify({ t: 'call', id: 4, method: 'updateSettings', params: { snoozedUntil: 4_102_444_800_000 } }));
    await waitFor(() => messages.filter((m) => m.t === 'reply').length === 4);
    const reply = (id: number) => messages.find((m) => m.t === 'reply' && m.id === id);
    expect(reply(1).result).toMatchObject({ scope: 'mine', failures: false });
    expect(reply(2).result).toMatchObject({ scope: 'all', quietHours: { start: '22:00', end: '07:00' } });
    expect(reply(3)).toMatchObject({ ok: false });
    expect(reply(4).result).toEqual({ scope: 'all', failures: false, quietHours: { start: '22:00', end: '07:00' }, snoozedUntil: 4_102_444_800_000, followUps: true, reminderMinutes: 30, sound: true, mutedFlows: [] });
    expect(companion.notifySettings.scope).toBe('all');
  });

  it('answers a watch whose query fails its schema with a sentence, by its qid, and goes on serving the tab', async () => {
    const { server } = await preview();
    const { ws, messages } = bridge(server);
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ t: 'watch', qid: 1, query: { view: 'session', id: 'x'.repeat(500) } }));
    ws.send(JSON.stringify({ t: 'watch', qid: 2, query: { view: 'sessions', filters: {}, offset: 0, limit: 5 } }));
    await waitFor(() => messages.some((m) => m.t === 'queryError') && messages.some((m) => m.t === 'result'));
    expect(messages.filter((m) => m.t === 'queryError')).toEqual([{ t: 'queryError', qid: 1, error: expect.stringMatching(/^invalid query: id: Too big: expected string to have <=\d+ characters$/) }]);
    expect(messages.filter((m) => m.t === 'result').map((m) => m.qid)).toEqual([2]);
  });

  it("the page's client (the one both carriers share) hands the refusal to the watch's onError, not waiting for ever", async () => {
    const { server } = await preview();
    const { ws } = bridge(server);
    const client = createApiClient();
    ws.on('message', (data) => client.receive(JSON.parse(String(data)) as CoreMessage));
    await new Promise((r) => ws.once('open', r));
    client.attach((message) => ws.send(JSON.stringify(message)));
    const results: unknown[] = [];
    const refused: string[] = [];
    client.api.watch({ view: 'sessions', filters: { search: 'x'.repeat(201) }, offset: 0, limit: 5 }, (r) => results.push(r), (m) => refused.push(m));
    client.api.watch({ view: 'commandCenter', needsYouLimit: 5, activeLimit: 5, recentLimit: 5 }, (r) => results.push(r));
    await waitFor(() => refused.length > 0 && results.length > 0);
    expect(refused).toEqual(['invalid query: filters.search: Too big: expected string to have <=200 characters']);
    expect(results).toEqual([expect.objectContaining({ view: 'commandCenter' })]);
  });
});
