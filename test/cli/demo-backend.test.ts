import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../support/cli';
import { TestClient } from '../support/client';

describe('parrot-tray demo-backend', () => {
  it('prints exactly "listening ws://HOST:PORT" first, serves the protocol, and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parrot-cli-'));
    writeFileSync(join(dir, 'token'), 'file-token\n');
    const proc = run(['demo-backend', '--port', '0', '--token-file', join(dir, 'token'), '--seed', '3', '--sessions', '70', '--rate', '5']);
    const line = await proc.nextLine();
    expect(line).toMatch(/^listening ws:\/\/127\.0\.0\.1:\d+$/);
    const url = line.slice('listening '.length);
    expect(await TestClient.refusedStatus(url, { token: 'wrong' })).toBe(401);
    const client = await TestClient.connect(url, { token: 'file-token' });
    expect((await client.next('hello')).headSeq).toBeGreaterThan(0);
    client.close();
    proc.child.kill('SIGTERM');
    expect((await proc.exit()).code).toBe(0);
  });

  it('accepts the demo token when none is given, without printing it', async () => {
    const proc = run(['demo-backend']);
    const url = (await proc.nextLine()).slice('listening '.length);
    const client = await TestClient.connect(url, { token: 'demo-token' });
    await client.next('hello');
    client.close();
    proc.child.kill('SIGINT');
    const { code, stderr } = await proc.exit();
    expect(code).toBe(0);
    expect(stderr).not.toContain('demo-token');
  });

  it.each([
    [['--help'], 0, /Usage: parrot-tray <command>/],
    [['demo-backend', '--help'], 0, /--sessions N/],
  ])('shows help for %j', async (args, code, text) => {
    const result = await run(args).exit();
    expect(result.code).toBe(code);
    expect(result.stdout).toMatch(text);
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['demo-backend', '--bogus'], /Unknown option '--bogus'/],
    [['demo-backend', '--port', 'eighty'], /--port must be a whole number/],
    [['demo-backend', '--rate=-1'], /--rate must be a number/],
    [['demo-backend', '--rate', '-1'], /Option '--rate' argument is ambiguous/],
  ])('exits 2 with one line for %j', async (args, message) => {
    const { code, stderr } = await run(args).exit();
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('exits 1 with one line for an unreadable token file', async () => {
    const { code, stderr } = await run(['demo-backend', '--token-file', '/nonexistent/token']).exit();
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('parrot-tray demo-backend: cannot read the token file /nonexistent/token: no such file');
  });
});
