import { createContext, useContext, type ReactNode } from 'react';
import type { ParrotApi } from '../../../shared/api';

const ApiContext = createContext<ParrotApi | null>(null);

export function ApiProvider({ api, children }: { api: ParrotApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): ParrotApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
