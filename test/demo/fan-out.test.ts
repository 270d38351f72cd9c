import { describe, expect, it } from 'vitest';
import { DemoBackend } from '../../src/main/core/demo/server';
import { Simulation } from '../../src/main/core/demo/simulation';
import { DEMO_USER } from '../../src/main/core/demo/content/people';
import { Session, type TaskSession } from '../../src/shared/protocol';

const FIXED = Date.parse('2026-11-24T10:00:00.000Z');

const backendOf = (seed: number) => new DemoBackend({ token: 't', seed, sessions: 60, rate: 0, clock: () => FIXED });

/** The fan-out parents whose children wait at checkpoints, with those children. */
function waitingFamilies(all: Session[]): { parent: TaskSession; waiting: TaskSession[] }[] {
  const byId = new Map(all.map((s) => [s.id, s]));
  return all
    .filter((s): s is TaskSession => s.kind === 'background_task' && s.task.childIds.length > 0)
    .map((parent) => ({ parent, waiting: parent.task.childIds.map((id) => byId.get(id)).filter((c): c is TaskSession => c?.kind === 'background_task' && Boolean(c.checkpoint)) }))
    .filter((f) => f.waiting.length > 0);
}

describe('demo tenant: fan-out parents whose children wait', () => {
  it.each([1, 2, 7, 42])('seed %i starts with a parent of the signed-in person, several children asking at once', (seed) => {
    const all = backendOf(seed).tenant.all();
    const family = waitingFamilies(all).find((f) => f.waiting.length >= 3);
    expect(family, 'a parent with three children waiting').toBeDefined();
    const { parent, waiting } = family!;
    expect(parent.owner).toEqual(DEMO_USER);
    expect(parent.status).toBe('running');
    for (const child of waiting) {
      expect(Session.safeParse(child).success, child.id).toBe(true);
      expect(child.task.parentId).toBe(parent.id);
      expect(child.status).toBe('waiting');
      expect(child.checkpoint!.step).toBeTruthy();
      expect(child.checkpoint!.prompt.length).toBeGreaterThan(0);
      expect(Date.parse(child.checkpoint!.requestedAt)).toBeLessThanOrEqual(FIXED);
    }
    expect(new Set(waiting.map((c) => c.checkpoint!.id)).size).toBe(waiting.length);
    // They asked one after another, so each has waited its own time.
    expect(new Set(waiting.map((c) => c.checkpoint!.requestedAt)).size).toBe(waiting.length);
    // Not every child waits: the roll-up has more than one thing to say.
    expect(parent.task.childIds.length).toBeGreaterThan(waiting.length);
  });

  it('is the same fan-out for the same seed', () => {
    const a = waitingFamilies(backendOf(3).tenant.all());
    expect(waitingFamilies(backendOf(3).tenant.all())).toEqual(a);
  });

  it('holds the parent while its children ask, and lets it go on once they are decided', () => {
    const backend = backendOf(1);
    const { tenant, simulation, commands } = backend;
    const { parent, waiting } = waitingFamilies(tenant.all()).find((f) => f.waiting.length >= 3)!;
    for (let i = 0; i < 600; i++) simulation.step();
    tenant.flush();
    // Hers: no colleague decided them, and the parent did not finish under them.
    expect(tenant.get(parent.id)).toEqual(parent);
    for (const child of waiting) expect(tenant.get(child.id)!.checkpoint).toEqual(child.checkpoint);
    for (const [i, child] of waiting.entries()) {
      const outcome = commands.handle({ type: 'command', reqId: `fan-${i}`, action: 'approve', sessionId: child.id, checkpointId: child.checkpoint!.id }, DEMO_USER);
      expect(outcome).toEqual({ ok: true });
      expect(tenant.decisionOf(child.checkpoint!.id)).toEqual({ sessionId: child.id, decision: 'approved', by: DEMO_USER.name });
    }
    // Other children of it may ask again as they go on; the parent moves once none is asking.
    let moved = false;
    for (let i = 0; i < 3000 && !moved; i++) {
      simulation.step();
      const now = tenant.get(parent.id);
      const asking = parent.task.childIds.some((id) => tenant.get(id)?.checkpoint);
      if (!asking && now !== undefined && now !== parent && JSON.stringify(now) !== JSON.stringify(parent)) moved = true;
    }
    expect(moved).toBe(true);
  });
});

describe('demo tenant: a stand-in for the person deciding (the soak)', () => {
  it("decides the person's own checkpoints once they waited ownDecidedAfterMs, and only then", () => {
    const make = () => new DemoBackend({ token: 't', seed: 1, sessions: 60, rate: 0, clock: () => FIXED });
    const mine = (all: Session[]) => all.flatMap((s) => (s.owner.id === DEMO_USER.id && 'checkpoint' in s && s.checkpoint ? [s.checkpoint.id] : []));
    const waitingBefore = mine(make().tenant.all());
    expect(waitingBefore.length).toBeGreaterThan(0);
    // Default: never, so the same steps leave all of hers waiting.
    const kept = make();
    for (let i = 0; i < 600; i++) kept.simulation.step();
    for (const id of waitingBefore) expect(kept.tenant.decisionOf(id), id).toBeUndefined();
    // With a bound every seeded checkpoint has passed (they asked before FIXED), hers are decided.
    const backend = make();
    const sim = new Simulation(backend.tenant, 1, 60, 0);
    for (let i = 0; i < 3000; i++) sim.step();
    const decided = waitingBefore.filter((id) => backend.tenant.decisionOf(id) !== undefined);
    expect(decided.length).toBeGreaterThan(waitingBefore.length / 2);
  });
});

describe('demo tenant: bounded for a long run (the soak)', () => {
  it('starts no new flow run or chat once the tenant holds maxSize sessions', () => {
    const count = (backend: DemoBackend, before: Set<string>) => backend.tenant.all().filter((s) => s.kind !== 'background_task' && !before.has(s.id)).length;
    const run = (maxSize?: number) => {
      const backend = new DemoBackend({ token: 't', seed: 2, sessions: 60, rate: 0, clock: () => FIXED });
      const before = new Set(backend.tenant.all().map((s) => s.id));
      const sim = new Simulation(backend.tenant, 1, 60, undefined, maxSize ?? backend.tenant.size);
      for (let i = 0; i < 3000; i++) sim.step();
      return count(backend, before);
    };
    expect(run(Number.POSITIVE_INFINITY)).toBeGreaterThan(0);
    expect(run()).toBe(0);
  });
});
