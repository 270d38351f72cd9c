/** What a command may touch: output, environment, and a wait for SIGINT/SIGTERM; injectable for tests. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  untilSignal: () => Promise<void>;
  /** Asks a yes/no question on the terminal; null when there is no terminal to ask on. */
  confirm?: (question: string) => Promise<boolean | null>;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the exit code. Throws UsageError (exit 2) or CliError (its own code). */
  run(args: string[], io: CliIo): Promise<number>;
}
