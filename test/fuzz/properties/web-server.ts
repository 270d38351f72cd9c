import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { REPO } from './cli-process';
import { render, requestArb, type Rendered, type RequestSpec } from './http-requests';
import { expectAlive, expectServed, startPreview, stopPreview, type Preview } from './preview';
import { exchange, type Exchange } from './raw-http';
import type { FuzzTarget } from './target';
import { check, expectNoSecret, expectSentence, SECRET } from './words';

interface Env {
  preview: Preview;
  port: number;
  /** Digests of every file the preview may serve: a 200 answer must be one of them. */
  served: Set<string>;
}

const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

const plainSpec = (overrides: Partial<RequestSpec>): RequestSpec => ({
  method: 'GET', path: '/', version: 'HTTP/1.1', headers: [['Host', '127.0.0.1']], upgrade: null, body: '', length: 'exact', abort: false, ...overrides,
});

/** Requests that once ended `parrot-tray web` or were refused without words. */
const REGRESSIONS: RequestSpec[] = [
  // decodeURIComponent threw URIError out of the request handler (issue 16).
  plainSpec({ path: '/%E0%A4%A' }),
  // `new URL('//', base)` threw inside the upgrade handler, before any bridge check.
  plainSpec({ path: '//', upgrade: { origin: 'evil', secret: 'wrong', key: true } }),
  // Node's own 400 for a request without Host, with an empty body.
  plainSpec({ headers: [] }),
  plainSpec({ method: 'POST', body: 'x' }),
];

const VALID = Buffer.from('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');

/** The rules for whatever came back: answered when it should be, in words when refused, never more than the renderer. */
function checkAnswer(env: Env, request: Rendered, got: Exchange): void {
  const secrets = [SECRET, env.preview.secret];
  expectNoSecret('the answer', got.bytes.toString('latin1'), secrets);
  if (request.wellFormed) check(got.responses.length > 0, `a well-formed request got no answer (${got.bytes.length} bytes back)`);
  for (const response of got.responses) {
    check(response.status >= 100 && response.status <= 599, `not an HTTP status line: ${JSON.stringify(response.statusLine)}`);
    if (response.status === 101) check(request.admissible, 'a WebSocket was opened without this page\'s origin and secret');
    if (response.status === 200) check(env.served.has(digest(response.body)), `a 200 answer served ${response.body.length} bytes that are not the built renderer`);
    // An answer to HEAD carries no body by definition: its words are in the one GET would get.
    if (response.status >= 400 && !request.head) expectSentence(`the ${response.status} answer's body`, response.body.toString('utf8'), secrets);
  }
}

/**
 * The web preview's HTTP server, fed raw requests over loopback sockets. After each one the
 * process is still up and a plain `GET /` is still answered; after all of them, every session is
 * still served over the bridge.
 */
export const webServerTarget: FuzzTarget<Env> = {
  name: 'web preview HTTP',
  slow: true,
  regressions: REGRESSIONS.map((spec) => [spec]),
  async start() {
    const preview = await startPreview();
    const served = new Set(filesUnder(join(REPO, 'out/web')).map((f) => digest(readFileSync(f))));
    return { preview, port: Number(new URL(preview.origin).port), served };
  },
  property(env, coverage) {
    return fc.asyncProperty(requestArb, async (spec) => {
      const request = render(spec, env.preview.origin, env.preview.secret);
      coverage.shape(...request.shape);
      const got = await exchange(env.port, request.bytes, { abort: spec.abort });
      // Asked first: a process that just died refuses this, while its exit may still be on its way.
      const plain = await exchange(env.port, VALID);
      expectAlive(env.preview);
      check(plain.responses[0]?.status === 200, `after that request, GET / got ${plain.responses[0]?.statusLine ?? 'no answer'}`);
      checkAnswer(env, request, got);
    });
  },
  async settle(env) {
    expectAlive(env.preview);
    await expectServed(env.preview);
  },
  stop: (env) => stopPreview(env.preview),
};
