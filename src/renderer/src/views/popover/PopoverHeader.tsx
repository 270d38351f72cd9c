import { needsYouWords } from '../../../../shared/sessions';
import { ConnectionStatus } from '../../components/ConnectionStatus';
import { useStatusStore } from '../../state/useStatusStore';

/** The tray's words for the same count (shared needsYouWords); nothing waiting is "All clear". */
export const headerWords = (count: number): string => (count === 0 ? 'All clear' : needsYouWords(count));

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
            {headerWords(needsYou)}
          </span>
        )}
      </div>
    </header>
  );
}
