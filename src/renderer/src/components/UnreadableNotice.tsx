import { unreadableNotice } from '../../../shared/sessions';
import { useStatusStore } from '../state/useStatusStore';
import '../styles/unreadable.css';

/**
 * "6 sessions could not be read" (PROTOCOL.md section 1): the server sent sessions this version
 * cannot read, and everything else is shown as usual. Quiet by design: a line the person can open
 * for the ids to report, not an alarm, since nothing they can do here would fix it.
 */
export function UnreadableNotice() {
  const { count, ids } = useStatusStore((s) => s.unreadable);
  if (count === 0) return null;
  const withoutId = count - ids.length;
  return (
    <details className="unreadable-notice">
      <summary>{unreadableNotice(count)}</summary>
      <p className="muted">
        Disco Parrot sent {count === 1 ? 'it' : 'them'} in a form this version of Parrot Tray can't read; every other session is
        up to date. If this stays, report these ids to your Disco Parrot administrator.
      </p>
      <ul aria-label="Sessions that could not be read">
        {ids.map((id) => (
          <li key={id}>
            <code>{id}</code>
          </li>
        ))}
        {withoutId > 0 && <li className="muted">{withoutId === 1 ? '1 more without a readable id' : `${withoutId} more without a readable id`}</li>}
      </ul>
    </details>
  );
}
