import { connectionWords } from '../../../shared/connection-words';
import { troubledProfiles } from '../../../shared/profiles/most-urgent';
import { useNow } from '../state/useNow';
import { useStatusStore } from '../state/useStatusStore';
import '../styles/connection.css';

/**
 * Whether what is on screen is live, and if not, how old it is and when the next try comes: the
 * same words and dot on every view, so a transcript read while the backend is away says it is stale.
 * With two or more profiles it names those that are not live ("Globex: sign-in needed"), as the
 * tray does: the others' rows stay live, and a bare "Sign-in needed" would not say whose.
 */
export function ConnectionStatus({ className }: { className?: string }) {
  const connection = useStatusStore((s) => s.connection);
  const profiles = useStatusStore((s) => s.profiles);
  // One tick for the whole view, each second only while a countdown shows.
  useNow(connection.phase === 'reconnecting' ? 1_000 : 60_000);
  // nextTryAt and offlineSince are this machine's times, so its clock, read now rather than at the
  // last tick: the first render after the phase changes must not count down from a stale time.
  const words = connectionWords(connection, Date.now());
  const troubled = profiles.length >= 2 ? troubledProfiles(profiles) : [];
  const text = troubled.length > 0 ? troubled.join(', ') : words.text;
  // The countdown is the most urgent profile's, which is named first: said only when it is the
  // one named, so it is never read as another profile's.
  const wait = troubled.length > 1 ? null : words.wait;

  return (
    <span className={`conn-line conn-${words.tone}${className ? ` ${className}` : ''}`}>
      {/* Polite and apart from the countdown: a phase change is announced, the passing seconds are not. */}
      <span role="status" aria-live="polite" className="conn">
        <span className="conn-dot" aria-hidden="true" />
        {text}
      </span>
      {wait && <span className="conn-wait"> — {wait}</span>}
    </span>
  );
}
