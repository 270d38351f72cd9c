/**
 * Part 2 of the hostile check: `parrot-tray web` against `parrot-tray demo-backend`, both started
 * as a user would. Hostile HTTP over raw sockets here; the bridge's attacks in hostile-check-bridge.ts.
 */
import { admitted, bridgeAttacks, bridgeSessions, type Preview } from './hostile-check-bridge';
import { Child, raw, sleep, type Report } from './hostile-check-lib';

const req = (line: string, headers: string[] = ['Host: 127.0.0.1'], body = '') => Buffer.from(`${line}\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n${body}`, 'latin1');
const get = (path: string) => req(`GET ${path} HTTP/1.1`, ['Host: 127.0.0.1', 'Connection: close']);

export async function webCheck(report: Report, dir: string, token: string, tokenFile: string): Promise<void> {
  const demo = new Child('demo-backend', ['demo-backend', '--port', '0', '--token-file', tokenFile, '--sessions', '40', '--rate', '0', '--seed', '16']);
  let web: Child | null = null;
  let secret = '';
  const heard: string[] = []; // everything the preview answered, scanned for secrets at the end
  try {
    const backendPort = (await demo.waitFor(/listening ws:\/\/127\.0\.0\.1:(\d+)/, 15_000))[1];
    web = new Child('web', ['web', '--backend', `ws://127.0.0.1:${backendPort}`, '--token-file', tokenFile, '--data', dir, '--port', '0']);
    const m = await web.waitFor(/serving (http:\/\/127\.0\.0\.1:(\d+))\/#secret=([A-Za-z0-9_-]+)/, 20_000);
    secret = m[3];
    const p: Preview = { origin: m[1], port: Number(m[2]), secret };
    const before = await bridgeSessions(p);
    report.check(before.total > 0, `web: before the attack a valid bridge client sees ${before.total} sessions`);
    const w = web;

    const http = async (name: string, inputs: Array<Buffer | Array<string | Buffer | number>>, opts: { closeEarly?: boolean; timeoutMs?: number; mustNot200?: boolean } = {}) => {
      const g = report.group('http', name);
      const answers = await Promise.all(inputs.map((i) => raw(p.port, Array.isArray(i) ? i : [i], opts)));
      answers.forEach((a, n) => {
        // A 200 or a silence is worth naming: which input got it (its first line and first odd header).
        const lines = Buffer.from(([] as Array<unknown>).concat(inputs[n])[0] as Buffer).toString('latin1').split(/\r?\n/);
        const label = JSON.stringify([lines[0], lines.slice(1).find((l) => l && !l.startsWith('Host: 127'))].filter(Boolean).join(' | ').slice(0, 48));
        g.saw(/^\d{3}$/.test(a.status) && a.status !== '200' ? a.status : `${a.status} ← ${label}`);
        heard.push(a.body);
        if (opts.mustNot200 && a.status === '200') g.fail(`served 200 (${a.bytes} bytes): ${JSON.stringify(a.body.slice(0, 60))}`);
      });
      if (!w.alive) g.fail(`web exited ${JSON.stringify(w.exit)}`);
    };

    await http('bad percent-encoding', ['/%E0%A4%A', '/%', '/%ZZ', '/%00', '/%C0%AF', '/%ED%A0%80', '/%FF%FE', '//', '/\xff\xfe', '/bridge%00', '/index.html%00.png', '/%2F%2F', '/%E0%A4%A/bridge', '/assets/%'].map(get), { mustNot200: true });
    await http('path traversal', ['/../../../../etc/passwd', '/assets/../../../../../etc/passwd', '/..%2F..%2F..%2F..%2Fetc%2Fpasswd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/..\\..\\..\\etc\\passwd', '/....//....//etc/passwd', '/%252e%252e/%252e%252e/etc/passwd', 'http://127.0.0.1/../../etc/passwd', `/${'../'.repeat(50)}etc/passwd`,
      '/..%00/etc/passwd', '/%2e%2e%5c%2e%2e%5cetc%5cpasswd', '/../cli/index.js', '/%2e%2e/cli/index.js', '/../../package.json', '/..%2fcli%2findex.js', '/assets/..%2f..%2f..%2fpackage.json', '/proc/self/environ'].map(get), { mustNot200: true });
    await http('huge headers and URLs', [
      req('GET / HTTP/1.1', ['Host: 127.0.0.1', `X-A: ${'a'.repeat(100_000)}`]), req('GET / HTTP/1.1', ['Host: 127.0.0.1', ...Array.from({ length: 2000 }, (_, i) => `X-${i}: v`)]),
      req(`GET /${'u'.repeat(1024 * 1024)} HTTP/1.1`), req('GET / HTTP/1.1', [`Host: ${'h'.repeat(65_536)}`]), req('GET / HTTP/1.1', ['Host: 127.0.0.1', 'no colon here']),
      req('GET / HTTP/1.1', ['Host: 127.0.0.1', 'X-Nul: a\0b']), req('GET / HTTP/1.1', ['Host: 127.0.0.1', 'X-Fold: a', ' folded']), req('GET / HTTP/1.1', ['Host: a', 'Host: b']),
      req('GET /bridge HTTP/1.1', ['Host: 127.0.0.1', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Protocol: ${'p,'.repeat(30_000)}`]),
    ]);
    await http('bad methods', [req('FOO / HTTP/1.1'), req('DELETE / HTTP/1.1'), req('POST / HTTP/1.1', ['Host: 127.0.0.1', 'Content-Length: 5'], 'hello'), req('PUT /x HTTP/1.1'),
      req('TRACE / HTTP/1.1'), req('OPTIONS * HTTP/1.1'), req('CONNECT 127.0.0.1:22 HTTP/1.1'), req('get / HTTP/1.1'), req('G\0ET / HTTP/1.1'), req(`${'M'.repeat(10_000)} / HTTP/1.1`),
      req('HEAD / HTTP/1.1'), req('PROPFIND / HTTP/1.1'), req('PATCH /index.html HTTP/1.1', ['Host: 127.0.0.1', 'Content-Length: 1'], 'x')]);
    await http('absurd Content-Length and bodies', [
      req('POST / HTTP/1.1', ['Host: 127.0.0.1', 'Content-Length: 99999999999999999999']), req('POST / HTTP/1.1', ['Host: 127.0.0.1', 'Content-Length: -1']),
      req('POST / HTTP/1.1', ['Host: 127.0.0.1', 'Content-Length: abc']), req('POST / HTTP/1.1', ['Host: 127.0.0.1', 'Content-Length: 5', 'Content-Length: 6'], 'hello!'),
      [req('POST / HTTP/1.1', ['Host: 127.0.0.1', 'Content-Length: 1000000000'], 'only ten b'), 200], req('POST / HTTP/1.1', ['Host: 127.0.0.1', 'Transfer-Encoding: chunked'], 'zz\r\nhello\r\n0\r\n\r\n'),
      req('POST / HTTP/1.1', ['Host: 127.0.0.1', 'Transfer-Encoding: chunked', 'Content-Length: 3'], '0\r\n\r\n'), req('POST / HTTP/1.1', ['Host: 127.0.0.1', 'Transfer-Encoding: chunked'], 'fffffffffffffffff\r\nx'),
      req('GET / HTTP/1.1', ['Host: 127.0.0.1', 'Content-Length: 5'], 'hello'), req('GET / HTTP/1.1', ['Host: 127.0.0.1', 'Transfer-Encoding: gzip, chunked'], '0\r\n\r\n'),
    ], { timeoutMs: 3000 });
    // Slow, partial requests closed early, with a valid GET served while they hang.
    const slow = report.group('http', 'slowloris: 60 partial requests held then closed early');
    const partials = Array.from({ length: 60 }, (_, i) => raw(p.port, i % 3 === 0 ? ['GE'] : i % 3 === 1 ? ['GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n', 300, 'X-a: b\r\n', 300, 'X-b: c\r\n', 300] : [req('POST / HTTP/1.1', ['Host: 127.0.0.1', 'Content-Length: 100000'], 'a'), 600], { closeEarly: true }));
    await sleep(200);
    const during = await raw(p.port, [get('/')]);
    for (const a of await Promise.all(partials)) slow.saw(a.status);
    slow.note(`a valid GET / during them: ${during.status}`);
    if (during.status !== '200') slow.fail(`GET / during slowloris answered ${during.status}`);
    await http('HTTP/0.9 and non-HTTP garbage', [Buffer.from('GET /\r\n\r\n'), Buffer.from('GET /\n'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), Buffer.from('\r\n\r\n\r\n'),
      Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03, ...Array(40).fill(0)]), Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), req('GET / HTTP/9.9'), Buffer.from('GET / HTTP/1.1\r\n\r\n'),
      Buffer.from('GET / HTTP/1.0\r\n\r\n'), Buffer.alloc(1000, 0), Buffer.from('SSH-2.0-OpenSSH_9.2\r\n'), req('GET / HTTP/1.1', ['Host: 127.0.0.1', 'Upgrade: websocket', 'Connection: Upgrade']),
      req('GET /bridge HTTP/1.1', ['Host: 127.0.0.1', 'Upgrade: websocket', 'Connection: Upgrade', `Origin: ${p.origin}`, `Sec-WebSocket-Protocol: parrot-tray.bridge.v2, secret.${secret}`]),
      req('GET /bridge HTTP/1.1', ['Host: 127.0.0.1', 'Upgrade: websocket', 'Connection: Upgrade', `Origin: ${p.origin}`, 'Sec-WebSocket-Key: x', 'Sec-WebSocket-Version: 99', `Sec-WebSocket-Protocol: parrot-tray.bridge.v2, secret.${secret}`])], { timeoutMs: 3000 });

    const anId = before.ids[0];
    await bridgeAttacks(report, p, anId, heard);
    await sleep(1000);

    // Afterwards: both processes up, the page served, the sessions list the same as before.
    report.check(demo.alive, `web: demo-backend stayed up${demo.alive ? '' : ` (exit ${JSON.stringify(demo.exit)})`}`);
    report.check(w.alive, `web: parrot-tray web stayed up${w.alive ? '' : ` (exit ${JSON.stringify(w.exit)})`}`);
    const page = await raw(p.port, [get('/')]);
    report.check(page.status === '200' && /<html/i.test(page.body), `web: GET / still serves the page (${page.status}, ${page.bytes} bytes)`);
    const after = await bridgeSessions(p);
    const same = after.total === before.total && after.ids.join() === before.ids.join();
    report.check(same && after.oneSession, `web: afterwards a valid bridge client gets the same ${after.total} sessions (before ${before.total}; one-session view ${after.oneSession ? 'served' : 'NOT served'})`);
    const fresh = await admitted(p);
    report.check(fresh.opened, 'web: a new valid bridge client is still admitted');
    fresh.ws.terminate();
  } catch (e) {
    report.check(false, `web: ${(e as Error).message}`);
  } finally {
    const webExit = web ? await web.stop() : null;
    const demoExit = await demo.stop();
    if (webExit) report.check(webExit.code === 0, `web: ends with exit 0 on SIGTERM (got ${JSON.stringify(webExit)})`);
    report.check(demoExit.code === 0, `web: demo-backend ends with exit 0 on SIGTERM (got ${JSON.stringify(demoExit)})`);
    const outputs = `${demo.out}${demo.err}${web?.out ?? ''}${web?.err ?? ''}`;
    report.check(!outputs.includes(token) && !heard.some((h) => h.includes(token)), 'web: the backend token appears in no output and no answer');
    const webOutButUrl = (web?.out ?? '').replace(/^serving \S+\n?/, '') + (web?.err ?? '') + demo.out + demo.err;
    report.check(secret !== '' && !webOutButUrl.includes(secret) && !heard.some((h) => h.includes(secret)), 'web: the bridge secret appears only in the "serving" line: in no log, HTTP answer or bridge reply');
    const nets = `${web?.err ?? ''}${demo.err}`.split('\n').filter((l) => /escaped its handler|unhandled|uncaught/i.test(l));
    report.check(nets.length === 0, `web: no failure reached the safety net${nets.length ? `: ${nets.slice(0, 3).join(' | ')}` : ''}`);
    console.log(`--- web stderr (last 10 lines) ---\n${(web?.err ?? '').trim().split('\n').slice(-10).map((l) => l.slice(0, 200)).join('\n')}`);
  }
}
