import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isActive } from '../../src/shared/sessions';
import { startBackend, TOKEN } from '../support/backend';
import { cli, runCli } from '../support/cli';
import { waitFor } from '../support/scripted-server';
import { tempDir } from '../support/temp-dir';

function tokenFile(value = TOKEN): string {
  const file = join(tempDir(), 'token');
  writeFileSync(file, `${value}\n`);
  return file;
}

async function syncedCache(options: Parameters<typeof startBackend>[0] = {}) {
  const { backend, url } = await startBackend(options);
  const data = tempDir();
  const result = await cli(['sync', '--backend', url, '--token-file', tokenFile(), '--data', data, '--once']);
  expect(result.stderr).not.toContain(TOKEN);
  expect(result.code).toBe(0);
  // Once per connection: the head of its hello (README, "Caught up").
  expect(result.stderr.match(/^parrot-tray sync: caught up at seq \d+$/gm)).toHaveLength(1);
  return { backend, url, data };
}

const SUMMARY_FIELDS = ['id', 'kind', 'title', 'status', 'category', 'active', 'progress', 'owner', 'ownerId', 'updatedAt', 'error', 'checkpointId', 'profile'];

describe('parrot-tray sync, sessions, transcript', () => {
  it('sync --once catches up, then sessions lists the cache offline, active first, with exactly the documented fields', async () => {
    const { backend, data } = await syncedCache();
    await backend.stop();
    const { code, stdout } = await cli(['sessions', '--data', data, '--json']);
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(backend.tenant.size);
    for (const row of rows) expect(Object.keys(row)).toEqual(SUMMARY_FIELDS);
    const firstInactive = rows.findIndex((r) => !r.active);
    expect(rows.slice(firstInactive).every((r) => !r.active)).toBe(true);
    const now = Date.now();
    expect(rows.filter((r) => r.active).map((r) => r.id).sort()).toEqual(backend.tenant.all().filter((s) => isActive(s, now)).map((s) => s.id).sort());
    const paused = rows.find((r) => r.checkpointId);
    expect(paused.category).toBe('attention');
    expect(rows.find((r) => r.status === 'failed').error).toMatch(/\w+/);
  });

  it('filters by view, kind, owner and search, and prints a readable table by default', async () => {
    const { backend, data } = await syncedCache();
    const chats = (await cli(['sessions', '--data', data, '--kind', 'chat', '--json'])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(chats.every((r) => r.kind === 'chat')).toBe(true);
    const mine = (await cli(['sessions', '--data', data, '--owner', 'u_ada', '--view', 'active', '--json'])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(mine.every((r) => r.ownerId === 'u_ada' && r.active)).toBe(true);
    const title = backend.tenant.all()[0]!.title;
    const found = (await cli(['sessions', '--data', data, '--search', title.slice(3, 12).toUpperCase(), '--json'])).stdout;
    expect(found).toContain(title);
    const table = (await cli(['sessions', '--data', data])).stdout;
    expect(table.split('\n')[0]).toMatch(/STATUS\s+KIND\s+TITLE\s+PROGRESS\s+OWNER\s+MOVED/);
    expect(table).toMatch(/Step \d+ of \d+/);
  });

  it('transcript prints the cached transcript with every credential redacted', async () => {
    const { backend, data } = await syncedCache({ sessions: 80 });
    await backend.stop();
    const leaky = backend.tenant.all().find((s) => /ghp_|AKIA|xox[bp]-|BEGIN [A-Z ]*PRIVATE KEY/.test(JSON.stringify(backend.tenant.transcriptPage(s.id, 0, 1e6))))!;
    const { code, stdout } = await cli(['transcript', leaky.id, '--data', data, '--json']);
    expect(code).toBe(0);
    const entries = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(entries.length).toBe(backend.tenant.transcriptLength(leaky.id));
    expect(stdout).toContain('[REDACTED:');
    expect(stdout).not.toMatch(/ghp_[A-Za-z0-9]{36}|AKIA[A-Z2-7]{16}|xox[bp]-\d|BEGIN [A-Z ]*PRIVATE KEY-----\s*[A-Za-z0-9+/]/);
    const raw = readFileSync(join(data, 'cache.sqlite')).toString('latin1') + readFileSync(join(data, 'cache.sqlite-wal'), { flag: 'a+' }).toString('latin1');
    expect(raw).not.toMatch(/ghp_[A-Za-z0-9]{36}/);
  });

  it('a wrong token ends sync quickly with exit 3 and names sign-in', async () => {
    const { url } = await startBackend();
    const started = Date.now();
    const { code, stderr } = await cli(['sync', '--backend', url, '--token-file', tokenFile('wrong'), '--data', tempDir()]);
    expect(code).toBe(3);
    expect(stderr).toMatch(/sign-in needed/);
    expect(stderr).not.toContain('wrong');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it.each([
    [['sync', '--backend', 'ws://api.example.com/stream', '--data', 'x'], 2, /refusing ws:\/\/api.example.com/],
    [['sync', '--backend', 'nonsense', '--data', 'x'], 2, /not a URL/],
    [['sync', '--backend', 'wss://x.example', '--data', 'x'], 2, /no token/],
    [['sessions', '--data', '/nonexistent/parrot'], 1, /no cache at \/nonexistent\/parrot/],
    [['sessions'], 2, /--data DIR is required/],
    [['sessions', '--data', 'x', '--view', 'soon'], 2, /--view must be one of/],
    [['transcript', '--data', 'x'], 2, /exactly one session ID/],
  ])('%j: one clear line and exit %i', async (args, expected, message) => {
    const { code, stderr } = await cli(args as string[]);
    expect(code).toBe(expected);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a corrupt cache: sessions says so in one line; sync moves it aside and rebuilds', async () => {
    const { url } = await startBackend();
    const data = tempDir();
    writeFileSync(join(data, 'cache.sqlite'), 'this is not a database, it is a shopping list');
    const read = await cli(['sessions', '--data', data]);
    expect(read.code).toBe(1);
    expect(read.stderr.trim().split('\n')).toHaveLength(1);
    const sync = await cli(['sync', '--backend', url, '--token-file', tokenFile(), '--data', data, '--once']);
    expect(sync.code).toBe(0);
    const moved = /moved it to (\S+cache\.sqlite\.corrupt-\S+)/.exec(sync.stderr);
    expect(sync.stderr).toMatch(/was damaged/);
    // The damaged file is kept for the person, never silently deleted.
    expect(readFileSync(moved![1]!, 'utf8')).toContain('shopping list');
    expect((await cli(['sessions', '--data', data, '--json'])).stdout.trim().split('\n').length).toBeGreaterThan(10);
  });

  it('while sync runs, sessions in another process sees a change within about a second (sync writes the file for it)', async () => {
    const { backend, url } = await startBackend();
    const data = tempDir();
    const proc = runCli(['sync', '--backend', url, '--token-file', tokenFile(), '--data', data]);
    await waitFor(() => /caught up at seq/.test(proc.output().stderr), 10_000, 'the first catch-up');
    const renamed = { ...backend.tenant.all()[0]!, title: 'Renamed while sync runs' };
    backend.tenant.upsert(renamed);
    backend.tenant.flush();
    const titleSeen = async () => {
      const { stdout } = await cli(['sessions', '--data', data, '--json', '--view', 'all']);
      return stdout.split('\n').filter(Boolean).some((l) => (JSON.parse(l) as { title: string }).title === renamed.title);
    };
    const until = Date.now() + 5_000;
    let seen = await titleSeen();
    while (!seen && Date.now() < until) seen = await titleSeen();
    expect(seen).toBe(true);
    proc.child.kill('SIGTERM');
    expect((await proc.exit()).code).toBe(0);
  });

  it('sync --events prints notify, summary and withdraw decisions as JSON lines', async () => {
    const { backend, url } = await startBackend();
    const proc = runCli(['sync', '--backend', url, '--token-file', tokenFile(), '--data', tempDir(), '--events']);
    const first = JSON.parse(await proc.nextLine());
    const mineWaiting = backend.tenant.all().filter((s) => s.checkpoint && s.owner.id === 'u_ada');
    expect(first).toMatchObject(mineWaiting.length > 3 ? { event: 'summary', title: `${mineWaiting.length} approvals waiting` } : { event: 'notify' });
    expect(Object.keys(first)).toEqual(['event', 'sessionId', 'checkpointId', 'title', 'body', 'at']);
    // A colleague decides one of Ada's checkpoints elsewhere: the notification is withdrawn.
    const target = mineWaiting[0]!;
    backend.commands.handle({ type: 'command', reqId: 'elsewhere', action: 'approve', sessionId: target.id, checkpointId: target.checkpoint!.id }, { id: 'u_grace', name: 'Grace Hopper' });
    let line = JSON.parse(await proc.nextLine());
    while (mineWaiting.length <= 3 && line.event === 'notify') line = JSON.parse(await proc.nextLine());
    expect(line).toMatchObject({ event: 'withdraw', sessionId: target.id, checkpointId: target.checkpoint!.id });
    proc.child.kill('SIGTERM');
    expect((await proc.exit()).code).toBe(0);
  });
});
