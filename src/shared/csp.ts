// No imports: the build configs and the web preview's server both read these.

/**
 * The renderer's Content Security Policies, one per host, so neither allows what only the other
 * needs. No 'unsafe-inline' styles: React sets style props through the CSSOM, which CSP does not
 * govern, and no dependency injects <style> elements in a built page.
 */
const COMMON = ["default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'none'", "form-action 'none'"];

/** The app's page talks to the core over a MessagePort only: no connection at all. */
export const APP_CSP = [...COMMON, "connect-src 'none'"].join('; ');

/** The app's scheme handler sends its policy as a header too, for frame-ancestors (shell/windows/app-protocol). */
export const APP_CSP_HEADER = `${APP_CSP}; frame-ancestors 'none'`;

/** The web preview's page talks to its own origin's bridge (a same-origin WebSocket, which 'self' covers). */
export const WEB_PREVIEW_CSP = [...COMMON, "connect-src 'self'"].join('; ');

/** The preview's server sends its policy as a header as well: frame-ancestors works only there. */
export const WEB_PREVIEW_CSP_HEADER = `${WEB_PREVIEW_CSP}; frame-ancestors 'none'`;

/** Where index.html takes the policy of the build that includes it (scripts/vite-csp.ts). */
export const CSP_PLACEHOLDER = '__PARROT_TRAY_CSP__';
