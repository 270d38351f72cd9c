import type { ConnectionPhase } from '../../../shared/connection-state';

/** Why Approve and Reject are disabled, in words; null when the connection is live. */
export function decisionBlockedReason(phase: ConnectionPhase): string | null {
  switch (phase) {
    case 'live':
      return null;
    case 'connecting':
      return 'Connecting — decisions need a live connection';
    case 'signin-needed':
      return 'Sign-in needed — decisions need a live connection';
    case 'update-needed':
      return 'Update needed — decisions need a live connection';
    case 'reconnecting':
    case 'stopped':
      return 'Offline — decisions need a live connection';
  }
}

export type Decision = 'approve' | 'reject';

export const DOING: Record<Decision, string> = { approve: 'Approving…', reject: 'Rejecting…' };
export const SENT: Record<Decision, string> = {
  approve: 'Approval sent — the row updates when Disco Parrot confirms',
  reject: 'Rejection sent — the row updates when Disco Parrot confirms',
};
export const FAILED: Record<Decision, string> = { approve: "Couldn't approve", reject: "Couldn't reject" };
