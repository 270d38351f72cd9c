import { profileOf, scopeId } from '../../../shared/api/scoped-id';
import { REMIND_LATER_LABEL } from '../../../shared/notify-settings';
import type { CommandReply } from '../../core/commands/command-client';
import type { NotifyEvent } from '../../core/notify/policy';
import { BODY_MAX, clip, TITLE_MAX } from '../../core/notify/text';

export interface NotificationButton {
  type: 'button';
  text: string;
}

/** Action indexes as Electron reports them; the order of APPROVE_ACTIONS. */
export const ACTION_APPROVE = 0;
export const ACTION_OPEN = 1;
export const ACTION_REMIND = 2;
// macOS shows the first as a button and the rest under "Options"; Windows shows all three.
const APPROVE_ACTIONS: NotificationButton[] = [
  { type: 'button', text: 'Approve' },
  { type: 'button', text: 'Open' },
  { type: 'button', text: REMIND_LATER_LABEL },
];

export const SUMMARY_KEY = 'summary';

export interface ShowNotification {
  /**
   * The checkpoint id, scoped by its session's profile (`acme/cp_1`), for an approval and its
   * reminders (so a withdraw finds both), `failed:<session id>`, `follow-up:<session id>`,
   * `result:<checkpoint key>` or 'summary'.
   */
  key: string;
  title: string;
  body: string;
  /** Empty, or Approve, Open, Remind me in 1 h (ACTION_APPROVE, ACTION_OPEN, ACTION_REMIND). */
  actions: NotificationButton[];
  silent: boolean;
  urgency: 'normal' | 'low';
  icon?: string;
  /** What a click opens: this session in the popover, or (null) just the popover. */
  openSessionId: string | null;
  /** Set when Approve is offered: what the action approves (and "Remind me in 1 h" reminds of); the checkpoint id raw, as the backend knows it. */
  approve?: { sessionId: string; checkpointId: string };
  /** A reminder: it takes the place of the banners already shown for its checkpoint. */
  replaces?: boolean;
}
export interface WithdrawNotification {
  withdraw: string;
}
export type NotificationPlan = ShowNotification | WithdrawNotification;

export interface PlanOptions {
  /** process.platform. */
  platform: string;
  /** Absolute path of the icon file (Linux and Windows show it; macOS shows the app's own icon). */
  icon?: string;
}

/** Electron notification actions exist only on macOS and Windows; elsewhere a click must do. */
export const supportsActions = (platform: string): boolean => platform === 'darwin' || platform === 'win32';

/**
 * The memory key of what a banner is about. Session ids arrive scoped (`acme/ft_1`) but checkpoint
 * ids raw, and two tenants may use the same checkpoint ids: the checkpoint key takes its session's
 * profile, so one tenant's withdraw never closes the other's banner.
 */
export function notificationKey(event: Pick<NotifyEvent, 'event' | 'kind' | 'sessionId' | 'checkpointId'>): string {
  if (event.checkpointId) {
    const profile = event.sessionId ? profileOf(event.sessionId) : null;
    return profile ? scopeId(profile, event.checkpointId) : event.checkpointId;
  }
  if (event.event !== 'summary' && event.sessionId) return event.kind === 'follow-up' ? `follow-up:${event.sessionId}` : `failed:${event.sessionId}`;
  return SUMMARY_KEY;
}

/**
 * What the shell shows for one decision of the core policy. The title carries no app-name prefix:
 * every platform already labels the banner with the app (macOS by bundle, Windows by the
 * AppUserModelId, Linux by the desktop entry), so a prefix would only eat the 64 characters.
 */
export function planNotification(event: NotifyEvent, options: PlanOptions): NotificationPlan {
  const key = notificationKey(event);
  if (event.event === 'withdraw') return { withdraw: key };
  // The core decides the sound (approvals and reminders, while the setting is on); nothing here adds one.
  const base = { key, title: event.title, body: event.body, silent: !event.sound, ...(options.icon ? { icon: options.icon } : {}) };
  if (event.event === 'summary') {
    return { ...base, actions: [], urgency: 'normal', openSessionId: null };
  }
  if (event.checkpointId && event.sessionId) {
    // An approval or its reminder. Without actions (Linux) a click opens the session, whose row
    // menu has "Remind me in 1 h" too.
    const withActions = supportsActions(options.platform);
    return {
      ...base,
      actions: withActions ? APPROVE_ACTIONS.map((a) => ({ ...a })) : [],
      urgency: 'normal',
      openSessionId: event.sessionId,
      ...(withActions ? { approve: { sessionId: event.sessionId, checkpointId: event.checkpointId } } : {}),
      ...(event.kind === 'reminder' ? { replaces: true } : {}),
    };
  }
  // A failure blocks nobody (an approval does), so it is shown at low urgency; a follow-up is news
  // the person asked for by approving, at normal urgency.
  return { ...base, actions: [], urgency: event.kind === 'follow-up' ? 'normal' : 'low', openSessionId: event.sessionId };
}

/**
 * The banner that follows Approve pressed on a banner: the person pressed a button and saw the
 * banner go, so the outcome, good or bad, has to come back the same way. The server's message is
 * redacted and clipped like every banner text.
 */
export function planApprovalResult(original: ShowNotification, reply: CommandReply): ShowNotification {
  const subject = stripTitlePrefix(original.title);
  const title = reply.ok ? `Approved: ${subject}` : `Not approved: ${subject}`;
  const body = reply.ok ? 'The session goes on.' : `${reply.message} (${reply.code})`;
  return {
    // The original's key, not the raw checkpoint id: two tenants' results must not replace each other.
    key: `result:${original.key}`,
    title: clip(title, TITLE_MAX),
    body: clip(body, BODY_MAX),
    actions: [],
    // Only approvals and reminders ring (issue 13); the answer to a pressed button is read, not heard.
    silent: true,
    urgency: 'normal',
    ...(original.icon ? { icon: original.icon } : {}),
    openSessionId: original.openSessionId,
  };
}

/**
 * "Approval needed: Nightly build" → "Nightly build", and likewise a reminder's title. With several
 * profiles the core puts the tenant first ("Acme Corp · Approval needed: Nightly build"); the
 * tenant stays ("Acme Corp · Nightly build"), since the answer is about that tenant's checkpoint.
 * A clipped title keeps its ellipsis.
 */
function stripTitlePrefix(title: string): string {
  const match = /^(?:(.*?) · )?(?:Approval needed|Reminder): (.*)$/s.exec(title);
  if (!match) return title;
  const [, tenant, subject] = match;
  return tenant ? `${tenant} · ${subject}` : (subject ?? title);
}
