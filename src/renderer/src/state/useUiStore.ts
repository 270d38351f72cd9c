import { create } from 'zustand';
import type { SessionKind } from '../../../shared/protocol';

export type Route = { name: 'popover' } | { name: 'sessions' } | { name: 'settings' } | { name: 'detail'; id: string; from: 'popover' | 'sessions' };

export interface SessionFilters {
  /** A profile id, or 'all'; offered only while two or more profiles run. */
  profile: string | 'all';
  kind: SessionKind | 'all';
  /** 'mine', 'all', or an owner id. */
  owner: string;
  initiative: string | 'all';
  plan: string | 'all';
  search: string;
}

interface UiState {
  route: Route;
  filters: SessionFilters;
  go: (route: Route) => void;
  back: () => void;
  setFilters: (patch: Partial<SessionFilters>) => void;
}

export const DEFAULT_FILTERS: SessionFilters = { profile: 'all', kind: 'all', owner: 'all', initiative: 'all', plan: 'all', search: '' };

/** Where the person is and what they filtered by; nothing here comes from the main side. */
export const useUiStore = create<UiState>((set, get) => ({
  route: { name: 'popover' },
  filters: DEFAULT_FILTERS,
  go: (route) => set({ route }),
  back: () => {
    const r = get().route;
    set({ route: r.name === 'detail' ? { name: r.from } : { name: 'popover' } });
  },
  setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),
}));
