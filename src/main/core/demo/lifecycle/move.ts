import type { Ref, Session, TranscriptEntry } from '../../../../shared/protocol';
import type { Random } from '../random';

/** A transcript entry before the tenant gives it its per-session `seq` (and its time, unless the past is being built). */
export type EntryBody = TranscriptEntry extends infer E ? (E extends TranscriptEntry ? Omit<E, 'seq' | 'at'> & { at?: string } : never) : never;

/** Dates entries at a move's own time: a seeded past should not read as if it all happened at start-up. */
export function stamped(entries: EntryBody[], at: string): EntryBody[] {
  return entries.map((e) => ({ ...e, at }));
}

/** The result of one pure step of a session's life: its new state and what its transcript gains. */
export interface Move<S extends Session = Session> {
  session: S;
  entries: EntryBody[];
  /** Sessions this move brings into being (a fan-out child, a chat sent to the background). */
  spawned?: Move[];
}

/** What a lifecycle function needs from the world: randomness, the time, fresh ids. */
export interface MoveContext {
  rng: Random;
  at: string;
  nextId: (prefix: string) => string;
}

export function statusEntry(from: string, to: string, reason?: string): EntryBody {
  return { kind: 'status', status: reason ? { from, to, reason } : { from, to } };
}

/** A move that also stamps `updatedAt`: every change of state counts as the session moving. */
export function moved<S extends Session>(ctx: MoveContext, session: S, patch: Partial<S>, entries: EntryBody[]): Move<S> {
  const next = { ...session, ...patch, updatedAt: ctx.at };
  // Section 4: `checkpoint` is present only while a decision is pending, so a decided one is left out, not null.
  if (next.checkpoint == null) delete next.checkpoint;
  return { session: next, entries };
}

/** Ends a flow run or task at a person's request; a pending checkpoint goes with it. */
export function cancelled<S extends Session>(ctx: MoveContext, session: S, by: Ref): Move<S> {
  return moved(ctx, session, { status: 'cancelled', checkpoint: null } as Partial<S>, [statusEntry(session.status, 'cancelled', `cancelled by ${by.name}`)]);
}

/** Picks a paused run or a waiting task back up when nothing is left to decide. */
export function resumed<S extends Session>(ctx: MoveContext, session: S, by: Ref): Move<S> {
  return moved(ctx, session, { status: 'running' } as Partial<S>, [statusEntry(session.status, 'running', `resumed by ${by.name}`)]);
}
