import fc from 'fast-check';
import { BRIDGE_PROTOCOL } from '../../../src/shared/api';
import { SECRET } from './words';

/**
 * HTTP requests as an attacker on the same machine sends them to the web preview: any path
 * (percent-encoding that does not decode, `..`, NULs, 100 KB), any method and version, headers
 * that lie or overflow, bodies larger than anything served, WebSocket upgrades with a guessed
 * secret or another page's origin. A spec is rendered against the running preview, which knows
 * the real origin and secret.
 */
export interface RequestSpec {
  method: string;
  path: string;
  version: string;
  headers: Array<[string, string]>;
  upgrade: null | { origin: 'own' | 'evil' | 'none' | 'null'; secret: 'right' | 'wrong' | 'none'; key: boolean };
  body: string;
  length: 'exact' | 'none' | 'short' | 'long' | 'junk';
  /** Reset the connection right after writing. */
  abort: boolean;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'PATCH'];
const VERSIONS = ['HTTP/1.1', 'HTTP/1.0'];

const TRICKY_PATHS = [
  '/', '/index.html', '/assets', '/assets/', '/bridge', '/bridge/', '/%E0%A4%A', '/%', '/%%', '/%zz', '/%00', '/\0', '/..', '/../..',
  '/../../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd', '/..%2f..%2fetc%2fpasswd',
  '/assets/../../../etc/passwd', '//', '//etc/passwd', '///', '//[', '/\\..\\..\\etc\\passwd', '/%5c..%5c..%5cetc%5cpasswd', '*',
  'http://evil.example/', 'http://127.0.0.1/../../etc/passwd', '/?', '/#', '/index.html?x=%E0%A4%A', '/%C0%AE%C0%AE/', '/%ff',
  '/%F0%9F%A6%9C', '/🦜', '/index.html%20', '/./index.html', '/assets/%2e%2e/index.html', '/index.html/', '/index.html/..', '/%2e',
  '/bridge?secret=x', '/favicon.ico', '/.git/config', '/%252e%252e/etc/passwd', `/${SECRET}`,
];

const segment = fc.oneof(
  fc.constantFrom('..', '.', '%2e%2e', '%2F', '%5C', '%00', '%E0%A4%A', '%', '%ZZ', 'assets', 'index.html', '%C3%28', 'etc', 'passwd', ''),
  fc.webSegment(),
  fc.string({ maxLength: 12 }),
);

const pathArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY_PATHS) },
  { weight: 4, arbitrary: fc.array(segment, { maxLength: 8 }).map((s) => `/${s.join('/')}`) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 2_000, max: 120_000 }).map((n) => `/${'a'.repeat(n)}`) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 3_000 }).map((n) => `/${'%E0%A4%A'.repeat(n)}`) },
);

const SAFE_HEADERS: Array<[string, string]> = [
  ['Host', '127.0.0.1'],
  ['Accept', '*/*'],
  ['User-Agent', 'fuzz'],
  ['Connection', 'close'],
  ['Connection', 'keep-alive'],
  ['Cookie', 'a=b'],
  ['Authorization', `Bearer ${SECRET}`],
  ['X-Forwarded-For', '203.0.113.9'],
  ['Range', 'bytes=0-10'],
  ['If-None-Match', '*'],
  ['Accept-Encoding', 'gzip, deflate, br'],
];
const RISKY_HEADERS: Array<[string, string]> = [
  ['Transfer-Encoding', 'chunked'],
  ['Transfer-Encoding', 'gzip, chunked, identity'],
  ['Content-Length', '-1'],
  ['Content-Length', '1, 2'],
  ['Expect', '100-continue'],
  ['Upgrade', 'h2c'],
  ['Upgrade', 'websocket'],
  ['Sec-WebSocket-Protocol', `${BRIDGE_PROTOCOL}, secret.guess`],
  ['Host', ''],
  ['Host', 'evil.example'],
];

const headerArb: fc.Arbitrary<[string, string]> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SAFE_HEADERS) },
  { weight: 2, arbitrary: fc.constantFrom(...RISKY_HEADERS) },
  { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 40 })) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('X-Big'), fc.integer({ min: 4_000, max: 70_000 }).map((n) => 'b'.repeat(n))) },
);

const anyRequest: fc.Arbitrary<RequestSpec> = fc.record({
  method: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...METHODS) }, fc.constantFrom('get', 'CONNECT', 'PRI', 'BREW', ''), fc.string({ maxLength: 10 })),
  path: pathArb,
  version: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...VERSIONS) }, fc.constantFrom('HTTP/0.9', 'HTTP/2.0', 'HTTP/1.1x', '', 'http/1.1', 'HTTP/9.9')),
  headers: fc.array(headerArb, { maxLength: 6 }),
  upgrade: fc.option(
    fc.record({
      origin: fc.constantFrom('own', 'own', 'evil', 'none', 'null'),
      secret: fc.constantFrom('right', 'wrong', 'none'),
      key: fc.boolean(),
    }),
    { freq: 2 },
  ),
  body: fc.oneof({ weight: 5, arbitrary: fc.constant('') }, fc.string({ maxLength: 200 }), fc.integer({ min: 100_000, max: 2_000_000 }).map((n) => 'x'.repeat(n))),
  length: fc.constantFrom('exact', 'exact', 'none', 'short', 'long', 'junk'),
  abort: fc.constantFrom(false, false, false, true),
});

/** What a browser or curl sends, with a path that still tries its luck: these must all be answered. */
const plausibleRequest: fc.Arbitrary<RequestSpec> = fc.record({
  method: fc.constantFrom(...METHODS),
  path: fc.oneof(fc.constantFrom(...TRICKY_PATHS), fc.array(segment, { maxLength: 6 }).map((s) => `/${s.join('/')}`)).map((p) => p.replace(/[^\x21-\x7e]/gu, encodeURIComponent)),
  version: fc.constantFrom(...VERSIONS),
  headers: fc.array(fc.constantFrom(...SAFE_HEADERS), { minLength: 1, maxLength: 4 }),
  upgrade: fc.constant(null),
  body: fc.constantFrom('', 'a=1'),
  length: fc.constant<RequestSpec['length']>('exact'),
  abort: fc.constant(false),
});

export const requestArb: fc.Arbitrary<RequestSpec> = fc.oneof({ weight: 2, arbitrary: anyRequest }, { weight: 1, arbitrary: plausibleRequest });

export interface Rendered {
  bytes: Buffer;
  /** Every byte a well-behaved client could send: such a request must be answered. */
  wellFormed: boolean;
  /** The upgrade carries this preview's own origin and its secret: the only one that may become a WebSocket. */
  admissible: boolean;
  /** A HEAD request, whose answers have no body. */
  head: boolean;
  /** Short labels of the request's kinds, for the campaign's coverage. */
  shape: string[];
}

export function render(spec: RequestSpec, origin: string, secret: string): Rendered {
  const headers = [...spec.headers];
  if (spec.upgrade) {
    const { origin: o, secret: s, key } = spec.upgrade;
    headers.push(['Upgrade', 'websocket'], ['Connection', 'Upgrade'], ['Sec-WebSocket-Version', '13']);
    if (key) headers.push(['Sec-WebSocket-Key', 'dGhlIHNhbXBsZSBub25jZQ==']);
    if (o !== 'none') headers.push(['Origin', o === 'own' ? origin : o === 'evil' ? 'http://evil.example' : 'null']);
    if (s !== 'none') headers.push(['Sec-WebSocket-Protocol', `${BRIDGE_PROTOCOL}, secret.${s === 'right' ? secret : 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'}`]);
  }
  const bodyBytes = Buffer.from(spec.body);
  const lengths = { exact: bodyBytes.length, short: Math.max(0, bodyBytes.length - 3), long: bodyBytes.length + 10 };
  if (spec.length === 'junk') headers.push(['Content-Length', 'ten']);
  else if (spec.length !== 'none' && (bodyBytes.length > 0 || spec.length !== 'exact')) headers.push(['Content-Length', String(lengths[spec.length])]);
  const head = `${spec.method} ${spec.path} ${spec.version}\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  const safeHeader = (h: [string, string]) => SAFE_HEADERS.some(([k, v]) => k === h[0] && v === h[1]) || /^(Upgrade|Connection|Sec-WebSocket-\w+|Origin|Content-Length)$/.test(h[0]);
  const wellFormed =
    METHODS.includes(spec.method) &&
    VERSIONS.includes(spec.version) &&
    /^\/[\x21-\x7e]*$/.test(spec.path) &&
    spec.path.length < 4_000 &&
    headers.every(safeHeader) &&
    head.length < 8_000 &&
    (spec.length === 'exact' || (spec.length === 'none' && bodyBytes.length === 0)) &&
    !spec.abort;
  const admissible = spec.upgrade?.origin === 'own' && spec.upgrade.secret === 'right';
  const pathKind = spec.path.length > 1_000 ? 'long' : /%/.test(spec.path) ? 'percent' : /\.\./.test(spec.path) ? 'dotdot' : /[\0-\x1f]/.test(spec.path) ? 'control' : 'plain';
  const shape = [
    spec.upgrade ? `upgrade, origin ${spec.upgrade.origin}, secret ${spec.upgrade.secret}` : 'plain request',
    wellFormed ? 'well-formed' : 'malformed',
    `path: ${pathKind}`,
    `method: ${METHODS.includes(spec.method) ? spec.method : 'junk'}`,
    ...(bodyBytes.length > 10_000 ? ['body over 10 KB'] : []),
    ...(head.length > 16_000 ? ['head over 16 KB'] : []),
    ...(spec.abort ? ['reset after writing'] : []),
  ];
  return { bytes: Buffer.concat([Buffer.from(head, 'utf8'), bodyBytes]), wellFormed, admissible, head: spec.method === 'HEAD', shape };
}
