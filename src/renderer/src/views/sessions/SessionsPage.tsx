import { useCallback, useMemo, useRef } from 'react';
import { useNow } from '../../state/useNow';
import { useStatusStore } from '../../state/useStatusStore';
import { DEFAULT_FILTERS, useUiStore } from '../../state/useUiStore';
import { ConnectionStatus } from '../../components/ConnectionStatus';
import { CoreRestartNotice } from '../../components/CoreRestartNotice';
import { QueryRefused } from '../../components/QueryRefused';
import { UnreadableNotice } from '../../components/UnreadableNotice';
import { openDetail } from '../../components/openDetail';
import { useListKeyboard } from '../../components/useListKeyboard';
import { FilterBar } from './FilterBar';
import { countLabel, hasFilters, toQueryFilters } from './filter';
import { KindTabs, TAB_PANEL_ID, tabId } from './KindTabs';
import { SessionList, type SessionListHandle } from './SessionList';
import { useProfileFilter } from './useProfileFilter';
import { rememberOpened, useReturnFocus } from './useReturnFocus';
import { useSessionWindow } from './useSessionWindow';
import '../../styles/sessions.css';

/**
 * The full, tenant-wide Sessions list: tabs by kind, the profile (with two or more), the owner
 * facet, initiative and plan, a title search, active first then most recent. The core filters,
 * orders and counts; the page holds only the rows around the view. Filters live in useUiStore so
 * they survive a trip to a detail view.
 */
export function SessionsPage() {
  const connection = useStatusStore((s) => s.connection);
  const chosen = useUiStore((s) => s.filters);
  const { offered, filters, me } = useProfileFilter(chosen);
  const setFilters = useUiStore((s) => s.setFilters);
  const back = useUiStore((s) => s.back);
  const now = useNow();
  const searchRef = useRef<HTMLInputElement>(null);
  const query = useMemo(() => toQueryFilters(filters), [filters]);
  const list = useSessionWindow(query);
  const { result, rows } = list;
  const total = result?.total ?? 0;
  // A first connect is just loading; any other phase means the list may be out of date.
  const offline = connection.phase !== 'live' && !(connection.phase === 'connecting' && connection.offlineSince === null);
  const listRef = useRef<SessionListHandle>(null);
  // Read through a ref so `open` stays stable, and the list's memoized rows keep their props while it scrolls.
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const open = useCallback((id: string) => {
    rememberOpened(id, rowsRef.current.indexOf(id));
    openDetail(id);
  }, []);
  const keys = useListKeyboard({ rows, onOpen: open, onSearch: () => searchRef.current?.focus(), reveal: (i) => listRef.current?.reveal(i) });
  useReturnFocus(result ? rows : null, listRef, searchRef);

  return (
    <main className="sessions-page" aria-labelledby="sessions-heading" {...keys.containerProps}>
      <header className="sessions-header">
        <button type="button" className="sessions-back" onClick={back}>
          <span aria-hidden="true">← </span>Back to Command Center
        </button>
        <h1 id="sessions-heading">Sessions</h1>
        {result && (
          <p className="sessions-count" role="status">
            {countLabel(total)}
          </p>
        )}
        <ConnectionStatus className="sessions-connection" />
      </header>
      <CoreRestartNotice />
      <UnreadableNotice />
      <KindTabs value={filters.kind} onChange={(kind) => setFilters({ kind })} />
      <FilterBar facets={result?.facets ?? null} profiles={offered} me={me} filters={filters} onChange={setFilters} searchRef={searchRef} />
      <section id={TAB_PANEL_ID} role="tabpanel" aria-labelledby={tabId(filters.kind)} className="sessions-panel">
        {list.error ? (
          <QueryRefused title="These sessions could not be listed" message={list.error} />
        ) : !result ? (
          <p className="sessions-state" role="status">
            Loading sessions…
          </p>
        ) : total > 0 ? (
          <SessionList ref={listRef} count={total} rowAt={list.rowAt} now={now} onRange={list.onRange} tabIndexFor={keys.tabIndexFor} onOpen={open} />
        ) : hasFilters(filters) ? (
          <div className="sessions-state">
            <p>No sessions match these filters</p>
            <button type="button" onClick={() => setFilters(DEFAULT_FILTERS)}>
              Clear filters
            </button>
          </div>
        ) : offline ? (
          <p className="sessions-state">No sessions saved on this computer yet — they appear once Disco Parrot is reachable.</p>
        ) : (
          <p className="sessions-state">No sessions yet. Flow runs, background tasks and chats appear here as they start.</p>
        )}
      </section>
    </main>
  );
}
