/**
 * Whether an IPC message comes from the app's own page (Electron security checklist 17): a page of
 * the app's own scheme, or the dev server while developing. Anything else (a navigated-away frame,
 * an iframe, a file:// page, an injected page) is refused before any handler runs.
 */
export function isTrustedSenderUrl(senderUrl: string | undefined, appUrl: string): boolean {
  if (!senderUrl) return false;
  let sender: URL;
  let app: URL;
  try {
    sender = new URL(senderUrl);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') return sender.origin === app.origin;
  // Node gives a custom scheme's URL the origin "null" whatever its host, so origins cannot be
  // compared: the scheme and the host are (Chromium's origin of a standard scheme is the two).
  return sender.protocol === app.protocol && sender.host === app.host && app.host !== '';
}

/** Only https links leave the app, through the system browser (checklist 15). */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
