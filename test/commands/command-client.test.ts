import { afterEach, describe, expect, it } from 'vitest';
import { CommandClient, RESEND_WINDOW_MS } from '../../src/main/core/commands/command-client';
import { StreamConnection } from '../../src/main/core/connection/connection';
import { hello, scriptedServer, waitFor } from '../support/scripted-server';

const open: StreamConnection[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.stop();
});

async function live(url: string, clock?: () => number) {
  const connection = new StreamConnection({ url, token: 't', random: () => 0 });
  open.push(connection);
  const commands = new CommandClient(connection, 30_000, clock);
  connection.start();
  await waitFor(() => connection.isLive);
  return { connection, commands };
}

const approve = { action: 'approve' as const, sessionId: 'fr_1', checkpointId: 'cp_1' };

describe('CommandClient', () => {
  it('refuses at once while offline, sending nothing', async () => {
    const connection = new StreamConnection({ url: 'ws://127.0.0.1:9', token: 't' });
    const reply = await new CommandClient(connection).run(approve);
    expect(reply).toEqual({ ok: false, code: 'offline', message: expect.stringMatching(/nothing was sent/) });
  });

  it('uses a fresh reqId per command and hands back errors in words', async () => {
    const server = await scriptedServer(async (peer) => {
      peer.send(hello());
      for (;;) {
        const c = await peer.next('command', 10_000).catch(() => null);
        if (!c) return;
        peer.send({ type: 'result', reqId: c.reqId, ok: false, error: { code: 'conflict', message: 'checkpoint cp_1 was already rejected by Grace' } });
      }
    });
    const { commands } = await live(server.url);
    expect(await commands.run(approve)).toEqual({ ok: false, code: 'conflict', message: 'checkpoint cp_1 was already rejected by Grace' });
    await commands.run(approve);
    const reqIds = server.peers[0]!.received.filter((f) => f.type === 'command').map((f) => f.reqId);
    expect(new Set(reqIds).size).toBe(2);
  });

  it('resends once with the same reqId when the result was lost to a dropped socket', async () => {
    const server = await scriptedServer(async (peer, attempt) => {
      peer.send(hello());
      const c = await peer.next('command');
      if (attempt === 1) return peer.ws.terminate();
      peer.send({ type: 'result', reqId: c.reqId, ok: true });
    });
    const { commands } = await live(server.url);
    expect(await commands.run(approve)).toEqual({ ok: true });
    const [first, second] = server.peers.map((p) => p.received.find((f) => f.type === 'command'));
    expect(second.reqId).toBe(first.reqId);
  });

  it('does not resend after the window: the person is told to look again', async () => {
    let now = 1_000_000;
    const server = await scriptedServer(async (peer, attempt) => {
      peer.send(hello());
      if (attempt === 1) {
        await peer.next('command');
        now += RESEND_WINDOW_MS + 1;
        peer.ws.terminate();
      }
    });
    const { commands } = await live(server.url, () => now);
    const reply = await commands.run(approve);
    expect(reply).toMatchObject({ ok: false, code: 'offline', message: expect.stringMatching(/check the session/) });
    await new Promise((r) => setTimeout(r, 100));
    expect(server.peers.slice(1).flatMap((p) => p.received).filter((f) => f.type === 'command')).toEqual([]);
  });

  it('gives up after its timeout when no result comes', async () => {
    const server = await scriptedServer((peer) => peer.send(hello()));
    const { commands } = await live(server.url);
    const started = Date.now();
    expect(await commands.run(approve, 300)).toMatchObject({ ok: false, code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
