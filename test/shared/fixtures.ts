/**
 * Builders of valid `Session` objects for tests. Each takes shallow overrides; the kind's detail
 * object (`flow`, `task`, `chat`) may be overridden in part. Times are fixed: use `NOW` as the
 * clock and `ago(ms)` for a timestamp that far before it. Never Date.now().
 */
import type { ChatSession, FlowRunSession, Session, TaskSession } from '../../src/shared/protocol';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

/** The test clock: 2026-11-24T10:00:00.000Z. */
export const NOW = Date.parse('2026-11-24T10:00:00.000Z');
export const iso = (ms: number): string => new Date(ms).toISOString();
/** The ISO timestamp `ms` before NOW. */
export const ago = (ms: number): string => iso(NOW - ms);

type Overrides<S extends Session, K extends 'flow' | 'task' | 'chat'> = Partial<Omit<S, 'kind' | K>> & {
  [P in K]?: Partial<S extends Record<K, infer D> ? D : never>;
};

function base(id: string, status: string) {
  return {
    id,
    title: `Session ${id}`,
    status,
    owner: { id: 'u_ada', name: 'Ada Lovelace' },
    createdAt: ago(2 * HOUR),
    updatedAt: ago(5 * MINUTE),
    webUrl: `https://app.discoparrot.example/s/${id}`,
    error: null,
  };
}

export function flowRun(overrides: Overrides<FlowRunSession, 'flow'> = {}): FlowRunSession {
  const { flow, ...rest } = overrides;
  return {
    ...base('fr_1', 'running'),
    kind: 'flow_run',
    flow: { flowId: 'fl_1', flowName: 'Dependency upgrade', stepIndex: 2, stepCount: 5, steps: [], ...flow },
    ...rest,
  };
}

export function task(overrides: Overrides<TaskSession, 'task'> = {}): TaskSession {
  const { task: details, ...rest } = overrides;
  return {
    ...base('bt_1', 'running'),
    kind: 'background_task',
    task: { turns: 12, parentId: null, childIds: [], ...details },
    ...rest,
  };
}

export function chat(overrides: Overrides<ChatSession, 'chat'> = {}): ChatSession {
  const { chat: details, ...rest } = overrides;
  return {
    ...base('ch_1', 'open'),
    kind: 'chat',
    chat: { mode: 'chat', messageCount: 8, lastMessageAt: ago(5 * MINUTE), ended: false, ...details },
    ...rest,
  };
}

/** A pending checkpoint, as the server sends while a decision waits. */
export const checkpoint = (id = 'cp_1') => ({ id, prompt: 'Go ahead?', requestedAt: ago(MINUTE) });

/** The hello example of PROTOCOL.md section 3.1. */
export const HELLO = {
  type: 'hello',
  protocol: 1,
  serverTime: '2026-11-24T10:00:00.000Z',
  heartbeatMs: 15000,
  tenant: { id: 't_acme', name: 'Acme' },
  user: { id: 'u_ada', name: 'Ada Lovelace' },
  headSeq: 48210,
};
