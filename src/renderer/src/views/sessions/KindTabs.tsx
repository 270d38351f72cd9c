import { useRef, type KeyboardEvent } from 'react';
import type { SessionFilters } from '../../state/useUiStore';
import { KIND_TABS } from './filter';

export const TAB_PANEL_ID = 'sessions-panel';
export const tabId = (value: string): string => `sessions-tab-${value}`;

/**
 * All / Flow runs / Tasks / Chats as an ARIA tab list: one tab stop, arrows and Home/End move
 * between tabs and select as they go (the list behind them is cheap to re-filter).
 */
export function KindTabs({ value, onChange }: { value: SessionFilters['kind']; onChange: (kind: SessionFilters['kind']) => void }) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const current = Math.max(0, KIND_TABS.findIndex((t) => t.value === value));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = KIND_TABS.length - 1;
    const next =
      e.key === 'ArrowRight' ? (current === last ? 0 : current + 1)
      : e.key === 'ArrowLeft' ? (current === 0 ? last : current - 1)
      : e.key === 'Home' ? 0
      : e.key === 'End' ? last
      : null;
    if (next === null) return;
    e.preventDefault();
    const tab = KIND_TABS[next];
    if (!tab) return;
    onChange(tab.value);
    refs.current[next]?.focus();
  };

  return (
    <div className="sessions-tabs" role="tablist" aria-label="Kind" onKeyDown={onKeyDown}>
      {KIND_TABS.map((tab, i) => {
        const selected = i === current;
        return (
          <button
            key={tab.value}
            ref={(el) => {
              refs.current[i] = el;
            }}
            id={tabId(tab.value)}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={TAB_PANEL_ID}
            tabIndex={selected ? 0 : -1}
            className="sessions-tab"
            onClick={() => onChange(tab.value)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
