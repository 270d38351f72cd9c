import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startBackend, TOKEN } from '../support/backend';
import { cli, runCli } from '../support/cli';
import { tempDir } from '../support/temp-dir';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('parrot-tray sync killed with SIGKILL while writing', () => {
  it('leaves a cache that passes integrity_check, and the next sync converges to the server', async () => {
    // The tenant moves fast, so the kill lands in the middle of batch writes.
    const { backend, url } = await startBackend({ sessions: 400, rate: 1500 });
    const data = tempDir();
    const token = join(tempDir(), 'token');
    writeFileSync(token, TOKEN);
    for (let round = 0; round < 4; round++) {
      const proc = runCli(['sync', '--backend', url, '--token-file', token, '--data', data]);
      const started = Date.now();
      while (!existsSync(join(data, 'cache.sqlite')) && Date.now() - started < 10_000) await sleep(20);
      await sleep(100 + Math.floor(Math.random() * 600));
      proc.child.kill('SIGKILL');
      await proc.exit();
      const db = new Database(join(data, 'cache.sqlite'), { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
    }
    // Stop the tenant, then one more sync must land exactly on the server's state.
    backend.simulation.stop();
    const done = await cli(['sync', '--backend', url, '--token-file', token, '--data', data, '--once']);
    expect(done.code).toBe(0);
    const rows = (await cli(['sessions', '--data', data, '--json'])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    const cached = new Map(rows.map((r) => [r.id, `${r.status}|${r.updatedAt}|${r.title}`]));
    const server = new Map(backend.tenant.all().map((s) => [s.id, `${s.status}|${s.updatedAt}|${s.title}`]));
    expect(cached).toEqual(server);
  }, 60_000);
});
