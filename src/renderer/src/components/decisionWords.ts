import type { ConnectionPhase } from '../../../shared/connection-state';

/** Why a command cannot be sent now, in words ("Offline — decisions need a live connection"); null when live. */
export function blockedReason(phase: ConnectionPhase, what: 'decisions' | 'actions'): string | null {
  const need = `${what} need a live connection`;
  switch (phase) {
    case 'live':
      return null;
    case 'connecting':
      return `Connecting — ${need}`;
    case 'signin-needed':
      return `Sign-in needed — ${need}`;
    case 'update-needed':
      return `Update needed — ${need}`;
    case 'reconnecting':
    case 'stopped':
      return `Offline — ${need}`;
  }
}

/** Why Approve and Reject are disabled, in words; null when the connection is live. */
export const decisionBlockedReason = (phase: ConnectionPhase): string | null => blockedReason(phase, 'decisions');

export type Decision = 'approve' | 'reject';

export const DOING: Record<Decision, string> = { approve: 'Approving…', reject: 'Rejecting…' };
export const SENT: Record<Decision, string> = {
  approve: 'Approval sent — the row updates when Disco Parrot confirms',
  reject: 'Rejection sent — the row updates when Disco Parrot confirms',
};
export const FAILED: Record<Decision, string> = { approve: "Couldn't approve", reject: "Couldn't reject" };
