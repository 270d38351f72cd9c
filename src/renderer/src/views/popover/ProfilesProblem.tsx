import type { ProfileStatus } from '../../../../shared/api';
import { clockTime } from '../../../../shared/format';

type Problem = 'signin-needed' | 'update-needed';

/** "Globex", "Globex and Initech", "Globex, Initech and Umbrella". */
export function namesInWords(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Each name with the server's reason, when it gave one: "Globex (token expired)". */
const withReasons = (profiles: readonly ProfileStatus[]) => namesInWords(profiles.map((p) => (p.connection.reason ? `${p.name} (${p.connection.reason})` : p.name)));

/**
 * The popover's "retrying cannot help" notice when the app runs two or more profiles: one alert
 * for those that need a new token, one for those that need a newer app, each naming them, and
 * naming the profiles whose rows below are still live. `loaded`: rows are on screen, so it
 * says how old the named profiles' rows are.
 */
export function ProfilesProblem({ profiles, loaded }: { profiles: readonly ProfileStatus[]; loaded: boolean }) {
  const stuck = (phase: Problem) => profiles.filter((p) => p.connection.phase === phase);
  const live = profiles.filter((p) => p.connection.phase === 'live').map((p) => p.name);
  return (
    <>
      {(['signin-needed', 'update-needed'] as const).map((phase) => {
        const named = stuck(phase);
        return named.length > 0 ? <ProblemNotice key={phase} phase={phase} named={named} loaded={loaded} live={live} /> : null;
      })}
    </>
  );
}

function ProblemNotice({ phase, named, loaded, live }: { phase: Problem; named: ProfileStatus[]; loaded: boolean; live: readonly string[] }) {
  const who = namesInWords(named.map((p) => p.name));
  const one = named.length === 1 ? named[0]! : null;
  const asOf = !loaded
    ? ''
    : one?.connection.offlineSince
      ? ` Until then, ${one.name}'s sessions below are as of ${clockTime(one.connection.offlineSince)}.`
      : one
        ? ''
        : ' Until then, their sessions below are as of when each went offline.';
  // Said so the notice is not read as "nothing works": those rows are current and can be acted on.
  const others = live.length > 0 ? ` ${namesInWords(live)} ${live.length === 1 ? 'stays' : 'stay'} live.` : '';
  return (
    <div role="alert" className="notice notice-problem">
      {phase === 'signin-needed' ? (
        <>
          <h2 className="notice-title">Sign-in needed: {who}</h2>
          <p>
            Disco Parrot did not accept Parrot Tray's sign-in to {withReasons(named)}. Give {one ? 'it' : 'each'} a new access token in
            Settings, under Profiles; {one ? 'it reconnects' : 'each reconnects'} on its own as soon as the token changes.{asOf}
            {others}
          </p>
        </>
      ) : (
        <>
          <h2 className="notice-title">Update needed: {who}</h2>
          <p>
            This version of Parrot Tray no longer matches the Disco Parrot server of {withReasons(named)}. Install the latest Parrot Tray
            to reconnect.{asOf}
            {others}
          </p>
        </>
      )}
    </div>
  );
}
