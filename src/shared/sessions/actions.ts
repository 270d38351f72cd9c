import type { CommandAction } from '../protocol/frames';
import type { Session, SessionKind } from '../protocol/session';

/** The commands of PROTOCOL.md 3.6 that act on a session itself rather than on its checkpoint. */
export type SessionAction = Exclude<CommandAction, 'approve' | 'reject'>;

/** In the order every surface lists them: the gentle one first, the irreversible ones after. */
export const SESSION_ACTIONS: readonly SessionAction[] = ['resume', 'cancel', 'end'];

/*
 * Which sessions each action applies to. The table in 3.6 says "a pending/running flow run or
 * task" for cancel; a paused run or a waiting task is still in flight, and the demo backend (the
 * reference server, core/demo/commands.ts) cancels those too, so the companion offers it there as
 * well. Offering what the server refuses would only earn a conflict; hiding what it allows would
 * leave the person without a way to stop a run parked at a checkpoint.
 */
const CANCELLABLE: Partial<Record<SessionKind, ReadonlySet<string>>> = {
  flow_run: new Set(['pending', 'running', 'paused']),
  background_task: new Set(['provisioning', 'queued', 'running', 'waiting']),
};

/** A paused run or a waiting task with nothing left to decide: a checkpoint is approved or rejected instead. */
export function canResume(session: Session): boolean {
  if (session.checkpoint) return false;
  return (session.kind === 'flow_run' && session.status === 'paused') || (session.kind === 'background_task' && session.status === 'waiting');
}

export function canCancel(session: Session): boolean {
  return CANCELLABLE[session.kind]?.has(session.status) ?? false;
}

/** An open chat; its `ended` flag wins over a status that has not caught up. */
export function canEnd(session: Session): boolean {
  return session.kind === 'chat' && session.status === 'open' && !session.chat.ended;
}

const RULES: Record<SessionAction, (session: Session) => boolean> = { resume: canResume, cancel: canCancel, end: canEnd };

export function canAct(session: Session, action: SessionAction): boolean {
  return RULES[action](session);
}

/** The actions that apply to the session as the person sees it now, in SESSION_ACTIONS order. */
export function applicableActions(session: Session): SessionAction[] {
  return SESSION_ACTIONS.filter((action) => RULES[action](session));
}

const NOUN: Record<SessionKind, string> = { flow_run: 'run', background_task: 'task', chat: 'chat' };

/** A button's or menu item's words: "Resume", "Cancel run…" (it asks first), "End chat". */
export function actionLabel(action: SessionAction, kind: SessionKind): string {
  switch (action) {
    case 'resume':
      return 'Resume';
    case 'cancel':
      return `Cancel ${NOUN[kind]}…`;
    case 'end':
      return `End ${NOUN[kind]}`;
  }
}

/** While the command is on its way. */
export const ACTION_DOING: Record<SessionAction, string> = { resume: 'Resuming…', cancel: 'Cancelling…', end: 'Ending…' };

/** The start of a refusal, followed by the server's reason. */
export const ACTION_FAILED: Record<SessionAction, string> = { resume: "Couldn't resume", cancel: "Couldn't cancel", end: "Couldn't end" };

/** An accepted command changes nothing locally: the session moves when the stream says so. */
export const ACTION_SENT = 'Sent — waiting for Disco Parrot';

export interface CancelConfirmation {
  heading: string;
  body: string;
  confirm: string;
  keep: string;
}

/** What the confirmation asks before a cancel, which no one can undo. */
export function cancelConfirmation(session: Pick<Session, 'kind' | 'title'>): CancelConfirmation {
  const noun = NOUN[session.kind];
  return {
    heading: `Cancel this ${noun}?`,
    body: `“${session.title}” stops for good; a cancelled ${noun} cannot be resumed.`,
    confirm: `Cancel ${noun}`,
    keep: "Don't cancel",
  };
}
