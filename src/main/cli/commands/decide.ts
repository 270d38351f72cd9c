import { CliError } from '../args';
import { actionCommand } from './act';

function decideCommand(action: 'approve' | 'reject') {
  const verb = action === 'approve' ? 'approved' : 'rejected';
  return actionCommand({
    action,
    summary: `${action} a session's pending checkpoint`,
    synopsis: '[--comment TEXT] [--checkpoint CP]',
    describe: `Decides the pending checkpoint of session ID: connects, reads the session's current state, and
sends one "${action}" command. Nothing is sent while offline.`,
    options: { comment: { type: 'string' }, checkpoint: { type: 'string' } },
    optionsUsage: `  --comment TEXT      a comment that goes with the decision
  --checkpoint CP     decide only if CP is still the pending checkpoint (otherwise: conflict)`,
    done: verb,
    fields(session, values) {
      const checkpointId = (values.checkpoint as string | undefined) ?? session.checkpoint?.id;
      if (!checkpointId) throw new CliError(`nothing to ${action}: ${session.id} ("${session.title}") has no pending checkpoint (it is ${session.status})`);
      const comment = values.comment as string | undefined;
      return { checkpointId, ...(comment ? { comment } : {}) };
    },
    accepted: (session, fields) => `${action === 'approve' ? 'Approved' : 'Rejected'} checkpoint ${fields.checkpointId} of ${session.id} ("${session.title}").`,
  });
}

export const approveCommand = decideCommand('approve');
export const rejectCommand = decideCommand('reject');
