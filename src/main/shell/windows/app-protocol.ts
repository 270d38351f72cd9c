import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';

/**
 * The renderer is served from the app's own scheme, not file:// (Electron security checklist 18):
 * the page gets an origin of its own that no other local file shares, and the packaged binary can
 * turn off the GrantFileProtocolExtraPrivileges fuse.
 */
export const APP_SCHEME = 'parrot-tray';
const APP_HOST = 'app';
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Registered before ready. standard: relative URLs resolve and the page has an origin ('self' in
 * the CSP means it). secure: a secure context, as https would be. Nothing else: no bypassCSP, no
 * fetch or service workers, since the page loads only its own files.
 */
export const APP_SCHEME_PRIVILEGES = { scheme: APP_SCHEME, privileges: { standard: true, secure: true } };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** The file under `root` that an app URL names, or null for anything else (another host, a way out of root). */
export function appFilePath(requestUrl: string, root: string): string | null {
  let url: URL;
  let path: string;
  try {
    url = new URL(requestUrl);
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || path.includes('\0')) return null;
  const file = resolve(root, `.${path}`);
  const inside = relative(resolve(root), file);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? file : null;
}

const refuse = (status: number, text: string) => new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * The protocol handler: the renderer's built files, read-only, each with its type and the app's
 * CSP as a header (a header, unlike the page's meta tag, can say frame-ancestors).
 */
export async function serveAppFile(request: Request, root: string, csp: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'The app serves its own files read-only.');
  const file = appFilePath(request.url, root);
  const type = file ? TYPES[extname(file)] : undefined;
  if (!file || !type) return refuse(404, 'Not part of the app.');
  try {
    const body = await readFile(file);
    return new Response(request.method === 'HEAD' ? null : body, { headers: { 'content-type': type, 'content-security-policy': csp, 'x-content-type-options': 'nosniff' } });
  } catch {
    return refuse(404, 'Not part of the app.');
  }
}
