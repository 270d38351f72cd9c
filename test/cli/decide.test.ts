import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBackend, TOKEN } from '../support/backend';
import { cli } from '../support/cli';
import { tempDir } from '../support/temp-dir';

function tokenFile(): string {
  const file = join(tempDir(), 'token');
  writeFileSync(file, TOKEN);
  return file;
}

describe('parrot-tray approve / reject', () => {
  it('approves a pending checkpoint, then reports a conflict in words for the stale one', async () => {
    const { backend, url } = await startBackend();
    const paused = backend.tenant.all().find((s) => s.kind === 'flow_run' && s.checkpoint)!;
    const checkpointId = paused.checkpoint!.id;
    const ok = await cli(['approve', paused.id, '--backend', url, '--token-file', tokenFile()]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`Approved checkpoint ${checkpointId} of ${paused.id}`);
    expect(backend.tenant.get(paused.id)!.status).toBe('running');
    const stale = await cli(['reject', paused.id, '--backend', url, '--token-file', tokenFile(), '--checkpoint', checkpointId]);
    expect(stale.code).toBe(1);
    expect(stale.stderr.trim()).toBe(`parrot-tray reject: conflict: checkpoint ${checkpointId} was already approved by Ada Lovelace`);
  });

  it('rejects with a comment', async () => {
    const { backend, url } = await startBackend();
    const paused = backend.tenant.all().find((s) => s.kind === 'flow_run' && s.checkpoint)!;
    const { code } = await cli(['reject', paused.id, '--backend', url, '--token-file', tokenFile(), '--comment', 'not before the freeze ends']);
    expect(code).toBe(0);
    const entries = backend.tenant.transcriptPage(paused.id, 0, 1000)!.entries;
    expect(entries.some((e) => e.kind === 'checkpoint' && e.checkpoint.comment === 'not before the freeze ends')).toBe(true);
  });

  it('says not found, nothing to approve, offline and sign-in with their own exit codes', async () => {
    const { backend, url } = await startBackend();
    const done = backend.tenant.all().find((s) => s.status === 'succeeded')!;
    const missing = await cli(['approve', 'fr_nope', '--backend', url, '--token-file', tokenFile()]);
    expect([missing.code, missing.stderr]).toEqual([1, 'parrot-tray approve: not found: there is no session fr_nope\n']);
    const nothing = await cli(['approve', done.id, '--backend', url, '--token-file', tokenFile()]);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/has no pending checkpoint/);
    const signIn = await cli(['approve', done.id, '--backend', url, '--token', 'wrong']);
    expect(signIn.code).toBe(3);
    await backend.stop();
    const offline = await cli(['approve', done.id, '--backend', url, '--token-file', tokenFile(), '--timeout', '2']);
    expect(offline.code).toBe(5);
    expect(offline.stderr).toMatch(/offline: could not reach .*nothing was sent/);
  });
});
