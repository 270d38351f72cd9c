import { useEffect, useState } from 'react';
import { useSessionsStore } from './useSessionsStore';

/**
 * The clock the views use, corrected by the server's skew, ticking every `everyMs`. Relative times
 * tick with it, and a chat leaves Active Now when its 30 minutes pass, with no server message.
 */
export function useNow(everyMs = 5_000): number {
  const skew = useSessionsStore((s) => s.skewMs);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now + skew;
}
