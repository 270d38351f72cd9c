import { ConnectionStatus } from '../../components/ConnectionStatus';
import { useSessionsStore } from '../../state/useSessionsStore';

export function approvalsWords(count: number): string {
  if (count === 0) return 'No approvals waiting';
  return `${count} ${count === 1 ? 'approval' : 'approvals'} waiting`;
}

/** The name, whether the data is real, how fresh it is, and how many decisions wait on someone. */
export function PopoverHeader() {
  const demo = useSessionsStore((s) => s.demo);
  const loaded = useSessionsStore((s) => s.loaded);
  // Every session counts, not only those shown: an approval is waiting wherever its row is. The
  // index keeps the count, since a selector runs on every store update (10,000 sessions: 25 ms).
  const approvals = useSessionsStore((s) => s.byId.approvals);

  return (
    <header className="popover-header">
      <div className="popover-title-line">
        <h1 className="popover-title">Parrot Tray</h1>
        {demo && <span className="badge badge-demo">Demo data</span>}
      </div>
      <div className="popover-status">
        <ConnectionStatus />
        {loaded && (
          <span role="status" className={approvals > 0 ? 'approvals approvals-waiting' : 'approvals'}>
            {approvalsWords(approvals)}
          </span>
        )}
      </div>
    </header>
  );
}
