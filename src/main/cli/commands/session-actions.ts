import type { SessionAction } from '../../../shared/sessions';
import { actionCommand } from './act';

interface Words {
  summary: string;
  /** Which sessions it applies to, after "Applies to"; the server decides (see below). */
  appliesTo: string;
  /** What to know beyond that, one or two sentences; empty for none. */
  note: string;
  done: string;
  Done: string;
}

/*
 * Which sessions each applies to is the server's call: the command is sent on the state the cache
 * caught up to, and a refusal is printed in the server's own words (conflict, not_found, invalid),
 * so the CLI never turns away what the server would accept.
 */
const WORDS: Record<SessionAction, Words> = {
  resume: {
    summary: 'resume a paused flow run or waiting task that has no checkpoint',
    appliesTo: 'a paused flow run or a waiting task with no pending checkpoint\n(a checkpoint is decided with approve or reject)',
    note: '',
    done: 'resumed',
    Done: 'Resumed',
  },
  cancel: {
    summary: 'cancel a flow run or task that is still in flight',
    appliesTo: 'a flow run or task still in flight: a pending, running or paused run, or a\nprovisioning, queued, running or waiting task',
    note: 'A cancelled session cannot be resumed. As with approve, nothing asks again: running the\ncommand is the confirmation.',
    done: 'cancelled',
    Done: 'Cancelled',
  },
  end: {
    summary: 'end an open chat',
    appliesTo: 'an open chat',
    note: '',
    done: 'ended',
    Done: 'Ended',
  },
};

function sessionActionCommand(action: SessionAction) {
  const w = WORDS[action];
  return actionCommand({
    action,
    summary: w.summary,
    synopsis: '',
    describe: `Sends one "${action}" command for session ID: connects, reads the session's current state,
and sends the command. Nothing is sent while offline. The session changes when Disco Parrot says
so, through the stream (see sync and sessions).

Applies to ${w.appliesTo}.${w.note ? `\n${w.note}` : ''}`,
    options: {},
    optionsUsage: '',
    done: w.done,
    fields: () => ({}),
    accepted: (session) => `${w.Done} ${session.id} ("${session.title}").`,
  });
}

export const resumeCommand = sessionActionCommand('resume');
export const cancelCommand = sessionActionCommand('cancel');
export const endCommand = sessionActionCommand('end');
