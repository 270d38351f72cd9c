/** Exit codes a script can tell apart. */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  signInNeeded: 3,
  updateNeeded: 4,
  offline: 5,
} as const;
