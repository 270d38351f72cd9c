import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/shared/protocol';
import { connect, startBackend, subscribed } from '../support/backend';

const pausedRun = (sessions: Session[]) => sessions.find((s) => s.kind === 'flow_run' && s.checkpoint)!;

describe('demo backend: commands (section 3.6)', () => {
  it('approves a pending checkpoint: ok, then the change arrives through changes', async () => {
    const { url } = await startBackend();
    const { client, sessions } = await subscribed(url);
    const run = pausedRun(sessions);
    client.send({ type: 'command', reqId: 'c1', action: 'approve', sessionId: run.id, checkpointId: run.checkpoint!.id });
    expect(await client.next('result')).toEqual({ type: 'result', reqId: 'c1', ok: true });
    const change = await client.next('changes');
    const upsert = change.items.find((i: any) => i.op === 'upsert' && i.session.id === run.id);
    expect(upsert.session).toMatchObject({ status: 'running' });
    expect(upsert.session.checkpoint ?? null).toBeNull();
  });

  it('decides a paused run that carries no steps list (optional detail) without failing the connection', async () => {
    const { url, backend } = await startBackend();
    const { client, sessions } = await subscribed(url);
    const run = pausedRun(sessions) as Extract<Session, { kind: 'flow_run' }>;
    backend.tenant.upsert({ ...run, flow: { ...run.flow, steps: [] } });
    backend.tenant.flush();
    await client.next('changes');
    client.send({ type: 'command', reqId: 'c-bare', action: 'approve', sessionId: run.id, checkpointId: run.checkpoint!.id });
    expect(await client.next('result')).toEqual({ type: 'result', reqId: 'c-bare', ok: true });
    const change = await client.next('changes');
    expect(change.items.find((i: any) => i.session?.id === run.id).session).toMatchObject({ status: 'running', flow: { steps: [] } });
  });

  it('answers a repeated reqId with the first answer and acts once', async () => {
    const { url, backend } = await startBackend();
    const { client, sessions } = await subscribed(url);
    const run = pausedRun(sessions);
    const command = { type: 'command', reqId: 'c-same', action: 'reject', sessionId: run.id, checkpointId: run.checkpoint!.id, comment: 'no' };
    client.send(command);
    const first = await client.next('result');
    const head = backend.tenant.headSeq;
    client.send(command);
    expect(await client.next('result')).toEqual(first);
    expect(backend.tenant.headSeq).toBe(head);
    // Another connection resending the same reqId after a reconnect gets the same answer.
    const again = await connect(url);
    await again.next('hello');
    again.send(command);
    expect(await again.next('result')).toEqual(first);
  });

  it('answers a stale checkpoint with conflict, naming who decided it', async () => {
    const { url } = await startBackend();
    const { client, sessions } = await subscribed(url);
    const run = pausedRun(sessions);
    client.send({ type: 'command', reqId: 'c1', action: 'reject', sessionId: run.id, checkpointId: run.checkpoint!.id });
    await client.next('result');
    client.send({ type: 'command', reqId: 'c2', action: 'approve', sessionId: run.id, checkpointId: run.checkpoint!.id });
    const result = await client.next('result');
    expect(result).toMatchObject({ reqId: 'c2', ok: false, error: { code: 'conflict' } });
    expect(result.error.message).toBe(`checkpoint ${run.checkpoint!.id} was already rejected by Ada Lovelace`);
  });

  it('answers an unknown session with not_found', async () => {
    const { url } = await startBackend();
    const { client } = await subscribed(url);
    client.send({ type: 'command', reqId: 'c1', action: 'cancel', sessionId: 'fr_missing' });
    expect(await client.next('result')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('answers a malformed command with invalid, keeping its reqId', async () => {
    const { url } = await startBackend();
    const { client, sessions } = await subscribed(url);
    client.send({ type: 'command', reqId: 'c1', action: 'approve', sessionId: pausedRun(sessions).id });
    expect(await client.next('result')).toMatchObject({ reqId: 'c1', ok: false, error: { code: 'invalid' } });
    client.send({ type: 'command', reqId: 'c2', action: 'end', sessionId: pausedRun(sessions).id });
    expect(await client.next('result')).toMatchObject({ reqId: 'c2', ok: false, error: { code: 'invalid' } });
  });

  it('ends an open chat once, and cancels running work', async () => {
    const { url } = await startBackend();
    const { client, sessions } = await subscribed(url);
    const chat = sessions.find((s) => s.kind === 'chat' && s.status === 'open')!;
    client.send({ type: 'command', reqId: 'e1', action: 'end', sessionId: chat.id });
    expect(await client.next('result')).toMatchObject({ ok: true });
    client.send({ type: 'command', reqId: 'e2', action: 'end', sessionId: chat.id });
    expect(await client.next('result')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const running = sessions.find((s) => s.kind === 'background_task' && s.status === 'running')!;
    client.send({ type: 'command', reqId: 'x1', action: 'cancel', sessionId: running.id });
    expect(await client.next('result')).toMatchObject({ ok: true });
    const finished = sessions.find((s) => s.status === 'succeeded')!;
    client.send({ type: 'command', reqId: 'x2', action: 'cancel', sessionId: finished.id });
    expect(await client.next('result')).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('resumes a waiting task without a checkpoint, and refuses one that has a checkpoint', async () => {
    const { url, backend } = await startBackend();
    const { client, sessions } = await subscribed(url);
    const waiting = sessions.find((s) => s.kind === 'background_task' && s.checkpoint)!;
    client.send({ type: 'command', reqId: 'r1', action: 'resume', sessionId: waiting.id });
    expect(await client.next('result')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    backend.tenant.upsert({ ...waiting, checkpoint: null });
    backend.tenant.flush();
    client.send({ type: 'command', reqId: 'r2', action: 'resume', sessionId: waiting.id });
    expect(await client.next('result')).toMatchObject({ ok: true });
    expect(backend.tenant.get(waiting.id)!.status).toBe('running');
  });
});
