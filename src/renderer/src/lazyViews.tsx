import { lazy } from 'react';

/**
 * The views the popover does not show on its first paint, each in a chunk of its own: the
 * Sessions page, the detail view (with its diff library) and Settings. The first script is then
 * the popover alone, so the bridge opens and the first rows paint sooner. The chunks are
 * same-origin scripts, which the app's CSP (`script-src 'self'`) allows as it is.
 */
const loadSessions = () => import('./views/sessions/SessionsPage');
const loadDetail = () => import('./views/detail/DetailView');
const loadSettings = () => import('./views/settings/SettingsPage');

export const SessionsPage = lazy(() => loadSessions().then((m) => ({ default: m.SessionsPage })));
export const DetailView = lazy(() => loadDetail().then((m) => ({ default: m.DetailView })));
export const SettingsPage = lazy(() => loadSettings().then((m) => ({ default: m.SettingsPage })));

/** How long after start the chunks are fetched anyway, so a click on "All sessions" does not wait on the network. */
export const PRELOAD_AFTER_MS = 1500;

/**
 * Fetches the other views' chunks once the popover has had its first paint to itself: a later
 * navigation then finds them loaded. Gives back the cancel, for an effect's cleanup.
 */
export function preloadViews(): () => void {
  const timer = setTimeout(() => {
    // A failed fetch is retried by React.lazy when the view is actually opened.
    for (const load of [loadSessions, loadDetail, loadSettings]) load().catch(() => undefined);
  }, PRELOAD_AFTER_MS);
  return () => clearTimeout(timer);
}
