import type { Session } from '../protocol/session';

/** The colour family of a status (PROTOCOL.md section 5). */
export type Category = 'active' | 'attention' | 'success' | 'problem' | 'neutral';

const BY_KIND: Record<Session['kind'], Record<string, Category>> = {
  flow_run: {
    pending: 'active',
    running: 'active',
    paused: 'attention',
    succeeded: 'success',
    failed: 'problem',
    rejected: 'problem',
    cancelled: 'neutral',
  },
  background_task: {
    provisioning: 'active',
    queued: 'active',
    running: 'active',
    waiting: 'attention',
    completed: 'success',
    failed: 'problem',
    cancelled: 'neutral',
  },
  chat: { open: 'active', ended: 'neutral' },
};

export function hasPendingCheckpoint(session: Session): boolean {
  return session.checkpoint != null;
}

/** A chat counts as ended by its status or by its `chat.ended` flag, whichever says so first. */
export function isChatEnded(session: Session): boolean {
  return session.kind === 'chat' && (session.status === 'ended' || session.chat.ended);
}

export function categoryOf(session: Session): Category {
  // A decision waiting on a person outranks whatever the status says.
  if (hasPendingCheckpoint(session)) return 'attention';
  if (isChatEnded(session)) return 'neutral';
  // Unknown statuses (and statuses of another kind) are shown as they are, in neutral.
  // Own keys only: a status such as "constructor" or "__proto__" must not reach Object.prototype.
  const table = BY_KIND[session.kind];
  return Object.hasOwn(table, session.status) ? table[session.status]! : 'neutral';
}
