import { render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ApiProvider } from '../../../src/renderer/src/api/api-context';
import { useSessionsStore } from '../../../src/renderer/src/state/useSessionsStore';
import type { UnreadableSessions } from '../../../src/shared/api';
import type { ConnectionState } from '../../../src/shared/connection-state';
import type { Session } from '../../../src/shared/protocol';
import { NOW } from '../../shared/fixtures';
import { FakeApi, LIVE } from '../fake-api';

export const offline = (over: Partial<ConnectionState> = {}): ConnectionState => ({
  phase: 'reconnecting',
  nextTryAt: NOW + 4_000,
  offlineSince: NOW - 60_000,
  reason: 'network unreachable',
  ...over,
});

/** The first snapshot, as the main side sends it. */
export function feed(sessions: Session[], options: { connection?: ConnectionState; demo?: boolean; unreadable?: UnreadableSessions } = {}): void {
  useSessionsStore.getState().apply({
    kind: 'snapshot',
    version: 0,
    sessions,
    connection: options.connection ?? LIVE,
    user: { id: 'u_ada', name: 'Ada Lovelace' },
    skewMs: 0,
    demo: options.demo ?? false,
    ...(options.unreadable ? { unreadable: options.unreadable } : {}),
  });
}

/** The next delta after whatever the store holds. */
export function push(delta: { upserts?: Session[]; removals?: string[]; connection?: ConnectionState; unreadable?: UnreadableSessions }): void {
  const { version } = useSessionsStore.getState();
  const { upserts = [], removals = [], ...rest } = delta;
  useSessionsStore.getState().apply({ kind: 'delta', version: version + 1, upserts, removals, ...rest });
}

/**
 * Every view's connection line (ConnectionStatus): the polite status with the phase, and the
 * countdown beside it, which is left out of the live region so the seconds are not announced.
 */
export function connectionLine(): HTMLElement {
  const found = screen.getAllByRole('status').filter((s) => s.classList.contains('conn'));
  if (found.length !== 1) throw new Error(`expected one connection status, found ${found.length}`);
  return found[0]!.parentElement!;
}

/** Renders inside the API provider; `rerender` keeps the provider. */
export function renderWithApi(ui: ReactElement, api: FakeApi = new FakeApi()) {
  return { api, ...render(ui, { wrapper: ({ children }) => <ApiProvider api={api}>{children}</ApiProvider> }) };
}

export function commandCalls(api: FakeApi): unknown[] {
  return api.calls.filter((c) => c.method === 'command').map((c) => c.params);
}
