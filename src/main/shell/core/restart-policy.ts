/**
 * When to start the core again after it stopped on its own. A crash now and then is restarted
 * after a second; a core that dies again at once waits twice as long each time (up to 30 s), so
 * a crash loop cannot eat the machine; after MAX_ATTEMPTS quick deaths in a row the shell stops
 * trying and says so. A core that ran for STABLE_MS counts as healthy again.
 */
export interface RestartPolicy {
  baseMs: number;
  maxMs: number;
  /** Quick deaths in a row after which the shell gives up. */
  maxAttempts: number;
  /** A core that ran this long resets the count of quick deaths. */
  stableMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { baseMs: 1_000, maxMs: 30_000, maxAttempts: 6, stableMs: 60_000 };

export interface RestartState {
  /** Quick deaths in a row. */
  streak: number;
  /** Restarts since the app started (what the windows are told). */
  total: number;
}

export const NO_RESTARTS: RestartState = { streak: 0, total: 0 };

export type RestartPlan = { state: RestartState; restartInMs: number } | { state: RestartState; giveUp: true };

/** What to do about a core that stopped on its own after running for `ranForMs`. */
export function planRestart(state: RestartState, ranForMs: number, policy: RestartPolicy = DEFAULT_RESTART_POLICY): RestartPlan {
  const streak = (ranForMs >= policy.stableMs ? 0 : state.streak) + 1;
  if (streak > policy.maxAttempts) return { state: { ...state, streak }, giveUp: true };
  const restartInMs = Math.min(policy.maxMs, policy.baseMs * 2 ** (streak - 1));
  return { state: { streak, total: state.total + 1 }, restartInMs };
}

/**
 * How the core stopped, in words for the log and the windows ("… stopped (exited with code 9)").
 * UtilityProcess's `exit` gives only a code: a signal arrives as its number, so it is not named.
 */
export function exitReason(code: number): string {
  return code === 0 ? 'exited on its own' : `exited with code ${code}`;
}
