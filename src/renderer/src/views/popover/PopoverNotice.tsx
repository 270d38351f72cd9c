import { clockTime } from '../../../../shared/format';
import { useStatusStore } from '../../state/useStatusStore';
import { ProfilesProblem } from './ProfilesProblem';

/**
 * Says what to do when retrying cannot help: the token was refused, or this build no longer
 * speaks the server's protocol. Other phases recover on their own and the header covers them.
 * `loaded`: sessions are on screen beneath it, so it says how old they are. With two or more
 * profiles it names the ones in trouble (ProfilesProblem); with one it says what it always said.
 */
export function ConnectionProblem({ loaded }: { loaded: boolean }) {
  const connection = useStatusStore((s) => s.connection);
  const profiles = useStatusStore((s) => s.profiles);
  if (profiles.length >= 2) return <ProfilesProblem profiles={profiles} loaded={loaded} />;
  if (connection.phase !== 'signin-needed' && connection.phase !== 'update-needed') return null;
  const because = connection.reason ? ` (${connection.reason})` : '';
  const asOf = loaded && connection.offlineSince ? ` Until then, the sessions below are as of ${clockTime(connection.offlineSince)}.` : '';
  return (
    <div role="alert" className="notice notice-problem">
      {connection.phase === 'signin-needed' ? (
        <>
          <h2 className="notice-title">Sign-in needed</h2>
          <p>
            Disco Parrot did not accept Parrot Tray's sign-in{because}. Give Parrot Tray a new access token from your Disco
            Parrot account; it reconnects on its own as soon as the token changes.{asOf}
          </p>
        </>
      ) : (
        <>
          <h2 className="notice-title">Update needed</h2>
          <p>
            This version of Parrot Tray no longer matches the Disco Parrot server{because}. Install the latest Parrot Tray to
            reconnect.{asOf}
          </p>
        </>
      )}
    </div>
  );
}

/** Before the first answer: a few placeholder rows, so the layout does not jump when data lands. */
export function LoadingState() {
  return (
    <div className="popover-loading">
      <p className="loading-words">Loading sessions…</p>
      <ul className="skeleton-rows" aria-hidden="true">
        {[0, 1, 2].map((i) => (
          <li key={i} className="skeleton-row">
            <span className="skeleton-line skeleton-title" />
            <span className="skeleton-line skeleton-meta" />
          </li>
        ))}
      </ul>
    </div>
  );
}
