import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandAction, Session } from '../../../shared/protocol';
import type { CommandRequest } from '../../core/commands/command-client';
import { Companion } from '../../core/companion';
import { silentLogger } from '../../core/log';
import { CliError, intFlag, parse, UsageError } from '../args';
import { BACKEND_OPTIONS, BACKEND_USAGE, dataFlag } from '../backend-flags';
import { oneBackend, PROFILE_OPTION, PROFILE_USAGE } from '../profile-flags';
import type { Command, CliIo } from '../command';
import { ExitCode } from '../exit-codes';
import { openOrExplain } from '../open-cache';

type Values = Record<string, string | boolean | undefined>;
type Fields = Omit<CommandRequest, 'action' | 'sessionId'>;

/**
 * One command of PROTOCOL.md 3.6 as a CLI command. approve/reject and resume/cancel/end differ
 * only in what they say and what they send; connecting, waiting to catch up, exit codes and the
 * wording of a refusal are shared, so a script can treat all five alike.
 */
export interface ActionSpec {
  action: CommandAction;
  summary: string;
  /** The synopsis's options after ID and --backend URL, e.g. "[--comment TEXT]". */
  synopsis: string;
  /** What the command does, wrapped, for --help. */
  describe: string;
  /** Options of this command alone, and their --help lines. */
  options: Record<string, { type: 'string' }>;
  optionsUsage: string;
  /** What success means in the exit code line ("approved", "cancelled"). */
  done: string;
  /** The command's fields for this session as the cache holds it; throws CliError when there is nothing to send. */
  fields: (session: Session, values: Values) => Fields;
  /** The line printed once Disco Parrot accepts. */
  accepted: (session: Session, fields: Fields) => string;
}

const COMMON_OPTIONS = { ...BACKEND_OPTIONS, ...PROFILE_OPTION, data: { type: 'string' }, timeout: { type: 'string' } } as const;

export function actionCommand(spec: ActionSpec): Command {
  return {
    name: spec.action,
    summary: spec.summary,
    usage: `Usage: parrot-tray ${spec.action} ID --backend URL ${spec.synopsis ? `${spec.synopsis} ` : ''}[--data DIR]

${spec.describe}

Options:
${BACKEND_USAGE}
${PROFILE_USAGE}
${spec.optionsUsage ? `${spec.optionsUsage}\n` : ''}  --data DIR          use (and update) this cache instead of a throwaway one
  --timeout S         give up after S seconds (default 30)
  -h, --help          show this help

Exit codes: 0 ${spec.done}, 1 conflict / not found / refused, 2 usage, 3 sign-in needed, 4 update needed, 5 offline.`,
    async run(args, io) {
      const { values, positionals } = parse(args, { ...COMMON_OPTIONS, ...spec.options }, true);
      if (values.help) {
        io.out(this.usage);
        return 0;
      }
      if (positionals.length !== 1) throw new UsageError('give exactly one session ID');
      // A profile's command goes to that profile's backend only, through its own cache.
      const { url, token, profile, dataDir } = oneBackend(values, values.data === undefined ? undefined : dataFlag(values), io.env);
      const timeoutS = intFlag('timeout', values.timeout, 30, 1, 3600);
      const scratch = profile || values.data ? null : mkdtempSync(join(tmpdir(), 'parrot-tray-'));
      try {
        return await act(io, spec, { sessionId: positionals[0]!, url, token, dataDir: profile ? dataDir : (values.data ?? scratch!), timeoutS, values: values as Values });
      } finally {
        if (scratch) rmSync(scratch, { recursive: true, force: true });
      }
    },
  };
}

interface Target {
  sessionId: string;
  url: string;
  token: string;
  dataDir: string;
  timeoutS: number;
  values: Values;
}

/** Connects, catches up, and sends one command on the state the server holds now; nothing is sent while offline. */
async function act(io: CliIo, spec: ActionSpec, t: Target): Promise<number> {
  const companion = openOrExplain(() => Companion.open({ backendUrl: t.url, token: t.token, dataDir: t.dataDir, logger: silentLogger }), io);
  try {
    const ready = await new Promise<number>((resolve) => {
      companion.on('caughtUp', () => resolve(ExitCode.ok));
      companion.on('state', (s) => {
        if (s.phase === 'signin-needed') resolve(ExitCode.signInNeeded);
        if (s.phase === 'update-needed') resolve(ExitCode.updateNeeded);
      });
      setTimeout(() => resolve(ExitCode.offline), t.timeoutS * 1000).unref();
      companion.start();
    });
    if (ready === ExitCode.signInNeeded) throw new CliError(`sign-in needed: ${companion.connection.state.reason}`, ready);
    if (ready === ExitCode.updateNeeded) throw new CliError(`update needed: ${companion.connection.state.reason}`, ready);
    if (ready === ExitCode.offline) throw new CliError(`offline: could not reach ${t.url} (${companion.connection.state.reason ?? 'no answer'}); nothing was sent`, ready);
    const session = companion.cache.getSession(t.sessionId);
    if (!session) throw new CliError(`not found: there is no session ${t.sessionId}`);
    const fields = spec.fields(session, t.values);
    const reply = await companion.commands.run({ action: spec.action, sessionId: t.sessionId, ...fields }, t.timeoutS * 1000);
    // The server's own words: "conflict: fr_7 is cancelled and cannot be cancelled".
    if (!reply.ok) throw new CliError(`${reply.code}: ${reply.message}`, reply.code === 'offline' ? ExitCode.offline : ExitCode.failed);
    io.out(spec.accepted(session, fields));
    return ExitCode.ok;
  } finally {
    companion.close();
  }
}
