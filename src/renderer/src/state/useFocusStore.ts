import { create } from 'zustand';

interface FocusState {
  /** Set by a view that sends the person to the Sessions page to search ("/" in the popover). */
  focusSearch: boolean;
  requestSearchFocus: () => void;
  /** The Sessions page calls this once it has focused its search box. */
  clearSearchFocus: () => void;
}

/**
 * Focus requests that cross a route change: the view that asks is gone by the time the view that
 * owns the element renders, so the request waits here.
 */
export const useFocusStore = create<FocusState>((set) => ({
  focusSearch: false,
  requestSearchFocus: () => set({ focusSearch: true }),
  clearSearchFocus: () => set({ focusSearch: false }),
}));
