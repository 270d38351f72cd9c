/**
 * Whether an IPC message comes from the app's own page (Electron security checklist 17): the
 * renderer's index.html from the app's files, or the dev server while developing. Anything else
 * (a navigated-away frame, an iframe, an injected page) is refused before any handler runs.
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
  if (app.protocol === 'file:') return sender.protocol === 'file:' && sender.pathname === app.pathname;
  return sender.origin === app.origin;
}

/** Only https links leave the app, through the system browser (checklist 15). */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
