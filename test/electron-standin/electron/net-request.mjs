// net.request (docs/api/net.md, docs/api/client-request.md, docs/api/incoming-message.md,
// lib/common/api/net-client-request.ts): Chromium's network stack in Electron, Node's http here.
// The options are parsed as parseOptions does; the response is a Readable with statusCode,
// statusMessage and lower-cased headers; redirects follow the request's policy; a failed
// connection is an Error named as Chromium names it (net::ERR_…).
import { EventEmitter } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import { format } from 'node:url';

const NET_ERRORS = { ECONNREFUSED: 'ERR_CONNECTION_REFUSED', ECONNRESET: 'ERR_CONNECTION_RESET', ENOTFOUND: 'ERR_NAME_NOT_RESOLVED', EAI_AGAIN: 'ERR_NAME_NOT_RESOLVED', ETIMEDOUT: 'ERR_TIMED_OUT', EHOSTUNREACH: 'ERR_ADDRESS_UNREACHABLE', ENETUNREACH: 'ERR_INTERNET_DISCONNECTED', EPROTO: 'ERR_SSL_PROTOCOL_ERROR' };
const MAX_REDIRECTS = 20;

function parseOptions(input) {
  const options = typeof input === 'string' ? { url: input } : { ...input };
  let url = options.url || options.href;
  if (!url) {
    if (options.path && / /.test(options.path)) throw new TypeError('Request path contains unescaped characters');
    const pathObj = new URL(options.path || '/', 'http://localhost');
    const urlObj = { protocol: options.protocol || 'http:', pathname: pathObj.pathname, search: pathObj.search, hash: pathObj.hash };
    if (options.host) urlObj.host = options.host;
    else {
      urlObj.hostname = options.hostname || 'localhost';
      if (options.port) urlObj.port = options.port;
    }
    url = format(urlObj);
  }
  const redirect = options.redirect || 'follow';
  if (!['follow', 'error', 'manual'].includes(redirect)) throw new Error('redirect mode should be one of follow, error or manual');
  if (options.headers != null && typeof options.headers !== 'object') throw new TypeError('headers must be an object');
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('ClientRequest only supports http: and https: protocols');
  return { url: parsed.href, method: (options.method || 'GET').toUpperCase(), redirect, headers: { ...(options.headers ?? {}) } };
}

class ClientRequest extends EventEmitter {
  constructor(input) {
    super();
    const { url, method, redirect, headers } = parseOptions(input);
    this._url = url;
    this._method = method;
    this._redirect = redirect;
    this._headers = headers;
    this._body = [];
    this._started = false;
    this._aborted = false;
    this._redirects = 0;
    this._pending = null;
  }

  setHeader(name, value) {
    if (this._started) throw new Error("Can't set headers after they are sent");
    this._headers[name] = String(value);
  }
  getHeader(name) { return this._headers[Object.keys(this._headers).find((k) => k.toLowerCase() === String(name).toLowerCase()) ?? name]; }
  removeHeader(name) {
    if (this._started) throw new Error("Can't remove headers after they are sent");
    for (const k of Object.keys(this._headers)) if (k.toLowerCase() === String(name).toLowerCase()) delete this._headers[k];
  }
  write(chunk) { this._body.push(Buffer.from(chunk)); return true; }
  end(chunk, ...rest) {
    if (typeof chunk === 'function') rest.unshift(chunk);
    else if (chunk != null) this.write(chunk);
    if (!this._started) {
      this._started = true;
      this._send(this._url, this._method);
    }
    rest.find((f) => typeof f === 'function')?.();
    return this;
  }
  abort() {
    if (this._aborted) return;
    this._aborted = true;
    this._pending?.destroy();
    this.emit('abort');
    this.emit('close');
  }
  followRedirect() {
    if (!this._followRedirectCb) throw new Error('followRedirect() called, but was not waiting for a redirect');
    this._followRedirectCb();
  }

  _die(error) {
    if (this._aborted) return;
    this._aborted = true;
    this.emit('error', error);
    this.emit('close');
  }

  _send(url, method) {
    const target = new URL(url);
    const lib = target.protocol === 'https:' ? https : http;
    const req = lib.request(target, { method, headers: this._headers });
    this._pending = req;
    req.on('error', (error) => {
      const name = NET_ERRORS[error.code] ?? 'ERR_FAILED';
      this._die(new Error(`net::${name}`));
    });
    req.on('response', (response) => {
      if (this._aborted) return void response.destroy();
      const location = response.headers.location;
      if (response.statusCode >= 300 && response.statusCode < 400 && location) {
        response.resume();
        return this._onRedirect(response.statusCode, new URL(location, url).href, response.headers);
      }
      response.on('end', () => this.emit('close'));
      this.emit('response', response);
    });
    req.end(this._body.length ? Buffer.concat(this._body) : undefined);
  }

  _onRedirect(statusCode, newUrl, headers) {
    if (++this._redirects > MAX_REDIRECTS) return this._die(new Error('net::ERR_TOO_MANY_REDIRECTS'));
    const newMethod = statusCode === 303 && this._method !== 'HEAD' ? 'GET' : this._method;
    const go = () => this._send(newUrl, newMethod);
    if (this._redirect === 'error') return this._die(new Error("Attempted to redirect, but redirect policy was 'error'"));
    if (this._redirect === 'follow') {
      this.emit('redirect', statusCode, newMethod, newUrl, headers);
      return go();
    }
    let follow = false;
    this._followRedirectCb = () => (follow = true);
    try {
      this.emit('redirect', statusCode, newMethod, newUrl, headers);
    } finally {
      this._followRedirectCb = undefined;
      if (follow && !this._aborted) go();
      else if (!this._aborted) this._die(new Error('Redirect was cancelled'));
    }
  }
}

/** net.request: a session/partition option is accepted (one session is modelled), as Electron takes it. */
export function request(options) {
  return new ClientRequest(options);
}
