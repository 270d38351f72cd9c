import { useNow } from '../state/useNow';
import { useStatusStore } from '../state/useStatusStore';
import { coreRestartWords } from './coreRestartWords';
import '../styles/unreadable.css';

/**
 * A quiet line when the core had to be restarted: nothing for the person to do, and everything
 * is back, but hiding it would make a core that keeps failing look healthy.
 */
export function CoreRestartNotice() {
  const restart = useStatusStore((s) => s.coreRestart);
  // The day changes rarely; a minute's tick is enough to drop "today" at midnight.
  const now = useNow(60_000);
  if (!restart) return null;
  return <p className="core-restart-notice">{coreRestartWords(restart, now)}</p>;
}
