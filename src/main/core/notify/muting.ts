import type { NotifySettings } from '../../../shared/notify-settings';
import type { Session } from '../../../shared/protocol';

/**
 * A session of a flow the person muted ("Mute this flow"): it raises no approval, reminder,
 * follow-up or failure notice until the flow is unmuted. Only flow runs belong to a flow; a task or
 * a chat is never muted this way. A withdraw is not a new notification, so it still goes out:
 * a banner shown before the mute must not stay on screen once its checkpoint is decided.
 */
export function isMuted(session: Session, settings: Pick<NotifySettings, 'mutedFlows'>): boolean {
  if (session.kind !== 'flow_run' || !session.flow.flowId || settings.mutedFlows.length === 0) return false;
  const flowId = session.flow.flowId;
  return settings.mutedFlows.some((f) => f.id === flowId);
}
