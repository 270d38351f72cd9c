/**
 * The web bridge's address and the one link rule a browser page applies itself. Kept free of
 * imports (zod above all, about 100 KB): the web popover's first script takes these and nothing
 * that builds schemas at load. client-wire.ts and schemas.ts build on them, so each is said once.
 */
export const BRIDGE_PROTOCOL = 'parrot-tray.bridge.v2';
export const BRIDGE_PATH = '/bridge';

/** A link the app opens outside itself: a URL that parses, and https. */
export function isExternalUrl(url: string): boolean {
  if (!url.startsWith('https://')) return false;
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}
