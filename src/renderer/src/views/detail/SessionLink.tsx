import { openDetail } from '../../components/openDetail';
import type { Session } from '../../../../shared/protocol';
import { kindLabel, KindIcon } from '../../components/KindIcon';

/**
 * A link to another session (a parent, the chat a task came from). It opens that session's detail
 * when the cache holds it (`target`, from the detail query's related sessions); otherwise it says
 * so, rather than leading to a "not found" page.
 */
export function SessionLink({ id, target }: { id: string; target: Session | undefined }) {
  if (!target) {
    return (
      <span className="session-link-missing">
        <code>{id}</code> <span className="muted">(not in the list)</span>
      </span>
    );
  }
  return (
    <button type="button" className="session-link" onClick={() => openDetail(id)} title={`Open ${kindLabel(target.kind).toLowerCase()} ${target.title}`}>
      <KindIcon kind={target.kind} /> {target.title}
    </button>
  );
}
