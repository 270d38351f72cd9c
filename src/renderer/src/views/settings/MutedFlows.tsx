import type { NotifySettings } from '../../../../shared/notify-settings';
import '../../styles/muted-flows.css';

interface Props {
  flows: NotifySettings['mutedFlows'];
  /** The flow, and the list it is taken out of (what the page shows until the core answers). */
  onUnmute: (flow: NotifySettings['mutedFlows'][number], from: NotifySettings['mutedFlows']) => void;
}

/** The flows muted from a session's menu ("Mute this flow"), each with its way back. */
export function MutedFlows({ flows, onUnmute }: Props) {
  return (
    <section className="muted-flows" aria-labelledby="settings-muted-heading">
      <h3 id="settings-muted-heading">Muted flows</h3>
      {flows.length === 0 ? (
        <p className="settings-hint">None. "Mute this flow" in a session's menu silences a flow's approvals, reminders and follow-ups until you unmute it here.</p>
      ) : (
        <>
          <p className="settings-hint">No approval, reminder, follow-up or failure notification for runs of these flows.</p>
          <ul className="muted-flows-list">
            {flows.map((f) => (
              <li key={f.id} className="muted-flows-item">
                <span className="muted-flows-name" title={f.name || f.id}>
                  {f.name || f.id}
                </span>
                <button type="button" className="settings-button" aria-label={`Unmute ${f.name || f.id}`} onClick={() => onUnmute(f, flows)}>
                  Unmute
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
