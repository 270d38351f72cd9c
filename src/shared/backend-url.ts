/**
 * PROTOCOL.md section 1: production URLs are wss://; ws:// only to a loopback host. Checked before
 * any connection is attempted, so a typo never sends a token in clear over the network.
 */
export type BackendUrlCheck = { ok: true; url: string } | { ok: false; message: string };

const LOOPBACK_V4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  const v4 = LOOPBACK_V4.exec(host);
  return v4 !== null && v4.slice(1).every((octet) => Number(octet) <= 255);
}

export function checkBackendUrl(raw: string): BackendUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: `"${raw}" is not a URL; expected wss://host/path` };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'the backend URL must not carry credentials; give the token separately' };
  }
  if (url.protocol === 'wss:') return { ok: true, url: url.toString() };
  if (url.protocol === 'ws:') {
    if (isLoopbackHost(url.hostname)) return { ok: true, url: url.toString() };
    return { ok: false, message: `refusing ws://${url.host}: an unencrypted connection is allowed only to this computer (localhost); use wss://` };
  }
  return { ok: false, message: `unsupported scheme "${url.protocol}" in the backend URL; expected wss:// (or ws:// to localhost)` };
}
