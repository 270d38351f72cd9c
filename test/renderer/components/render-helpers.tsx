import { render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ApiProvider } from '../../../src/renderer/src/api/api-context';
import type { ConnectionState } from '../../../src/shared/connection-state';
import { NOW } from '../../shared/fixtures';
import { FakeApi } from '../fake-api';

export const offline = (over: Partial<ConnectionState> = {}): ConnectionState => ({
  phase: 'reconnecting',
  nextTryAt: NOW + 4_000,
  offlineSince: NOW - 60_000,
  reason: 'network unreachable',
  ...over,
});

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
