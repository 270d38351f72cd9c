import { EventEmitter } from 'node:events';
import type { ChangeItem, Session, TranscriptEntry } from '../../../shared/protocol';
import { ChangeLog } from './changelog';
import { IdPool } from './id-pool';
import type { EntryBody, Move } from './lifecycle/move';
import { Random } from './random';

/** Statuses the simulation still moves; a quiet chat stays here since a message may revive it. */
const MOVING = new Set(['pending', 'running', 'paused', 'provisioning', 'queued', 'waiting', 'open']);

export interface Decision {
  sessionId: string;
  decision: 'approved' | 'rejected';
  by: string;
}

export interface TenantOptions {
  seed: number;
  clock: () => number;
  /** PROTOCOL.md: the change log keeps at least 24 h. */
  logRetentionMs?: number;
  /** Caps memory under `--rate` load; the one place the demo may keep less than 24 h. */
  logMaxEntries?: number;
  /** The first seq is this + 1: a fresh tenant does not start at 0 so off-by-one bugs show. */
  startSeq?: number;
}

interface TenantEvents {
  changes: [items: ChangeItem[]];
  transcript: [sessionId: string, entries: TranscriptEntry[]];
}

/**
 * The demo backend's whole tenant: its sessions, their transcripts, the change log, and the
 * checkpoint decisions already taken. Mutations queue change items; `flush()` hands them out as
 * one batch, so a simulated move or a command reaches clients as one `changes` frame.
 */
export class DemoTenant extends EventEmitter<TenantEvents> {
  readonly rng: Random;
  readonly clock: () => number;
  readonly log: ChangeLog;
  private readonly sessions = new Map<string, Session>();
  private readonly transcripts = new Map<string, TranscriptEntry[]>();
  private readonly decisions = new Map<string, Decision>();
  private pending: ChangeItem[] = [];
  private idCounter = 0;
  /** Sessions still in motion, kept as an index so the simulation picks one in O(1) at any size. */
  readonly moving = new IdPool();

  constructor(options: TenantOptions) {
    super();
    this.rng = new Random(options.seed);
    this.clock = options.clock;
    this.log = new ChangeLog(
      options.startSeq ?? 1000,
      options.logRetentionMs ?? 24 * 60 * 60_000,
      options.logMaxEntries ?? 200_000,
    );
  }

  get headSeq(): number {
    return this.log.headSeq;
  }

  get size(): number {
    return this.sessions.size;
  }

  nowIso(): string {
    return new Date(this.clock()).toISOString();
  }

  nextId(prefix: string): string {
    return `${prefix}_${++this.idCounter}`;
  }

  get(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  all(): Session[] {
    return [...this.sessions.values()];
  }

  /** Seeds a session without a change: the state the tenant had before the server started. */
  seed(session: Session, entries: EntryBody[]): void {
    this.sessions.set(session.id, session);
    this.transcripts.set(session.id, []);
    this.track(session);
    this.appendEntries(session.id, entries, false);
  }

  /** Publishes a lifecycle move: the session, its transcript entries, and whatever it spawned. */
  apply(move: Move): void {
    this.upsert(move.session, { touch: false });
    this.appendEntries(move.session.id, move.entries);
    for (const child of move.spawned ?? []) this.apply(child);
  }

  /** Records a new state of a session as a change; `updatedAt` is stamped now unless told otherwise. */
  upsert(session: Session, options: { touch?: boolean } = {}): Session {
    const next = options.touch === false ? session : { ...session, updatedAt: this.nowIso() };
    this.sessions.set(next.id, next);
    if (!this.transcripts.has(next.id)) this.transcripts.set(next.id, []);
    this.track(next);
    this.pending.push(this.log.append({ op: 'upsert', session: next }, this.clock()));
    return next;
  }

  remove(id: string): void {
    if (!this.sessions.delete(id)) return;
    this.transcripts.delete(id);
    this.moving.delete(id);
    this.pending.push(this.log.append({ op: 'remove', id }, this.clock()));
  }

  private track(session: Session): void {
    if (MOVING.has(session.status)) this.moving.add(session.id);
    else this.moving.delete(session.id);
  }

  /** Hands queued changes to listeners as one batch. */
  flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.emit('changes', batch);
  }

  appendEntries(sessionId: string, bodies: EntryBody[], announce = true): TranscriptEntry[] {
    const list = this.transcripts.get(sessionId);
    if (!list || bodies.length === 0) return [];
    const at = this.nowIso();
    const added = bodies.map((body, i) => ({ ...body, seq: list.length + i + 1, at: body.at ?? at }) as TranscriptEntry);
    list.push(...added);
    if (announce) this.emit('transcript', sessionId, added);
    return added;
  }

  /** One page of a transcript after `afterSeq`; null for an unknown session. */
  transcriptPage(sessionId: string, afterSeq: number, limit: number): { entries: TranscriptEntry[]; complete: boolean } | null {
    const list = this.transcripts.get(sessionId);
    if (!list) return null;
    // Entry seq n sits at index n - 1, so the page is a plain slice.
    const start = Math.max(0, Math.min(afterSeq, list.length));
    const entries = list.slice(start, start + limit);
    return { entries, complete: start + entries.length >= list.length };
  }

  transcriptLength(sessionId: string): number {
    return this.transcripts.get(sessionId)?.length ?? 0;
  }

  recordDecision(checkpointId: string, decision: Decision): void {
    this.decisions.set(checkpointId, decision);
  }

  decisionOf(checkpointId: string): Decision | undefined {
    return this.decisions.get(checkpointId);
  }
}
