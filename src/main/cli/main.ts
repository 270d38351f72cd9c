import { CliError, UsageError } from './args';
import type { CliIo, Command } from './command';
import { approveCommand, rejectCommand } from './commands/decide';
import { demoBackendCommand } from './commands/demo-backend';
import { diagnosticsCommand } from './commands/diagnostics';
import { profilesCommand } from './commands/profiles';
import { cancelCommand, endCommand, resumeCommand } from './commands/session-actions';
import { sessionsCommand } from './commands/sessions';
import { syncCommand } from './commands/sync';
import { transcriptCommand } from './commands/transcript';
import { webCommand } from './commands/web';

const COMMANDS: Command[] = [syncCommand, sessionsCommand, transcriptCommand, approveCommand, rejectCommand, resumeCommand, cancelCommand, endCommand, webCommand, profilesCommand, diagnosticsCommand, demoBackendCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: parrot-tray <command> [options]',
    '',
    'Parrot Tray without the tray: the same core, from a terminal.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "parrot-tray <command> --help" for a command\'s options.',
  ].join('\n');
}

/** Runs one CLI invocation and resolves to its exit code; never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`parrot-tray: unknown command "${name}" (run "parrot-tray --help" for the list)`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`parrot-tray ${name}: ${error.message} (see "parrot-tray ${name} --help")`);
      return 2;
    }
    if (error instanceof CliError) {
      io.err(`parrot-tray ${name}: ${error.message}`);
      return error.exitCode;
    }
    // Unexpected: one line, never a stack trace (it could quote frames or paths with secrets).
    io.err(`parrot-tray ${name}: internal error: ${(error as Error).message ?? String(error)}`);
    return 1;
  }
}
