import { useEffect, useState } from 'react';
import { useStatusStore } from './useStatusStore';

/**
 * The clock the views use, corrected by the server's skew, ticking every `everyMs`. Relative
 * times tick with it; which list a session belongs in is the core's to say, on its own clock.
 */
export function useNow(everyMs = 5_000): number {
  const skew = useStatusStore((s) => s.skewMs);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now + skew;
}
