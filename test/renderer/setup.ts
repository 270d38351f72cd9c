import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { useStatusStore } from '../../src/renderer/src/state/useStatusStore';
import { DEFAULT_FILTERS, useUiStore } from '../../src/renderer/src/state/useUiStore';

const initialStatus = useStatusStore.getState();

afterEach(() => {
  cleanup();
  useStatusStore.setState(initialStatus, true);
  useUiStore.setState({ route: { name: 'popover' }, filters: DEFAULT_FILTERS });
});
