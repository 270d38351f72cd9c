import { useEffect } from 'react';
import { FIRST_ROWS_MARK } from '../../../shared/timing-marks';

/**
 * Marks the frame after the first render with rows, once per page: "first rows" measured from the
 * page's own clock, so a probe that arrives late does not stretch it.
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
