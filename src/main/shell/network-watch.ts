/**
 * Calls `onBack` when the network returns (Electron's net.isOnline() goes from false to true), so
 * the connection retries at once instead of sleeping out its backoff (up to 30 s).
 */
export function watchNetwork(isOnline: () => boolean, onBack: () => void, everyMs = 3_000): () => void {
  let online = isOnline();
  const timer = setInterval(() => {
    const now = isOnline();
    if (now && !online) onBack();
    online = now;
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
