import { Suspense, useEffect } from 'react';
import type { ParrotApi } from '../../shared/api';
import { ApiProvider } from './api/api-context';
import { useUiStore } from './state/useUiStore';
import { DetailView, preloadViews, SessionsPage, SettingsPage } from './lazyViews';
import { Popover } from './views/popover/Popover';
import { ViewLoadFailed } from './views/ViewLoadFailed';

/**
 * The renderer's root: one API, three places to be; each view asks the core for what it shows.
 * Only the popover is in the first script; the other views load on their own (lazyViews.ts).
 */
export function App({ api }: { api: ParrotApi }) {
  const route = useUiStore((s) => s.route);
  const back = useUiStore((s) => s.back);
  const go = useUiStore((s) => s.go);
  useEffect(() => preloadViews(), []);
  useEffect(() => api.onNavigate((to) => go(to.name === 'detail' ? { name: 'detail', id: to.id, from: 'popover' } : to)), [api, go]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !(e.target instanceof HTMLElement && e.target.closest('dialog'))) back();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [back]);
  return (
    <ApiProvider api={api}>
      {route.name === 'popover' && <Popover />}
      <ViewLoadFailed key={route.name} onBack={() => go({ name: 'popover' })}>
        <Suspense fallback={null}>
          {route.name === 'sessions' && <SessionsPage />}
          {route.name === 'detail' && <DetailView id={route.id} />}
          {route.name === 'settings' && <SettingsPage />}
        </Suspense>
      </ViewLoadFailed>
    </ApiProvider>
  );
}
