import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { useSessionsStore } from '../../src/renderer/src/state/useSessionsStore';
import { DEFAULT_FILTERS, useUiStore } from '../../src/renderer/src/state/useUiStore';

const initialSessions = useSessionsStore.getState();

afterEach(() => {
  cleanup();
  useSessionsStore.setState(initialSessions, true);
  useUiStore.setState({ route: { name: 'popover' }, filters: DEFAULT_FILTERS });
});
