import { create } from 'zustand';
import type { ConnectionState } from '../../../shared/connection-state';
import type { Ref, Session } from '../../../shared/protocol';
import type { ViewUpdate } from '../../../shared/api';

export interface SessionsState {
  /** False until the first snapshot: views show their loading state. */
  loaded: boolean;
  version: number;
  byId: Record<string, Session>;
  connection: ConnectionState;
  user: Ref | null;
  skewMs: number;
  demo: boolean;
  /** Applies a snapshot or the next delta; false when a delta skipped a version (ask for a snapshot). */
  apply: (update: ViewUpdate) => boolean;
}

const INITIAL_CONNECTION: ConnectionState = { phase: 'connecting', nextTryAt: null, offlineSince: null, reason: null };

/** The main side owns the data; this normalized copy is fed snapshot-then-deltas by id. */
export const useSessionsStore = create<SessionsState>((set, get) => ({
  loaded: false,
  version: -1,
  byId: {},
  connection: INITIAL_CONNECTION,
  user: null,
  skewMs: 0,
  demo: false,
  apply(update) {
    if (update.kind === 'snapshot') {
      const byId: Record<string, Session> = {};
      for (const s of update.sessions) byId[s.id] = s;
      set({ loaded: true, version: update.version, byId, connection: update.connection, user: update.user, skewMs: update.skewMs, demo: update.demo });
      return true;
    }
    const state = get();
    if (!state.loaded || update.version !== state.version + 1) return false;
    let byId = state.byId;
    if (update.upserts.length || update.removals.length) {
      byId = { ...byId };
      for (const s of update.upserts) byId[s.id] = s;
      for (const id of update.removals) delete byId[id];
    }
    set({
      version: update.version,
      byId,
      ...(update.connection ? { connection: update.connection } : {}),
      ...(update.user !== undefined ? { user: update.user } : {}),
      ...(update.skewMs !== undefined ? { skewMs: update.skewMs } : {}),
    });
    return true;
  },
}));
