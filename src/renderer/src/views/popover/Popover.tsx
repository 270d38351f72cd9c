import { useMemo, useState } from 'react';
import { useListKeyboard } from '../../components/useListKeyboard';
import { useFocusStore } from '../../state/useFocusStore';
import { useNow } from '../../state/useNow';
import { commandCenter } from '../../state/recency';
import { useSessionsStore } from '../../state/useSessionsStore';
import { useUiStore } from '../../state/useUiStore';
import { PopoverHeader } from './PopoverHeader';
import { ConnectionProblem, LoadingState } from './PopoverNotice';
import { POPOVER_PAGE, PopoverSection } from './PopoverSection';
import '../../styles/popover.css';

/**
 * The tray popover (about 380×600): what is in motion now, what finished or went quiet in the
 * last day, and the way to the full list. A chat moves to Recent on the clock alone, because
 * `now` ticks and the split is recomputed from it.
 */
export function Popover() {
  const now = useNow();
  const loaded = useSessionsStore((s) => s.loaded);
  const byId = useSessionsStore((s) => s.byId);
  const go = useUiStore((s) => s.go);
  const view = useMemo(() => commandCenter(byId.all, now), [byId, now]);
  const [limits, setLimits] = useState({ active: POPOVER_PAGE, recent: POPOVER_PAGE });
  const more = (section: 'active' | 'recent') => () => setLimits((l) => ({ ...l, [section]: l[section] + POPOVER_PAGE }));
  // The keys move through the rows on screen, not those behind "Show more".
  const ids = useMemo(
    () => [...view.activeNow.slice(0, limits.active), ...view.recent.slice(0, limits.recent)].map((s) => s.id),
    [view, limits],
  );
  const keyboard = useListKeyboard({
    ids,
    // The popover has no search box: "/" takes the person to the Sessions page, which focuses its own.
    onSearch: () => {
      useFocusStore.getState().requestSearchFocus();
      go({ name: 'sessions' });
    },
  });

  return (
    <div className="popover" {...keyboard.containerProps}>
      <PopoverHeader />
      <main className="popover-body" aria-busy={!loaded}>
        <ConnectionProblem />
        {loaded ? (
          <>
            <PopoverSection title="Active Now" sessions={view.activeNow} empty="Nothing running right now" now={now} tabIndexFor={keyboard.tabIndexFor} limit={limits.active} onShowMore={more('active')} />
            <PopoverSection title="Recent" sessions={view.recent} empty="Nothing in the last 24 hours" now={now} tabIndexFor={keyboard.tabIndexFor} limit={limits.recent} onShowMore={more('recent')} />
          </>
        ) : (
          <LoadingState />
        )}
      </main>
      <footer className="popover-footer">
        <span className="popover-hint muted" aria-hidden="true">
          j/k · a approve · / search
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
