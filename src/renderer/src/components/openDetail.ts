import { useUiStore } from '../state/useUiStore';

/**
 * Opens a session's detail view so that Esc comes back to the list it was opened from. From a
 * detail view (a fan-out child, say) it keeps that view's origin: back goes to the list, not to
 * a chain of detail views.
 */
export function openDetail(id: string): void {
  const { route, go } = useUiStore.getState();
  go({ name: 'detail', id, from: route.name === 'detail' ? route.from : route.name === 'sessions' ? 'sessions' : 'popover' });
}
