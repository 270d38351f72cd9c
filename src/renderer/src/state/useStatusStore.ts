import { create } from 'zustand';
import type { AppStatus, UnreadableSessions } from '../../../shared/api';
import type { ConnectionState } from '../../../shared/connection-state';

export interface StatusState extends AppStatus {
  /** False until the core's first status: views show their loading state. */
  loaded: boolean;
  apply: (status: AppStatus) => void;
}

const NONE_UNREADABLE: UnreadableSessions = { count: 0, ids: [] };
const INITIAL_CONNECTION: ConnectionState = { phase: 'connecting', nextTryAt: null, offlineSince: null, reason: null };

/**
 * Everything a window shows besides sessions (AppStatus), as the core last said it. Sessions are
 * never kept here: each view asks for its own through a live query (useLiveQuery).
 */
export const useStatusStore = create<StatusState>((set) => ({
  loaded: false,
  profiles: [],
  connection: INITIAL_CONNECTION,
  user: null,
  skewMs: 0,
  demo: false,
  unreadable: NONE_UNREADABLE,
  coreRestart: null,
  update: null,
  apply: (status) => set({ ...status, loaded: true }),
}));
