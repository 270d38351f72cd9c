import { connectionWords } from '../../../shared/connection-words';
import { useNow } from '../state/useNow';
import { useStatusStore } from '../state/useStatusStore';
import '../styles/connection.css';

/**
 * Whether what is on screen is live, and if not, how old it is and when the next try comes: the
 * same words and dot on every view, so a transcript read while the backend is away says it is stale.
 */
export function ConnectionStatus({ className }: { className?: string }) {
  const connection = useStatusStore((s) => s.connection);
  // One tick for the whole view, each second only while a countdown shows.
  useNow(connection.phase === 'reconnecting' ? 1_000 : 60_000);
  // nextTryAt and offlineSince are this machine's times, so its clock, read now rather than at the
  // last tick: the first render after the phase changes must not count down from a stale time.
  const words = connectionWords(connection, Date.now());

  return (
    <span className={`conn-line conn-${words.tone}${className ? ` ${className}` : ''}`}>
      {/* Polite and apart from the countdown: a phase change is announced, the passing seconds are not. */}
      <span role="status" aria-live="polite" className="conn">
        <span className="conn-dot" aria-hidden="true" />
        {words.text}
      </span>
      {words.wait && <span className="conn-wait"> — {words.wait}</span>}
    </span>
  );
}
