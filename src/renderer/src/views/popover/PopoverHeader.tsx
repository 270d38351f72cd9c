import { connectionWords } from '../../../../shared/connection-words';
import { useNow } from '../../state/useNow';
import { useSessionsStore } from '../../state/useSessionsStore';

export function approvalsWords(count: number): string {
  if (count === 0) return 'No approvals waiting';
  return `${count} ${count === 1 ? 'approval' : 'approvals'} waiting`;
}

/** The name, whether the data is real, how fresh it is, and how many decisions wait on someone. */
export function PopoverHeader() {
  const connection = useSessionsStore((s) => s.connection);
  const skewMs = useSessionsStore((s) => s.skewMs);
  const demo = useSessionsStore((s) => s.demo);
  const loaded = useSessionsStore((s) => s.loaded);
  // Every session counts, not only those shown: an approval is waiting wherever its row is. The
  // index keeps the count, since a selector runs on every store update (10,000 sessions: 25 ms).
  const approvals = useSessionsStore((s) => s.byId.approvals);
  // A countdown needs a one-second tick; otherwise the slower default is plenty.
  const serverNow = useNow(connection.phase === 'reconnecting' ? 1_000 : 5_000);
  // nextTryAt and offlineSince come from this machine's clock, so undo the server skew here.
  const words = connectionWords(connection, serverNow - skewMs);

  return (
    <header className="popover-header">
      <div className="popover-title-line">
        <h1 className="popover-title">Parrot Tray</h1>
        {demo && <span className="badge badge-demo">Demo data</span>}
      </div>
      <div role="status" className="popover-status">
        <span className={`conn conn-${words.tone}`}>
          <span className="conn-dot" aria-hidden="true" />
          {words.text}
        </span>
        {loaded && (
          <>
            <span className="visually-hidden">. </span>
            <span className={approvals > 0 ? 'approvals approvals-waiting' : 'approvals'}>{approvalsWords(approvals)}</span>
          </>
        )}
      </div>
    </header>
  );
}
