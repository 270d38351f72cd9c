/**
 * How long to keep looking for a row being revealed: a virtualized list renders it a frame or two
 * later, and a windowed one only once its window settled (useSessionWindow) and the core answered
 * for that part of the list. Counted in time, not frames, which come at any rate.
 */
export const REVEAL_MS = 2000;

/**
 * Calls `attempt` once a frame, from the next one, until it returns true or `ms` have passed
 * (then `onGiveUp`). Gives back the cancel.
 */
export function retryEachFrame(attempt: () => boolean, ms: number, onGiveUp: () => void = () => undefined): () => void {
  const until = performance.now() + ms;
  let frame = 0;
  const step = () => {
    if (attempt()) return;
    if (performance.now() < until) frame = requestAnimationFrame(step);
    else onGiveUp();
  };
  frame = requestAnimationFrame(step);
  return () => cancelAnimationFrame(frame);
}
