import type { NotifySettings } from '../../../../shared/notify-settings';
import { profileOf } from '../../../../shared/api/scoped-id';
import { profileColor } from '../../../../shared/profiles/profile-fields';
import { ProfileChip } from '../../components/ProfileChip';
import { profileStatusOf } from '../../state/useProfileOf';
import { useStatusStore } from '../../state/useStatusStore';
import '../../styles/muted-flows.css';

type Flow = NotifySettings['mutedFlows'][number];

interface Props {
  flows: NotifySettings['mutedFlows'];
  /** The flow, and the list it is taken out of (what the page shows until the core answers). */
  onUnmute: (flow: Flow, from: NotifySettings['mutedFlows']) => void;
}

/**
 * The flows muted from a session's menu ("Mute this flow"), each with its way back. With two or
 * more profiles each says whose it is (its id's scope): two tenants may both have a "Release train".
 */
export function MutedFlows({ flows, onUnmute }: Props) {
  const profiles = useStatusStore((s) => s.profiles);
  const labelled = profiles.length >= 2;
  /** A flow of a profile since removed still names its scope, so the person can tell it apart. */
  const profileLabel = (flow: Flow) => {
    const scope = profileOf(flow.id);
    if (!labelled || scope === null) return null;
    return profileStatusOf({ profiles }, flow.id) ?? { name: scope, color: profileColor(scope, null) };
  };

  return (
    <section className="muted-flows" aria-labelledby="settings-muted-heading">
      <h3 id="settings-muted-heading">Muted flows</h3>
      {flows.length === 0 ? (
        <p className="settings-hint">None. "Mute this flow" in a session's menu silences a flow's approvals, reminders and follow-ups until you unmute it here.</p>
      ) : (
        <>
          <p className="settings-hint">No approval, reminder, follow-up or failure notification for runs of these flows.</p>
          <ul className="muted-flows-list">
            {flows.map((f) => {
              const profile = profileLabel(f);
              const name = f.name || f.id;
              return (
                <li key={f.id} className="muted-flows-item">
                  <span className="muted-flows-name" title={name}>
                    {name}
                  </span>
                  {profile && <ProfileChip profile={profile} />}
                  <button type="button" className="settings-button" aria-label={`Unmute ${name}${profile ? ` (${profile.name})` : ''}`} onClick={() => onUnmute(f, flows)}>
                    Unmute
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
