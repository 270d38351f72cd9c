import { ConnectionStatus } from '../../components/ConnectionStatus';
import { useStatusStore } from '../../state/useStatusStore';

/** The same words as the tray's tooltip (shell/tray/tray-state.ts), for the same count. */
export function needsYouWords(count: number): string {
  if (count === 0) return 'All clear';
  return `${count} ${count === 1 ? 'needs' : 'need'} you`;
}

/**
 * The name, whether the data is real, how fresh it is, and how much needs the person: the whole
 * Needs-you count, not only the rows shown (the core counts them; null until it has answered).
 */
export function PopoverHeader({ needsYou }: { needsYou: number | null }) {
  const demo = useStatusStore((s) => s.demo);

  return (
    <header className="popover-header">
      <div className="popover-title-line">
        <h1 className="popover-title">Parrot Tray</h1>
        {demo && <span className="badge badge-demo">Demo data</span>}
      </div>
      <div className="popover-status">
        <ConnectionStatus />
        {needsYou !== null && (
          <span role="status" className={needsYou > 0 ? 'approvals approvals-waiting' : 'approvals'}>
            {needsYouWords(needsYou)}
          </span>
        )}
      </div>
    </header>
  );
}
