import type { Session, WebContents } from 'electron';
import { isAllowedExternalUrl, isTrustedSenderUrl } from '../ipc/trusted-sender';

/**
 * Fiddle's lock-down for every window: no new windows (an https link opens in the browser
 * instead), no navigation away from the app's page, and every permission request denied.
 */
export function lockDown(contents: Pick<WebContents, 'setWindowOpenHandler' | 'on'>, appUrl: () => string, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedSenderUrl(url, appUrl())) event.preventDefault();
  });
}

export function denyPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
