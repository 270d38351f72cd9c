import { openDetail } from '../../components/openDetail';
import { kindLabel, KindIcon } from '../../components/KindIcon';
import { useSessionsStore } from '../../state/useSessionsStore';

/**
 * A link to another session (a parent, the chat a task came from). It opens that session's detail
 * when the list holds it; otherwise it says so, rather than leading to a "not found" page.
 */
export function SessionLink({ id }: { id: string }) {
  const target = useSessionsStore((s) => s.byId.get(id));
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
