/**
 * The deterministic history the SIGKILL test writes and checks: what the cache must hold at every
 * cursor value, whatever batch sizes the writer happened to use before it was killed.
 */
import type { ChangeItem, Session } from '../../src/shared/protocol';
import { flowRun, iso, NOW } from '../shared/fixtures';

const SLOTS = 200;
/** Every this many seqs the stream carries a snapshot instead of a change item. */
export const SNAPSHOT_EVERY = 250;

export const isSnapshotSeq = (seq: number): boolean => seq > 0 && seq % SNAPSHOT_EVERY === 0;

function sessionAt(id: string, seq: number): Session {
  return flowRun({
    id,
    // Title and time encode the seq that wrote the session: a row from an unapplied batch shows.
    title: `written at seq ${seq}`,
    status: seq % 3 === 0 ? 'running' : 'succeeded',
    updatedAt: iso(NOW - 10_000_000 + seq * 1000),
    // Bulk, so transactions take long enough to be interrupted.
    flow: { steps: Array.from({ length: 20 }, (_, i) => ({ name: `step ${i} of seq ${seq} ${'x'.repeat(40)}`, status: 'succeeded' })) },
  });
}

export function itemAt(seq: number): ChangeItem {
  if (seq % 11 === 0) return { seq, op: 'remove', id: `s_${(seq * 7) % SLOTS}` };
  return { seq, op: 'upsert', session: sessionAt(`s_${seq % SLOTS}`, seq) };
}

/** A snapshot drops about a third of what is there and brings sessions of its own. */
export function snapshotAt(seq: number, state: ReadonlyMap<string, Session>): Session[] {
  const kept = [...state.values()].filter((s) => (s.id.length + seq + Number(s.id.replace(/\D/g, '') || 0)) % 3 !== 0);
  const own = Array.from({ length: 15 }, (_, j) => sessionAt(`snap_${seq}_${j}`, seq));
  return [...kept, ...own].sort((a, b) => (a.id < b.id ? -1 : 1));
}

export function applyItem(state: Map<string, Session>, item: ChangeItem): void {
  if (item.op === 'upsert') state.set(item.session.id, item.session);
  else state.delete(item.id);
}

/** The state after every seq up to `cursor` (0: the empty first snapshot). */
export function modelAt(cursor: number): Map<string, Session> {
  let state = new Map<string, Session>();
  for (let seq = 1; seq <= cursor; seq++) {
    if (isSnapshotSeq(seq)) state = new Map(snapshotAt(seq, state).map((s) => [s.id, s]));
    else applyItem(state, itemAt(seq));
  }
  return state;
}
