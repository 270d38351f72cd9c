import { create } from 'zustand';
import type { ConnectionState } from '../../../shared/connection-state';
import type { Ref } from '../../../shared/protocol';
import type { UnreadableSessions, ViewUpdate } from '../../../shared/api';
import { SessionIndex } from './session-index';

export interface SessionsState {
  /** False until the first snapshot: views show their loading state. */
  loaded: boolean;
  version: number;
  /** Every session: `byId.get(id)`, and `byId.all` for the lists. */
  byId: SessionIndex;
  connection: ConnectionState;
  user: Ref | null;
  skewMs: number;
  demo: boolean;
  /** Sessions the stream sent that could not be read: their count and readable ids. */
  unreadable: UnreadableSessions;
  /** Applies a snapshot or the next delta; false when a delta skipped a version (ask for a snapshot). */
  apply: (update: ViewUpdate) => boolean;
}

const NONE_UNREADABLE: UnreadableSessions = { count: 0, ids: [] };
const INITIAL_CONNECTION: ConnectionState = { phase: 'connecting', nextTryAt: null, offlineSince: null, reason: null };

/** The main side owns the data; this normalized copy is fed snapshot-then-deltas by id. */
export const useSessionsStore = create<SessionsState>((set, get) => ({
  loaded: false,
  version: -1,
  byId: SessionIndex.of([]),
  connection: INITIAL_CONNECTION,
  user: null,
  skewMs: 0,
  demo: false,
  unreadable: NONE_UNREADABLE,
  apply(update) {
    if (update.kind === 'snapshot') {
      set({ loaded: true, version: update.version, byId: SessionIndex.of(update.sessions), connection: update.connection, user: update.user, skewMs: update.skewMs, demo: update.demo, unreadable: update.unreadable ?? NONE_UNREADABLE });
      return true;
    }
    const state = get();
    if (!state.loaded || update.version !== state.version + 1) return false;
    set({
      version: update.version,
      byId: state.byId.apply(update.upserts, update.removals),
      ...(update.connection ? { connection: update.connection } : {}),
      ...(update.user !== undefined ? { user: update.user } : {}),
      ...(update.skewMs !== undefined ? { skewMs: update.skewMs } : {}),
      ...(update.unreadable !== undefined ? { unreadable: update.unreadable } : {}),
    });
    return true;
  },
}));
