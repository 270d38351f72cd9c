import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BRIDGE_PROTOCOL, type AppStatus, type CoreMessage, type SessionsResult } from '../../src/shared/api';
import { scopeId } from '../../src/shared/api/scoped-id';
import { startBackend } from '../support/backend';
import { cli, runCli } from '../support/cli';
import { waitFor } from '../support/scripted-server';
import { tempDir } from '../support/temp-dir';

const sockets: WebSocket[] = [];
afterEach(() => {
  for (const ws of sockets.splice(0)) ws.terminate();
});

function tokenFile(token: string): string {
  const file = join(tempDir(), 'token');
  writeFileSync(file, `${token}\n`);
  return file;
}

/** The page's side of the bridge, as the renderer opens it: the secret from the printed URL, the preview's own origin. */
async function bridge(printed: string) {
  const url = new URL(printed.replace(/^serving /, ''));
  const secret = new URLSearchParams(url.hash.slice(1)).get('secret')!;
  const ws = new WebSocket(`ws://${url.host}/bridge`, [BRIDGE_PROTOCOL, `secret.${secret}`], { headers: { origin: url.origin } });
  sockets.push(ws);
  const messages: CoreMessage[] = [];
  ws.on('message', (d) => messages.push(JSON.parse(String(d)) as CoreMessage));
  await new Promise((r) => ws.once('open', r));
  const send = (m: unknown) => ws.send(JSON.stringify(m));
  const lastStatus = () => [...messages].reverse().find((m): m is Extract<CoreMessage, { t: 'status' }> => m.t === 'status')?.status ?? null;
  const lastResult = (qid: number) => [...messages].reverse().find((m): m is Extract<CoreMessage, { t: 'result' }> => m.t === 'result' && m.qid === qid)?.result ?? null;
  return { send, messages, lastStatus, lastResult };
}

describe('parrot-tray web --data DIR: every profile in one Command Center', () => {
  it('shows both tenants labelled, routes an approval to its own backend, and follows "profiles remove"', async () => {
    const acme = await startBackend({ token: 'acme-token', seed: 1, sessions: 30 });
    const globex = await startBackend({ token: 'globex-token', seed: 2, sessions: 30 });
    const data = tempDir();
    for (const [name, t, token] of [['Acme Corp', acme, 'acme-token'], ['Globex', globex, 'wrong-token']] as const) {
      expect((await cli(['profiles', 'add', name, '--backend', t.url, '--token-file', tokenFile(token), '--data', data])).code).toBe(0);
    }
    const web = runCli(['web', '--data', data]);
    const page = await bridge(await web.nextLine());
    page.send({ t: 'hello' });
    page.send({ t: 'watch', qid: 1, query: { view: 'sessions', filters: {}, offset: 0, limit: 500 } });

    // Globex refuses its token: named as needing sign-in, while Acme's rows are live.
    await waitFor(() => {
      const s = page.lastStatus();
      return s?.profiles[0]?.connection.phase === 'live' && s.profiles[1]?.connection.phase === 'signin-needed';
    }, 15_000);
    const status = page.lastStatus() as AppStatus;
    expect(status.profiles.map((p) => p.name)).toEqual(['Acme Corp', 'Globex']);
    expect(status.connection.phase).toBe('signin-needed');
    await waitFor(() => (page.lastResult(1) as SessionsResult | null)?.total === acme.backend.tenant.size, 15_000);
    expect((page.lastResult(1) as SessionsResult).rows.every((r) => r.session.id.startsWith('acme-corp/'))).toBe(true);

    // Added again with the right token, in another terminal: Globex's rows join, each labelled by its scope.
    await cli(['profiles', 'remove', 'Globex', '--data', data, '--yes']);
    expect((await cli(['profiles', 'add', 'Globex', '--backend', globex.url, '--token-file', tokenFile('globex-token'), '--data', data])).code).toBe(0);
    await waitFor(() => (page.lastResult(1) as SessionsResult | null)?.total === acme.backend.tenant.size + globex.backend.tenant.size, 20_000);

    const paused = acme.backend.tenant.all().find((s) => s.checkpoint && globex.backend.tenant.get(s.id))!;
    expect(paused, 'the two seeds share no waiting session id').toBeTruthy();
    const theirs = globex.backend.tenant.get(paused.id)!;
    page.send({ t: 'call', id: 7, method: 'command', params: { action: 'approve', sessionId: scopeId('acme-corp', paused.id), checkpointId: paused.checkpoint!.id } });
    await waitFor(() => page.messages.some((m) => m.t === 'reply' && m.id === 7), 10_000);
    expect(page.messages.find((m) => m.t === 'reply' && m.id === 7)).toMatchObject({ ok: true, result: { ok: true } });
    expect(acme.backend.tenant.decisionOf(paused.checkpoint!.id)?.decision).toBe('approved');
    expect(globex.backend.tenant.get(paused.id)).toEqual(theirs);

    // Removing a profile in another terminal takes its rows out of the running preview.
    expect((await cli(['profiles', 'remove', 'Globex', '--data', data, '--yes'])).code).toBe(0);
    await waitFor(() => page.lastStatus()?.profiles.length === 1, 10_000);
    await waitFor(() => (page.lastResult(1) as SessionsResult | null)?.total === acme.backend.tenant.size, 10_000);
    expect(existsSync(join(data, 'profiles', 'globex'))).toBe(false);
    web.child.kill('SIGINT');
    expect((await web.exit()).code).toBe(0);
  });

  it('says how to add a profile when --data has none', async () => {
    const data = tempDir();
    const run = await cli(['web', '--data', data]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${data} has no profiles: add one (parrot-tray profiles add NAME --backend URL --token-file F --data ${data}), or give --backend URL|demo`);
  });
});
