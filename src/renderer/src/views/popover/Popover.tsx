import { useMemo, useRef, useState } from 'react';
import type { CommandCenterView } from '../../../../shared/sessions';
import { UnreadableNotice } from '../../components/UnreadableNotice';
import { useListKeyboard } from '../../components/useListKeyboard';
import { useFocusStore } from '../../state/useFocusStore';
import { useNow } from '../../state/useNow';
import { commandCenter, commandCenterAfter } from '../../state/recency';
import type { SessionIndex } from '../../state/session-index';
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
  // A delta reuses the last split at the same clock (commandCenterAfter); a tick or a snapshot
  // splits and sorts every session again. The ref is a cache keyed by index and clock, so a
  // render React discards leaves it correct.
  const last = useRef<{ index: SessionIndex; now: number; view: CommandCenterView } | null>(null);
  const view = useMemo(() => {
    const prev = last.current;
    const changed = prev && prev.now === now ? byId.changedSince(prev.index) : null;
    const next = prev && changed ? commandCenterAfter(prev.view, changed, (id) => byId.get(id), now) : commandCenter(byId.all, now);
    last.current = { index: byId, now, view: next };
    return next;
  }, [byId, now]);
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
        <UnreadableNotice />
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
