import { useMemo, useState } from 'react';
import { CoreRestartNotice } from '../../components/CoreRestartNotice';
import { QueryRefused } from '../../components/QueryRefused';
import { UpdateButton } from '../../components/UpdateButton';
import { UnreadableNotice } from '../../components/UnreadableNotice';
import { rowsOf, useListKeyboard } from '../../components/useListKeyboard';
import { useFocusStore } from '../../state/useFocusStore';
import { useLiveQuery } from '../../state/useLiveQuery';
import { useMarkFirstRows } from '../../state/markFirstRows';
import { useNow } from '../../state/useNow';
import { usePopoverOpened } from '../../state/usePopoverOpened';
import { useUiStore } from '../../state/useUiStore';
import { PopoverHeader } from './PopoverHeader';
import { ConnectionProblem, LoadingState } from './PopoverNotice';
import { commandCenterQuery, firstPaintShares, POPOVER_PAGE, PopoverSection } from './PopoverSection';
import '../../styles/popover.css';

/**
 * The tray popover (about 380×600): what needs the person first (decisions, oldest wait first,
 * and their fresh failures), then what is in motion now, what finished or went quiet in the last
 * day, and the way to the full list. One live query asks for the first rows of each section
 * and their counts; the core answers again whenever they change, a chat going quiet included.
 */
export function Popover() {
  const now = useNow();
  const go = useUiStore((s) => s.go);
  const [limits, setLimits] = useState({ needsYou: POPOVER_PAGE, active: POPOVER_PAGE, recent: POPOVER_PAGE });
  const { result: view, error } = useLiveQuery(commandCenterQuery(limits.needsYou, limits.active, limits.recent));
  usePopoverOpened();
  useMarkFirstRows(view !== null && view.needsYou.rows.length + view.activeNow.rows.length + view.recent.rows.length > 0);
  const more = (section: keyof typeof limits) => () => setLimits((l) => ({ ...l, [section]: l[section] + POPOVER_PAGE }));
  // The keys move through the rows on screen, not those behind "Show more".
  const ids = useMemo(() => (view ? [...view.needsYou.rows, ...view.activeNow.rows, ...view.recent.rows].map((r) => r.session.id) : []), [view]);
  const shares = firstPaintShares(view ? [view.needsYou.rows.length, view.activeNow.rows.length, view.recent.rows.length] : [0, 0, 0]);
  const keyboard = useListKeyboard({
    rows: useMemo(() => rowsOf(ids), [ids]),
    // The popover has no search box: "/" takes the person to the Sessions page, which focuses its own.
    onSearch: () => {
      useFocusStore.getState().requestSearchFocus();
      go({ name: 'sessions' });
    },
  });

  return (
    <div className="popover" {...keyboard.containerProps}>
      <PopoverHeader needsYou={view?.needsYou.total ?? null} />
      <main className="popover-body" aria-busy={!view && !error}>
        <ConnectionProblem loaded={view !== null} />
        <CoreRestartNotice />
        <UnreadableNotice />
        {error && <QueryRefused title="These sessions could not be shown" message={error} />}
        {view ? (
          <>
            <PopoverSection title="Needs you" section={view.needsYou} empty="Nothing needs you" now={now} tabIndexFor={keyboard.tabIndexFor} onShowMore={more('needsYou')} fixed firstPaint={shares[0]!} />
            <PopoverSection title="Active Now" section={view.activeNow} empty="Nothing running right now" now={now} tabIndexFor={keyboard.tabIndexFor} onShowMore={more('active')} firstPaint={shares[1]!} />
            <PopoverSection title="Recent" section={view.recent} empty="Nothing in the last 24 hours" now={now} tabIndexFor={keyboard.tabIndexFor} onShowMore={more('recent')} firstPaint={shares[2]!} />
          </>
        ) : (
          !error && <LoadingState />
        )}
      </main>
      <footer className="popover-footer">
        <UpdateButton />
        <span className="popover-hint muted" aria-hidden="true">
          j/k · a approve · . more · / search
        </span>
        <button type="button" className="btn" onClick={() => go({ name: 'settings' })}>
          Settings
        </button>
        <button type="button" className="btn" onClick={() => go({ name: 'sessions' })}>
          All sessions
        </button>
      </footer>
    </div>
  );
}
