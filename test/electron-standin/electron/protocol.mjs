// protocol (docs/api/protocol.md, lib/browser/api/protocol.ts, shell/browser/api/electron_api_protocol.cc):
// registerSchemesAsPrivileged before ready, then handle/unhandle/isProtocolHandled on the default
// session. Chromium cannot be taught a new scheme from outside (Playwright's routing never sees
// one: the navigation is aborted first), so each handled scheme://host is served to the page from
// a loopback HTTP server that turns every request into the fetch Request Electron builds and
// answers with the handler's Response. Everything the main process sees (getURL, senderFrame.url,
// will-navigate, window-open, permission origins) is mapped back to the app's own URL; only the
// page's own `location` shows the loopback address.
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { guard, onExit, report } from './runtime.mjs';

const BUILT_IN = ['http', 'https', 'file'];
const privileged = new Map();
const handlers = new Map();
/** `scheme://host` → the loopback server standing in for it. */
const servers = new Map();
let isReady = () => false;
/** app.mjs tells this module whether the app is ready (the checks below depend on it). */
export function setReadyCheck(fn) { isReady = fn; }

function requireReady() {
  // protocol.* forwards to session.defaultSession.protocol, which does not exist before ready.
  if (!isReady()) throw new TypeError('Session can only be received when app is ready');
}

const schemeOf = (url) => /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? '';
const isStandard = (scheme) => privileged.get(scheme)?.standard === true;

export const protocol = guard('protocol', {
  registerSchemesAsPrivileged(customSchemes) {
    if (isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    for (const { scheme, privileges = {} } of customSchemes) privileged.set(String(scheme).toLowerCase(), { ...privileges });
    report('protocol-privileged', { schemes: customSchemes.map((c) => ({ scheme: c.scheme, privileges: { ...(c.privileges ?? {}) } })) });
  },
  getStandardSchemes: () => [...privileged].filter(([, p]) => p.standard).map(([s]) => s),
  handle(scheme, handler) {
    requireReady();
    if (BUILT_IN.includes(scheme)) throw new Error(`Electron stand-in: protocol.handle('${scheme}') (intercepting a built-in scheme) is not modelled`);
    if (handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    handlers.set(scheme, handler);
    report('protocol-handle', { scheme });
  },
  unhandle(scheme) {
    requireReady();
    if (!handlers.delete(scheme)) throw new Error(`Failed to unhandle protocol: ${scheme}`);
  },
  isProtocolHandled(scheme) {
    requireReady();
    return handlers.has(scheme);
  },
});

/** Electron's origin for a URL: a standard custom scheme has scheme://host, as http does. */
export function originOf(url) {
  const scheme = schemeOf(url);
  if (handlers.has(scheme) || privileged.has(scheme)) return isStandard(scheme) ? `${scheme}://${new URL(url).host}` : 'null';
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/** The page's loopback URL back to the app URL it stands for; other URLs as they are. */
export function fromPage(url) {
  for (const [appOrigin, s] of servers) {
    if (s.base && String(url).startsWith(s.base)) return appOrigin + String(url).slice(s.base.length - 1);
  }
  return url;
}

/**
 * Where the page really goes for `url`: the loopback stand-in of a handled scheme, the URL itself
 * otherwise; an unhandled custom scheme fails as Chromium's loader does.
 */
export async function toPage(url) {
  const scheme = schemeOf(url);
  if (!scheme || BUILT_IN.includes(scheme) || ['about', 'data', 'blob', 'chrome'].includes(scheme)) return url;
  if (!handlers.has(scheme)) throw new Error('net::ERR_UNKNOWN_URL_SCHEME');
  const parsed = new URL(url);
  const appOrigin = `${scheme}://${parsed.host}`;
  const server = servers.get(appOrigin) ?? (await serve(scheme, appOrigin));
  // A scheme that is not standard cannot resolve relative URLs: only the document itself loads.
  if (!isStandard(scheme)) server.only = parsed.pathname + parsed.search;
  return server.base + (parsed.pathname + parsed.search + parsed.hash).replace(/^\//, '');
}

async function serve(scheme, appOrigin) {
  const entry = { base: '', only: null };
  const http = createServer((req, res) => void answer(scheme, appOrigin, entry, req, res));
  servers.set(appOrigin, entry);
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  entry.base = `http://127.0.0.1:${http.address().port}/`;
  onExit(() => new Promise((resolve) => http.close(() => resolve())));
  http.unref();
  return entry;
}

async function answer(scheme, appOrigin, entry, req, res) {
  const handler = handlers.get(scheme);
  if (!handler || (entry.only !== null && req.url !== entry.only)) return void res.destroy();
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (name !== 'host' && value !== undefined) headers.set(name, String(value));
  // The page sits at the loopback address; Electron's handler would see the app's own origin.
  if (headers.get('origin') === entry.base.slice(0, -1)) headers.set('origin', appOrigin);
  if (headers.has('referer')) headers.set('referer', fromPage(headers.get('referer')));
  // lib/browser/api/protocol.ts drops an opaque origin before the handler sees it.
  if (headers.get('origin') === 'null') headers.delete('origin');
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  let response;
  try {
    response = await handler(new Request(appOrigin + req.url, { method: req.method, headers, body: hasBody ? Readable.toWeb(req) : undefined, duplex: hasBody ? 'half' : undefined }));
  } catch (error) {
    // Electron logs it and fails the request with ERR_UNEXPECTED: the page sees a network error.
    console.error(error);
    return void res.destroy();
  }
  if (!(response instanceof Response) || response.type === 'error') return void res.destroy();
  res.writeHead(response.status, response.statusText, Object.fromEntries(response.headers));
  if (!response.body || req.method === 'HEAD') return void res.end();
  Readable.fromWeb(response.body).on('error', () => res.destroy()).pipe(res);
}
