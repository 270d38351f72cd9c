import { useEffect } from 'react';

/** The User Timing mark a view sets once its first rows are on screen (npm run bench reads it). */
export const FIRST_ROWS_MARK = 'parrot-tray:first-rows';

/**
 * Marks the frame after the first render with rows, once per page: "first rows" measured from the
 * page's own clock, so a probe that arrives late does not stretch it. A mark costs nothing and
 * sends nothing anywhere.
 */
export function useMarkFirstRows(ready: boolean): void {
  useEffect(() => {
    if (!ready || performance.getEntriesByName(FIRST_ROWS_MARK).length > 0) return;
    const frame = requestAnimationFrame(() => {
      if (performance.getEntriesByName(FIRST_ROWS_MARK).length === 0) performance.mark(FIRST_ROWS_MARK);
    });
    return () => cancelAnimationFrame(frame);
  }, [ready]);
}
