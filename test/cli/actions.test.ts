import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DemoBackend } from '../../src/main/core/demo/server';
import type { CommandFrame, Session } from '../../src/shared/protocol';
import { startBackend, TOKEN } from '../support/backend';
import { cli } from '../support/cli';
import { tempDir } from '../support/temp-dir';

function tokenFile(): string {
  const file = join(tempDir(), 'token');
  writeFileSync(file, TOKEN);
  return file;
}

/** Every command frame the backend is handed, in order: what reached it, not what the CLI meant to send. */
function recordCommands(backend: DemoBackend): Array<Pick<CommandFrame, 'action' | 'sessionId'>> {
  const seen: Array<Pick<CommandFrame, 'action' | 'sessionId'>> = [];
  const handle = backend.commands.handle.bind(backend.commands);
  backend.commands.handle = (frame, actor) => {
    seen.push({ action: frame.action, sessionId: frame.sessionId });
    return handle(frame, actor);
  };
  return seen;
}

/** A demo backend whose tenant holds a session in each state these tests need, before any client connects. */
async function backendWithTargets() {
  const { backend, url } = await startBackend();
  const all = backend.tenant.all();
  const running = all.find((s) => s.kind === 'flow_run' && s.status === 'running')!;
  const task = all.find((s) => s.kind === 'background_task' && s.status === 'running')!;
  const chat = all.find((s) => s.kind === 'chat' && s.status === 'open' && !s.chat.ended)!;
  const withCheckpoint = all.find((s) => s.kind === 'flow_run' && s.checkpoint)!;
  // A paused run with nothing left to decide: what resume is for.
  const paused = backend.tenant.upsert({ ...running, id: 'fr_parked', title: 'Parked after a manual hold', status: 'paused', checkpoint: null } as Session);
  backend.tenant.flush();
  for (const s of [running, task, chat, withCheckpoint]) expect(s, 'the seeded tenant lacks a session these tests need').toBeTruthy();
  return { backend, url, running, task, chat, paused, withCheckpoint, seen: recordCommands(backend) };
}

const flags = (url: string) => ['--backend', url, '--token-file', tokenFile()];

describe('parrot-tray resume / cancel / end', () => {
  it('each reaches the backend with its own id, and the session moves there', async () => {
    const t = await backendWithTargets();
    const resumed = await cli(['resume', t.paused.id, ...flags(t.url)]);
    expect([resumed.code, resumed.stderr]).toEqual([0, '']);
    expect(resumed.stdout.trim()).toBe(`Resumed ${t.paused.id} ("${t.paused.title}").`);
    const cancelled = await cli(['cancel', t.task.id, ...flags(t.url)]);
    expect([cancelled.code, cancelled.stdout.trim()]).toEqual([0, `Cancelled ${t.task.id} ("${t.task.title}").`]);
    const ended = await cli(['end', t.chat.id, ...flags(t.url)]);
    expect([ended.code, ended.stdout.trim()]).toEqual([0, `Ended ${t.chat.id} ("${t.chat.title}").`]);
    expect(t.seen).toEqual([
      { action: 'resume', sessionId: t.paused.id },
      { action: 'cancel', sessionId: t.task.id },
      { action: 'end', sessionId: t.chat.id },
    ]);
    expect(t.backend.tenant.get(t.paused.id)!.status).toBe('running');
    expect(t.backend.tenant.get(t.task.id)!.status).toBe('cancelled');
    expect(t.backend.tenant.get(t.chat.id)!.status).toBe('ended');
  });

  it("says a conflict in the server's words, with approve's exit code: cancel twice, end an ended chat", async () => {
    const t = await backendWithTargets();
    expect((await cli(['cancel', t.running.id, ...flags(t.url)])).code).toBe(0);
    const again = await cli(['cancel', t.running.id, ...flags(t.url)]);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe(`parrot-tray cancel: conflict: ${t.running.id} is cancelled and cannot be cancelled\n`);
    expect((await cli(['end', t.chat.id, ...flags(t.url)])).code).toBe(0);
    const ended = await cli(['end', t.chat.id, ...flags(t.url)]);
    expect([ended.code, ended.stderr]).toEqual([1, `parrot-tray end: conflict: chat ${t.chat.id} has already ended\n`]);
    // Both refusals were the server's: the second command of each pair reached it.
    expect(t.seen.map((c) => c.sessionId)).toEqual([t.running.id, t.running.id, t.chat.id, t.chat.id]);
  });

  it('leaves a checkpoint to approve and reject, and end to chats, in words', async () => {
    const t = await backendWithTargets();
    const resume = await cli(['resume', t.withCheckpoint.id, ...flags(t.url)]);
    expect(resume.code).toBe(1);
    expect(resume.stderr).toBe(`parrot-tray resume: conflict: ${t.withCheckpoint.id} waits on checkpoint ${t.withCheckpoint.checkpoint!.id}: approve or reject it\n`);
    expect(t.backend.tenant.get(t.withCheckpoint.id)!.checkpoint?.id).toBe(t.withCheckpoint.checkpoint!.id);
    const end = await cli(['end', t.running.id, ...flags(t.url)]);
    expect([end.code, end.stderr]).toEqual([1, `parrot-tray end: invalid: end applies to chats; ${t.running.id} is a flow_run\n`]);
    expect(t.backend.tenant.get(t.running.id)!.status).toBe('running');
  });

  it('says not found for an unknown id, sending nothing', async () => {
    const t = await backendWithTargets();
    for (const action of ['resume', 'cancel', 'end']) {
      const missing = await cli([action, 'fr_nope', ...flags(t.url)]);
      expect([missing.code, missing.stderr]).toEqual([1, `parrot-tray ${action}: not found: there is no session fr_nope\n`]);
    }
    expect(t.seen).toEqual([]);
  });

  it('has the exit codes of approve for sign-in, offline and usage', async () => {
    const t = await backendWithTargets();
    expect((await cli(['cancel', t.running.id, '--backend', t.url, '--token', 'wrong'])).code).toBe(3);
    const twoIds = await cli(['end', t.chat.id, t.chat.id, ...flags(t.url)]);
    expect([twoIds.code, twoIds.stderr]).toEqual([2, 'parrot-tray end: give exactly one session ID (see "parrot-tray end --help")\n']);
    const decisionFlag = await cli(['cancel', t.running.id, '--checkpoint', 'cp_1', ...flags(t.url)]);
    expect(decisionFlag.code).toBe(2);
    await t.backend.stop();
    const offline = await cli(['cancel', t.running.id, ...flags(t.url), '--timeout', '2']);
    expect(offline.code).toBe(5);
    expect(offline.stderr).toMatch(/^parrot-tray cancel: offline: could not reach .*nothing was sent\n$/);
    expect(t.seen).toEqual([]);
  });

  it('lists the three in the help, each with its own help and exit codes', async () => {
    const help = await cli(['--help']);
    for (const name of ['resume', 'cancel', 'end']) expect(help.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    const cancel = await cli(['cancel', '--help']);
    expect(cancel.code).toBe(0);
    expect(cancel.stdout).toMatch(/^Usage: parrot-tray cancel ID --backend URL \[--data DIR\]$/m);
    expect(cancel.stdout).toContain('Exit codes: 0 cancelled, 1 conflict / not found / refused, 2 usage, 3 sign-in needed, 4 update needed, 5 offline.');
    expect(cancel.stdout).toMatch(/cannot be resumed/);
    const approve = await cli(['approve', '--help']);
    expect(approve.stdout).toMatch(/^Usage: parrot-tray approve ID --backend URL \[--comment TEXT\] \[--checkpoint CP\] \[--data DIR\]$/m);
    expect(approve.stdout).toContain('Exit codes: 0 approved, 1 conflict');
  });
});
