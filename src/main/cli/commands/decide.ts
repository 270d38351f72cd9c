import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Companion } from '../../core/companion';
import { silentLogger } from '../../core/log';
import { CliError, intFlag, parse, UsageError } from '../args';
import { BACKEND_OPTIONS, BACKEND_USAGE, backendFlags } from '../backend-flags';
import type { Command, CliIo } from '../command';
import { ExitCode } from '../exit-codes';
import { openOrExplain } from '../open-cache';

function decideCommand(action: 'approve' | 'reject'): Command {
  const verb = action === 'approve' ? 'approved' : 'rejected';
  return {
    name: action,
    summary: `${action} a session's pending checkpoint`,
    usage: `Usage: parrot-tray ${action} ID --backend URL [--comment TEXT] [--checkpoint CP] [--data DIR]

Decides the pending checkpoint of session ID: connects, reads the session's current state, and
sends one "${action}" command. Nothing is sent while offline.

Options:
${BACKEND_USAGE}
  --comment TEXT      a comment that goes with the decision
  --checkpoint CP     decide only if CP is still the pending checkpoint (otherwise: conflict)
  --data DIR          use (and update) this cache instead of a throwaway one
  --timeout S         give up after S seconds (default 30)
  -h, --help          show this help

Exit codes: 0 ${verb}, 1 conflict / not found / refused, 2 usage, 3 sign-in needed, 4 update needed, 5 offline.`,
    async run(args, io) {
      const { values, positionals } = parse(
        args,
        { ...BACKEND_OPTIONS, comment: { type: 'string' }, checkpoint: { type: 'string' }, data: { type: 'string' }, timeout: { type: 'string' } },
        true,
      );
      if (values.help) {
        io.out(this.usage);
        return 0;
      }
      if (positionals.length !== 1) throw new UsageError('give exactly one session ID');
      const { url, token } = backendFlags(values, io.env);
      const timeoutS = intFlag('timeout', values.timeout, 30, 1, 3600);
      const scratch = values.data ? null : mkdtempSync(join(tmpdir(), 'parrot-tray-'));
      try {
        return await decide(io, { action, sessionId: positionals[0]!, url, token, dataDir: values.data ?? scratch!, comment: values.comment, checkpoint: values.checkpoint, timeoutS });
      } finally {
        if (scratch) rmSync(scratch, { recursive: true, force: true });
      }
    },
  };
}

interface Decision {
  action: 'approve' | 'reject';
  sessionId: string;
  url: string;
  token: string;
  dataDir: string;
  comment?: string;
  checkpoint?: string;
  timeoutS: number;
}

async function decide(io: CliIo, d: Decision): Promise<number> {
  const companion = openOrExplain(() => Companion.open({ backendUrl: d.url, token: d.token, dataDir: d.dataDir, logger: silentLogger }), io);
  try {
    const ready = await new Promise<number>((resolve) => {
      companion.on('caughtUp', () => resolve(ExitCode.ok));
      companion.on('state', (s) => {
        if (s.phase === 'signin-needed') resolve(ExitCode.signInNeeded);
        if (s.phase === 'update-needed') resolve(ExitCode.updateNeeded);
      });
      setTimeout(() => resolve(ExitCode.offline), d.timeoutS * 1000).unref();
      companion.start();
    });
    if (ready === ExitCode.signInNeeded) throw new CliError(`sign-in needed: ${companion.connection.state.reason}`, ready);
    if (ready === ExitCode.updateNeeded) throw new CliError(`update needed: ${companion.connection.state.reason}`, ready);
    if (ready === ExitCode.offline) throw new CliError(`offline: could not reach ${d.url} (${companion.connection.state.reason ?? 'no answer'}); nothing was sent`, ready);
    const session = companion.cache.getSession(d.sessionId);
    if (!session) throw new CliError(`not found: there is no session ${d.sessionId}`);
    const checkpointId = d.checkpoint ?? session.checkpoint?.id;
    if (!checkpointId) throw new CliError(`nothing to ${d.action}: ${d.sessionId} ("${session.title}") has no pending checkpoint (it is ${session.status})`);
    const reply = await companion.commands.run({ action: d.action, sessionId: d.sessionId, checkpointId, ...(d.comment ? { comment: d.comment } : {}) }, d.timeoutS * 1000);
    if (!reply.ok) throw new CliError(`${reply.code}: ${reply.message}`, reply.code === 'offline' ? ExitCode.offline : ExitCode.failed);
    io.out(`${d.action === 'approve' ? 'Approved' : 'Rejected'} checkpoint ${checkpointId} of ${d.sessionId} ("${session.title}").`);
    return ExitCode.ok;
  } finally {
    companion.close();
  }
}

export const approveCommand = decideCommand('approve');
export const rejectCommand = decideCommand('reject');
