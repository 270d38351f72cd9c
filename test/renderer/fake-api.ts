import { ViewQuery, type ApiMethod, type ApiParams, type ApiResult, type AppStatus, type ParrotApi, type ResultOf, type Route, type TranscriptPush, type ViewResult } from '../../src/shared/api';
import type { ConnectionState } from '../../src/shared/connection-state';
import type { Session, TranscriptEntry } from '../../src/shared/protocol';
import { profileOf } from '../../src/shared/api/scoped-id';
import { answer } from './fake-queries';

export const LIVE: ConnectionState = { phase: 'live', nextTryAt: null, offlineSince: null, reason: null };
export const ADA = { id: 'u_ada', name: 'Ada Lovelace' };

/** Who "me" is for a session, as the core has it: its own profile's user (each tenant has its own id for the person). */
function userOf(status: AppStatus, sessionId: string): string | null {
  const profile = status.profiles.find((p) => p.id === profileOf(sessionId));
  return (profile ? profile.user : status.user)?.id ?? null;
}

export interface FakeOptions extends Partial<AppStatus> {
  /** Hold every status and answer until `release()`: the views' loading states. */
  held?: boolean;
}

interface Watch {
  query: ViewQuery;
  listener: (result: ViewResult) => void;
  open: boolean;
  /** The last answer sent, as JSON: the core answers again only when the answer changes. */
  last: string | null;
  /** Refused (it fails its schema): never answered. */
  refused: boolean;
}

/**
 * A fully typed stand-in for the core behind ParrotApi: it holds sessions in memory and answers
 * live queries by the core's rules (fake-queries.ts), answering again whenever a change alters an
 * answer. Tests change the sessions and the status, script what each call answers, and read
 * which queries were opened. Nothing here touches a network.
 */
export class FakeApi implements ParrotApi {
  readonly calls: Array<{ method: ApiMethod; params: unknown }> = [];
  /** Every watch ever opened, in order. */
  readonly watches: Watch[] = [];
  answers: Partial<{ [M in ApiMethod]: (params: ApiParams<M>) => ApiResult<M> | Promise<ApiResult<M>> }> = {};
  transcriptOf: Record<string, TranscriptEntry[]> = {};
  status: AppStatus;
  private sessions: Session[];
  private held: boolean;
  private queue: Array<() => void> = [];
  private statusListeners = new Set<(s: AppStatus) => void>();
  private transcripts = new Set<(p: TranscriptPush) => void>();
  private navigators = new Set<(r: Route) => void>();

  constructor(sessions: Session[] = [], { held = false, ...status }: FakeOptions = {}) {
    this.sessions = [...sessions];
    this.held = held;
    this.status = { profiles: [], connection: LIVE, user: ADA, skewMs: 0, demo: false, unreadable: { count: 0, ids: [] }, coreRestart: null, update: null, ...status };
  }

  /** The core's clock: this machine's, corrected by the skew, as the views' is. */
  now(): number {
    return Date.now() + this.status.skewMs;
  }

  onStatus(listener: (s: AppStatus) => void) {
    this.statusListeners.add(listener);
    this.deliver(() => this.statusListeners.has(listener) && listener(this.status));
    return () => void this.statusListeners.delete(listener);
  }

  watch<Q extends ViewQuery>(query: Q, listener: (result: ResultOf<Q>) => void, onError?: (message: string) => void) {
    // The core's rule (serveClient): a query that fails its schema is never answered, only refused in words.
    const checked = ViewQuery.safeParse(query);
    const w: Watch = { query, listener: listener as (r: ViewResult) => void, open: true, last: null, refused: !checked.success };
    this.watches.push(w);
    if (checked.success) this.answer(w);
    else this.deliver(() => w.open && onError?.(`invalid query: ${checked.error.issues[0]!.message}`));
    return () => void (w.open = false);
  }

  /** The queries open now. */
  openQueries(): ViewQuery[] {
    return this.watches.filter((w) => w.open).map((w) => w.query);
  }

  onNavigate(listener: (r: Route) => void) {
    this.navigators.add(listener);
    return () => void this.navigators.delete(listener);
  }

  /** Main asking the page to go somewhere (a notification click, the tray menu). */
  navigate(route: Route) {
    for (const l of this.navigators) l(route);
  }

  onTranscript(listener: (p: TranscriptPush) => void) {
    this.transcripts.add(listener);
    return () => void this.transcripts.delete(listener);
  }

  async call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<M>> {
    this.calls.push({ method, params });
    const scripted = this.answers[method] as ((p: ApiParams<M>) => ApiResult<M>) | undefined;
    if (scripted) return scripted(params);
    if (method === 'transcript') return (this.transcriptOf[(params as { sessionId: string }).sessionId] ?? []) as ApiResult<M>;
    if (method === 'command') return { ok: true } as ApiResult<M>;
    return null as ApiResult<M>;
  }

  /** The stream moved: sessions added or replaced by id, others removed. */
  push({ upserts = [], removals = [] }: { upserts?: Session[]; removals?: string[] }) {
    const gone = new Set([...removals, ...upserts.map((s) => s.id)]);
    this.sessions = [...this.sessions.filter((s) => !gone.has(s.id)), ...upserts];
    this.reanswer();
  }

  /** A part of the status changed (the connection, the user, a core restart…). */
  setStatus(patch: Partial<AppStatus>) {
    this.status = { ...this.status, ...patch };
    for (const l of this.statusListeners) this.deliver(() => this.statusListeners.has(l) && l(this.status));
    this.reanswer();
  }

  /** The core's clock timer: time passed (a chat went quiet), so every answer is checked again. */
  tick() {
    this.reanswer();
  }

  pushTranscript(push: TranscriptPush) {
    for (const l of this.transcripts) l(push);
  }

  /** From now on, hold statuses and answers until `release()`. */
  hold() {
    this.held = true;
  }

  /** Sends everything held, then answers as it goes again. */
  release() {
    this.held = false;
    for (const send of this.queue.splice(0)) send();
  }

  private reanswer() {
    for (const w of this.watches) if (w.open && !w.refused) this.answer(w);
  }

  private answer(w: Watch) {
    const result = answer(w.query, this.sessions, this.now(), (id) => userOf(this.status, id));
    const json = JSON.stringify(result);
    if (json === w.last) return;
    w.last = json;
    this.deliver(() => w.open && w.listener(result));
  }

  private deliver(send: () => void) {
    if (this.held) this.queue.push(send);
    else send();
  }
}
