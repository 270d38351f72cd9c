import { ConnectionStatus } from '../../components/ConnectionStatus';
import { useStatusStore } from '../../state/useStatusStore';

export function approvalsWords(count: number): string {
  if (count === 0) return 'No approvals waiting';
  return `${count} ${count === 1 ? 'approval' : 'approvals'} waiting`;
}

/**
 * The name, whether the data is real, how fresh it is, and how many decisions wait on someone:
 * every session counts, not only those shown (the core counts them; null until it has answered).
 */
export function PopoverHeader({ approvals }: { approvals: number | null }) {
  const demo = useStatusStore((s) => s.demo);

  return (
    <header className="popover-header">
      <div className="popover-title-line">
        <h1 className="popover-title">Parrot Tray</h1>
        {demo && <span className="badge badge-demo">Demo data</span>}
      </div>
      <div className="popover-status">
        <ConnectionStatus />
        {approvals !== null && (
          <span role="status" className={approvals > 0 ? 'approvals approvals-waiting' : 'approvals'}>
            {approvalsWords(approvals)}
          </span>
        )}
      </div>
    </header>
  );
}
