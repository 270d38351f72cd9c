import { describe, expect, it } from 'vitest';
import { DemoBackend } from '../../src/main/core/demo/server';
import { Session, TranscriptEntry, type FlowRunSession } from '../../src/shared/protocol';
import { startBackend, subscribed } from '../support/backend';

const FIXED = Date.parse('2026-11-24T10:00:00.000Z');

function tenantOf(seed: number, sessions = 60) {
  return new DemoBackend({ token: 't', seed, sessions, rate: 0, clock: () => FIXED }).tenant;
}

function transcriptOf(tenant: ReturnType<typeof tenantOf>, id: string) {
  return tenant.transcriptPage(id, 0, 100_000)!.entries;
}

describe('demo tenant: lifelike and deterministic', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = tenantOf(7).all();
    expect(tenantOf(7).all()).toEqual(a);
    expect(tenantOf(8).all()).not.toEqual(a);
  });

  it('holds at least 60 valid sessions over the three kinds, owners, initiatives and origins', () => {
    const tenant = tenantOf(1);
    const all = tenant.all();
    expect(all.length).toBeGreaterThanOrEqual(60);
    for (const s of all) expect(Session.safeParse(s).success, s.id).toBe(true);
    expect(new Set(all.map((s) => s.kind))).toEqual(new Set(['flow_run', 'background_task', 'chat']));
    expect(new Set(all.map((s) => s.owner.id)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(all.map((s) => s.initiative?.id).filter(Boolean)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(all.map((s) => s.origin?.surface))).toEqual(new Set(['web', 'vscode', 'schedule']));
    expect(all.every((s) => s.origin?.repo && s.origin.branch && s.origin.sandbox)).toBe(true);
  });

  it('covers the states a person should see: paused with checkpoints, failures with messages, fan-out, backgrounded chats', () => {
    const all = tenantOf(1).all();
    const statuses = new Set(all.map((s) => `${s.kind}:${s.status}`));
    for (const s of ['flow_run:paused', 'flow_run:running', 'flow_run:failed', 'flow_run:succeeded', 'background_task:waiting', 'background_task:running', 'chat:open', 'chat:ended']) {
      expect(statuses, s).toContain(s);
    }
    expect(all.filter((s) => s.status === 'failed').every((s) => s.error && s.error.message.length > 10)).toBe(true);
    expect(all.filter((s) => s.checkpoint).every((s) => s.checkpoint!.prompt.length > 0)).toBe(true);
    expect(all.some((s) => s.kind === 'background_task' && s.task.childIds.length > 0)).toBe(true);
    expect(all.some((s) => s.kind === 'background_task' && s.task.backgroundedFrom?.kind === 'chat')).toBe(true);
  });

  it('gives every session a valid transcript, with every entry kind and some credentials', () => {
    const tenant = tenantOf(1);
    const kinds = new Set<string>();
    let withSecret = 0;
    for (const s of tenant.all()) {
      const entries = transcriptOf(tenant, s.id);
      expect(entries.length, s.id).toBeGreaterThan(0);
      entries.forEach((e, i) => {
        expect(TranscriptEntry.safeParse(e).success).toBe(true);
        expect(e.seq).toBe(i + 1);
        kinds.add(e.kind);
      });
      if (/ghp_|AKIA|xox[bp]-|sk_live_|BEGIN [A-Z ]*PRIVATE KEY|glpat-|npm_|eyJ/.test(JSON.stringify(entries))) withSecret++;
    }
    expect(kinds).toEqual(new Set(['message', 'tool_call', 'file_edit', 'step', 'checkpoint', 'status']));
    expect(withSecret).toBeGreaterThan(3);
  });

  it('keeps a lifelike session near 1 KB', () => {
    const sizes = tenantOf(1).all().map((s) => JSON.stringify(s).length);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(500);
    expect(mean).toBeLessThan(2000);
  });
});

describe('demo tenant: moves on its own', () => {
  it('sends changes at --rate without anyone driving it', async () => {
    const { url, backend } = await startBackend({ rate: 50 });
    const { client, seq } = await subscribed(url);
    const frame = await client.next('changes', 3000);
    expect(frame.fromSeq).toBe(seq + 1);
    expect(backend.tenant.headSeq).toBeGreaterThan(seq);
  });

  it('continues a paused run after approve and stops it after reject', async () => {
    const { url, backend } = await startBackend({ sessions: 60 });
    const { client, sessions } = await subscribed(url);
    const paused = sessions.filter((s): s is FlowRunSession => s.kind === 'flow_run' && s.checkpoint);
    expect(paused.length).toBeGreaterThanOrEqual(2);
    const [approved, rejected] = paused as [FlowRunSession, FlowRunSession];
    client.send({ type: 'command', reqId: 'a', action: 'approve', sessionId: approved.id, checkpointId: approved.checkpoint!.id });
    client.send({ type: 'command', reqId: 'r', action: 'reject', sessionId: rejected.id, checkpointId: rejected.checkpoint!.id });
    await client.next('result');
    await client.next('result');
    const rejectedAt = backend.tenant.get(rejected.id)!.updatedAt;
    expect(backend.tenant.get(rejected.id)!.status).toBe('rejected');
    const entries = backend.tenant.transcriptPage(rejected.id, 0, 1000)!.entries;
    expect(entries.some((e) => e.kind === 'checkpoint' && e.checkpoint.decision === 'rejected' && e.checkpoint.decidedBy === 'Ada Lovelace')).toBe(true);
    for (let i = 0; i < 500; i++) backend.simulation.step();
    backend.tenant.flush();
    const after = backend.tenant.get(approved.id) as FlowRunSession | undefined;
    // It moved past the step it was paused on (or finished, or paused again further on).
    expect(after === undefined || after.flow.stepIndex > approved.flow.stepIndex || ['succeeded', 'failed'].includes(after.status)).toBe(true);
    const stopped = backend.tenant.get(rejected.id);
    expect(stopped === undefined || stopped.status === 'rejected').toBe(true);
    if (stopped) expect(stopped.updatedAt).toBe(rejectedAt);
  });
});

describe('demo tenant: pace', () => {
  it.each([2, 20, 400])('makes --rate %i changes a second of its own clock', (rate) => {
    let now = FIXED;
    const backend = new DemoBackend({ token: 't', seed: 5, sessions: 60, rate, clock: () => now });
    const { simulation, tenant } = backend;
    simulation.start();
    simulation.stop();
    const start = tenant.headSeq;
    for (let second = 0; second < 10; second++) {
      now += 1000;
      simulation.catchUp();
    }
    // Whole changes only: a move that spawns a child makes two, so the count may run one over.
    expect(tenant.headSeq - start).toBeGreaterThanOrEqual(rate * 10);
    expect(tenant.headSeq - start).toBeLessThanOrEqual(rate * 10 + 10);
  });

  it('leaves a decided checkpoint out of the session rather than sending null', () => {
    const backend = new DemoBackend({ token: 't', seed: 5, rate: 0, clock: () => FIXED });
    const paused = backend.tenant.all().find((s) => s.checkpoint)!;
    backend.commands.handle({ type: 'command', reqId: 'c', action: 'approve', sessionId: paused.id, checkpointId: paused.checkpoint!.id }, { id: 'u_ada', name: 'Ada Lovelace' });
    expect('checkpoint' in backend.tenant.get(paused.id)!).toBe(false);
  });
});
