/**
 * Core's only way to say something. Messages are built from counts, types and codes, never from a
 * token or a frame's text, so a log can be shared in a bug report as it is.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined };

/** Lines to stderr with a prefix, for the CLI. */
export function stderrLogger(prefix: string): Logger {
  return {
    info: (m) => process.stderr.write(`${prefix}: ${m}\n`),
    warn: (m) => process.stderr.write(`${prefix}: ${m}\n`),
  };
}
