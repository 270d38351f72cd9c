import type { NotifySettings } from '../../../shared/notify-settings';

/**
 * What a notification is about; the shell picks its buttons, urgency and sound from it. A summary
 * carries the kind of what it stands for ("4 approvals waiting" is an approval notification).
 */
export type NotifyKind = 'approval' | 'reminder' | 'follow-up' | 'failure' | 'withdraw';

/**
 * Only what asks the person to decide plays the system sound: an approval and a reminder of one
 * (issue 13: "Nothing else does"), and only while the person leaves sound on.
 */
export function playsSound(kind: NotifyKind, settings: Pick<NotifySettings, 'sound'>): boolean {
  return settings.sound && (kind === 'approval' || kind === 'reminder');
}
