/** PROTOCOL.md section 2: full jitter, sleep = random(0, min(cap, base · 2^attempt)). */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 30_000;
/** A connection that stayed up this long resets the attempt count. */
export const BACKOFF_RESET_AFTER_MS = 30_000;

export function backoffDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
