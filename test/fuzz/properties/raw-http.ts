import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  statusLine: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** What came back on one raw socket: the bytes, parsed into responses where they are HTTP. */
export interface Exchange {
  bytes: Buffer;
  responses: RawResponse[];
  /** The socket ended or was reset by the server, rather than the client giving up waiting. */
  ended: boolean;
}

/**
 * Sends bytes the way no HTTP client would (malformed lines, NULs, lies about lengths) and reads
 * the answer. The socket stays open while the server works (a half-closed request is abandoned
 * by Node's server); once nothing has come for `idleMs`, the request is ended, and after
 * `waitMs` in all it is given up (`done` says when enough has come). `abort` resets the connection right after writing, as a page
 * navigated away mid-request does.
 */
export function exchange(port: number, request: Buffer, options: { abort?: boolean; idleMs?: number; waitMs?: number; done?: (bytes: Buffer) => boolean } = {}): Promise<Exchange> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1');
    let settled = false;
    let idle: NodeJS.Timeout | null = null;
    const finish = (ended: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (idle) clearTimeout(idle);
      socket.destroy();
      const bytes = Buffer.concat(chunks);
      resolve({ bytes, responses: parseResponses(bytes), ended });
    };
    const quiet = () => {
      if (idle) clearTimeout(idle);
      idle = setTimeout(() => socket.end(), options.idleMs ?? 400);
    };
    const timer = setTimeout(() => finish(false), options.waitMs ?? 3_000);
    socket.on('data', (d) => {
      chunks.push(d);
      if ((options.done ?? answered)(Buffer.concat(chunks))) finish(true);
      else quiet();
    });
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('connect', () => {
      socket.write(request);
      if (options.abort) {
        socket.resetAndDestroy();
        finish(true);
      } else quiet();
    });
  });
}

/** A whole first response: its head, and its body as long as it says, or a 101 switch. */
function answered(bytes: Buffer): boolean {
  const [first] = parseResponses(bytes);
  if (!first) return false;
  if (first.status === 101) return true;
  const length = first.headers['content-length'];
  if (length !== undefined) return first.body.length >= Number(length);
  return /chunked/i.test(first.headers['transfer-encoding'] ?? '') && bytes.includes('\r\n0\r\n\r\n');
}

/** Every response in `bytes`, in order; a body runs to Content-Length, through chunks, or to the end. */
export function parseResponses(bytes: Buffer): RawResponse[] {
  const out: RawResponse[] = [];
  let at = 0;
  while (at < bytes.length) {
    const end = bytes.indexOf('\r\n\r\n', at);
    if (end < 0) break;
    const [statusLine = '', ...lines] = bytes.subarray(at, end).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(statusLine)?.[1] ?? NaN);
    let from = end + 4;
    let body: Buffer;
    if (headers['content-length'] !== undefined) {
      body = bytes.subarray(from, from + Number(headers['content-length']));
      from += body.length;
    } else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
      ({ body, next: from } = dechunk(bytes, from));
    } else {
      // A 101's bytes after the head are WebSocket frames; any other body runs to the close.
      body = status === 101 ? Buffer.alloc(0) : bytes.subarray(from);
      from = bytes.length;
    }
    out.push({ status, statusLine, headers, body });
    at = from;
  }
  return out;
}

function dechunk(bytes: Buffer, from: number): { body: Buffer; next: number } {
  const parts: Buffer[] = [];
  let at = from;
  for (;;) {
    const eol = bytes.indexOf('\r\n', at);
    if (eol < 0) return { body: Buffer.concat(parts), next: bytes.length };
    const size = parseInt(bytes.subarray(at, eol).toString('latin1'), 16);
    if (!(size > 0)) return { body: Buffer.concat(parts), next: Math.min(bytes.length, eol + 4) };
    parts.push(bytes.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}
