import { DemoBackend } from '../src/main/core/demo/server';
import type { Session } from '../src/shared/protocol';

export const BATCH = 1000;
export const BENCH_USER = { id: 'u_ada', name: 'Ada' };

/** The demo tenant's sessions: lifelike shapes, titles and transcripts' owners, about 0.7 KB each. */
export function lifelikeSessions(count = 2000): Session[] {
  return new DemoBackend({ token: 't', sessions: count, rate: 0 }).tenant.all();
}

const at = (ms: number) => new Date(Date.UTC(2026, 10, 24, 0, 0, 0, ms)).toISOString();

/** `total` changes as the frames a server sends: batches of 1,000 upserts over 20,000 ids, from seq `from`. */
export function changeFrames(total: number, from = 1, sessions = lifelikeSessions()): string[] {
  const frames: string[] = [];
  for (let first = from; first < from + total; first += BATCH) {
    const items = [];
    for (let seq = first; seq < Math.min(first + BATCH, from + total); seq++) {
      const base = sessions[seq % sessions.length]!;
      items.push({ seq, op: 'upsert', session: { ...base, id: `${base.id}_${seq % 20000}`, updatedAt: at(seq) } });
    }
    frames.push(JSON.stringify({ type: 'changes', fromSeq: first, toSeq: items[items.length - 1]!.seq, items }));
  }
  return frames;
}

/** A tenant of `total` distinct sessions as snapshot pages of 500, the last one at `seq`. */
export function snapshotPages(total: number, seq: number, sessions = lifelikeSessions()): string[] {
  const pages: string[] = [];
  for (let p = 0; p * 500 < total; p++) {
    const page = [];
    for (let i = p * 500; i < Math.min(total, (p + 1) * 500); i++) {
      const base = sessions[i % sessions.length]!;
      page.push({ ...base, id: `${base.id}_${i}`, updatedAt: at(i) });
    }
    const last = (p + 1) * 500 >= total;
    pages.push(JSON.stringify({ type: 'snapshot', page: p, sessions: page, last, ...(last ? { seq } : {}) }));
  }
  return pages;
}

/** A flow run that has just paused at checkpoint `cp_live_<n>`: the approval whose latency is measured. */
export function checkpointSession(sessions: Session[], n: number, nowIso: string): Session {
  const paused = sessions.find((s) => s.kind === 'flow_run' && s.checkpoint);
  if (!paused?.checkpoint) throw new Error('the demo tenant has no paused flow run');
  return {
    ...paused,
    id: `fr_live_${n}`,
    owner: BENCH_USER,
    updatedAt: nowIso,
    checkpoint: { ...paused.checkpoint, id: `cp_live_${n}`, requestedAt: nowIso },
  };
}

/** Sessions with nothing to decide: the "other traffic" around a checkpoint. */
export const quietSessions = (sessions: Session[]): Session[] => sessions.filter((s) => !s.checkpoint && s.status !== 'failed');
