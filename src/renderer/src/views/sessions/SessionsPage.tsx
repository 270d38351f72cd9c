import { useCallback, useMemo, useRef } from 'react';
import { useNow } from '../../state/useNow';
import { activeFirst } from '../../state/recency';
import { useSessionsStore } from '../../state/useSessionsStore';
import { DEFAULT_FILTERS, useUiStore } from '../../state/useUiStore';
import { ConnectionStatus } from '../../components/ConnectionStatus';
import { UnreadableNotice } from '../../components/UnreadableNotice';
import { openDetail } from '../../components/openDetail';
import { useListKeyboard } from '../../components/useListKeyboard';
import { FilterBar } from './FilterBar';
import { activeSignature, countLabel, filterSessions, hasFilters } from './filter';
import { KindTabs, TAB_PANEL_ID, tabId } from './KindTabs';
import { SessionList, type SessionListHandle } from './SessionList';
import { rememberOpened, useReturnFocus } from './useReturnFocus';
import '../../styles/sessions.css';

/**
 * The full, tenant-wide Sessions list: tabs by kind, the owner facet, initiative and plan, a title
 * search, active first then most recent. Filters live in useUiStore so they survive a trip to a
 * detail view and back.
 */
export function SessionsPage() {
  const byId = useSessionsStore((s) => s.byId);
  const loaded = useSessionsStore((s) => s.loaded);
  const connection = useSessionsStore((s) => s.connection);
  const userId = useSessionsStore((s) => s.user?.id ?? null);
  const filters = useUiStore((s) => s.filters);
  const setFilters = useUiStore((s) => s.setFilters);
  const back = useUiStore((s) => s.back);
  const now = useNow();
  const searchRef = useRef<HTMLInputElement>(null);

  // Filtering does not depend on the clock; only the order does (a chat goes quiet at 30 minutes).
  const all = byId.all;
  const filtered = useMemo(() => filterSessions(all, filters, userId), [all, filters, userId]);
  const active = activeSignature(filtered, now);
  // `active` stands in for `now`: the order changes only when the active set does (activeSignature).
  const ordered = useMemo(() => activeFirst(filtered, now), [filtered, active]);
  // A first connect is just loading; any other phase means the list may be out of date.
  const offline = connection.phase !== 'live' && !(connection.phase === 'connecting' && connection.offlineSince === null);
  const listRef = useRef<SessionListHandle>(null);
  const ids = useMemo(() => ordered.map((s) => s.id), [ordered]);
  // Stable, so the list's memoized rows keep their props while it scrolls.
  const open = useCallback((id: string) => {
    rememberOpened(id);
    openDetail(id);
  }, []);
  const keys = useListKeyboard({ ids, onOpen: open, onSearch: () => searchRef.current?.focus(), reveal: (i) => listRef.current?.reveal(i) });
  useReturnFocus(ids, listRef, searchRef);

  return (
    <main className="sessions-page" aria-labelledby="sessions-heading" {...keys.containerProps}>
      <header className="sessions-header">
        <button type="button" className="sessions-back" onClick={back}>
          <span aria-hidden="true">← </span>Back to Command Center
        </button>
        <h1 id="sessions-heading">Sessions</h1>
        {loaded && (
          <p className="sessions-count" role="status">
            {countLabel(ordered.length)}
          </p>
        )}
        <ConnectionStatus className="sessions-connection" />
      </header>
      <UnreadableNotice />
      <KindTabs value={filters.kind} onChange={(kind) => setFilters({ kind })} />
      <FilterBar sessions={all} userId={userId} filters={filters} onChange={setFilters} searchRef={searchRef} />
      <section id={TAB_PANEL_ID} role="tabpanel" aria-labelledby={tabId(filters.kind)} className="sessions-panel">
        {!loaded ? (
          <p className="sessions-state" role="status">
            {offline ? 'No sessions saved on this computer yet — they appear once Disco Parrot is reachable.' : 'Loading sessions…'}
          </p>
        ) : ordered.length > 0 ? (
          <SessionList ref={listRef} sessions={ordered} now={now} tabIndexFor={keys.tabIndexFor} onOpen={open} />
        ) : hasFilters(filters) ? (
          <div className="sessions-state">
            <p>No sessions match these filters</p>
            <button type="button" onClick={() => setFilters(DEFAULT_FILTERS)}>
              Clear filters
            </button>
          </div>
        ) : (
          <p className="sessions-state">No sessions yet. Flow runs, background tasks and chats appear here as they start.</p>
        )}
      </section>
    </main>
  );
}
