import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { ParrotApi } from '../../../shared/api';
import { useStatusStore } from '../state/useStatusStore';

const ApiContext = createContext<ParrotApi | null>(null);

/** Gives the views the API, and keeps the status store fed from it while mounted. */
export function ApiProvider({ api, children }: { api: ParrotApi; children: ReactNode }) {
  useEffect(() => api.onStatus((status) => useStatusStore.getState().apply(status)), [api]);
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): ParrotApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
