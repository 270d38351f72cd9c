import type { ApiMethod, ApiParams, ApiResult, ParrotApi, Route, TranscriptPush, ViewUpdate } from '../../src/shared/api';
import type { ConnectionState } from '../../src/shared/connection-state';
import type { Session, TranscriptEntry } from '../../src/shared/protocol';

export const LIVE: ConnectionState = { phase: 'live', nextTryAt: null, offlineSince: null, reason: null };

/**
 * A fully typed stand-in for the main side: the test pushes views and transcripts, and scripts
 * what each call answers. Nothing here touches a network.
 */
export class FakeApi implements ParrotApi {
  readonly calls: Array<{ method: ApiMethod; params: unknown }> = [];
  private view = new Set<(u: ViewUpdate) => void>();
  private transcripts = new Set<(p: TranscriptPush) => void>();
  private version = 0;
  answers: Partial<{ [M in ApiMethod]: (params: ApiParams<M>) => ApiResult<M> | Promise<ApiResult<M>> }> = {};
  transcriptOf: Record<string, TranscriptEntry[]> = {};

  constructor(private sessions: Session[] = [], private connection: ConnectionState = LIVE) {}

  subscribe(listener: (u: ViewUpdate) => void) {
    this.view.add(listener);
    listener({ kind: 'snapshot', version: this.version, sessions: this.sessions, connection: this.connection, user: { id: 'u_ada', name: 'Ada Lovelace' }, skewMs: 0, demo: false });
    return () => this.view.delete(listener);
  }

  private navigators = new Set<(r: Route) => void>();

  onNavigate(listener: (r: Route) => void) {
    this.navigators.add(listener);
    return () => this.navigators.delete(listener);
  }

  /** Main asking the page to go somewhere (a notification click, the tray menu). */
  navigate(route: Route) {
    for (const l of this.navigators) l(route);
  }

  onTranscript(listener: (p: TranscriptPush) => void) {
    this.transcripts.add(listener);
    return () => this.transcripts.delete(listener);
  }

  async call<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResult<M>> {
    this.calls.push({ method, params });
    const answer = this.answers[method] as ((p: ApiParams<M>) => ApiResult<M>) | undefined;
    if (answer) return answer(params);
    if (method === 'transcript') return (this.transcriptOf[(params as { sessionId: string }).sessionId] ?? []) as ApiResult<M>;
    if (method === 'command') return { ok: true } as ApiResult<M>;
    return null as ApiResult<M>;
  }

  /** Pushes a delta as the main side would after the stream moved. */
  push(delta: { upserts?: Session[]; removals?: string[]; connection?: ConnectionState }) {
    this.version++;
    for (const l of this.view) l({ kind: 'delta', version: this.version, upserts: delta.upserts ?? [], removals: delta.removals ?? [], ...(delta.connection ? { connection: delta.connection } : {}) });
  }

  pushTranscript(push: TranscriptPush) {
    for (const l of this.transcripts) l(push);
  }
}
