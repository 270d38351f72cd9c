/**
 * Part 3 of the hostile check: the web preview's bridge WebSocket, refused before admission and
 * fed junk after it. `Preview` is what a user learns from the `serving http://…/#secret=…` line.
 */
import { closeOf, deepArray, deepObject, sleep, wsProbe, type Report, type WsProbe } from './hostile-check-lib';

export interface Preview { port: number; origin: string; secret: string }
const PROTOCOL = 'parrot-tray.bridge.v2';
/** The secret with its i-th character (mod its length) changed, and so never the secret itself. */
const flip = (s: string, i: number) => { const k = i % s.length; return s.slice(0, k) + (s[k] === 'A' ? 'B' : 'A') + s.slice(k + 1); };
type SessionsPage = { total: number; rows: Array<{ session: { id: string } }> };

/** A client the way the preview's own page connects: its origin, its protocol and the secret. */
export const admitted = (p: Preview, path = '/bridge') => wsProbe(`ws://127.0.0.1:${p.port}${path}`, [PROTOCOL, `secret.${p.secret}`], { Origin: p.origin });

/** The Sessions list as a valid client sees it once it has settled: total and ids. */
export async function bridgeSessions(p: Preview, timeoutMs = 20_000): Promise<{ total: number; ids: string[]; oneSession: boolean }> {
  const c = await admitted(p);
  if (!c.opened) throw new Error(`a valid bridge client was refused: ${c.refusal}`);
  try {
    c.ws.send(JSON.stringify({ t: 'hello' }));
    c.ws.send(JSON.stringify({ t: 'watch', qid: 1, query: { view: 'sessions', filters: {}, offset: 0, limit: 500 } }));
    const end = Date.now() + timeoutMs;
    let last = null as SessionsPage | null;
    let lastAt = 0;
    let seen = 0;
    while (Date.now() < end) {
      for (; seen < c.messages.length; seen++) {
        const m = JSON.parse(c.messages[seen]) as { t: string; qid?: number; result?: SessionsPage };
        if (m.t === 'result' && m.qid === 1) { last = m.result ?? null; lastAt = Date.now(); }
      }
      if (last && last.total > 0 && Date.now() - lastAt > 1500) break;
      await sleep(100);
    }
    if (!last || last.total === 0) throw new Error('no sessions list arrived over the bridge');
    const first = last.rows[0].session.id;
    c.ws.send(JSON.stringify({ t: 'watch', qid: 2, query: { view: 'session', id: first } }));
    await sleep(500);
    const one = c.messages.map((m) => JSON.parse(m) as { t: string; qid?: number; result?: { session: { id: string } | null } }).find((m) => m.t === 'result' && m.qid === 2);
    return { total: last.total, ids: last.rows.map((r) => r.session.id).sort(), oneSession: one?.result?.session?.id === first };
  } finally {
    c.ws.terminate();
  }
}

export async function bridgeAttacks(report: Report, p: Preview, anId: string, heard: string[]): Promise<void> {
  const url = (path = '/bridge') => `ws://127.0.0.1:${p.port}${path}`;
  const wrong = flip(p.secret, 0);
  const g = report.group('bridge', 'admission: wrong secret, origin, path or protocol');
  const mustRefuse: Array<[string, Promise<WsProbe>]> = [
    ['no secret', wsProbe(url(), [PROTOCOL], { Origin: p.origin })],
    ['wrong secret, same length', wsProbe(url(), [PROTOCOL, `secret.${wrong}`], { Origin: p.origin })],
    ['secret truncated', wsProbe(url(), [PROTOCOL, `secret.${p.secret.slice(0, -1)}`], { Origin: p.origin })],
    ['secret upper-cased', wsProbe(url(), [PROTOCOL, `secret.${p.secret.toUpperCase()}`], { Origin: p.origin })],
    ['secret as bare protocol', wsProbe(url(), [PROTOCOL, p.secret], { Origin: p.origin })],
    ['right secret, no Origin', wsProbe(url(), [PROTOCOL, `secret.${p.secret}`], {})],
    ['right secret, foreign Origin', wsProbe(url(), [PROTOCOL, `secret.${p.secret}`], { Origin: 'http://evil.example' })],
    ['right secret, Origin null', wsProbe(url(), [PROTOCOL, `secret.${p.secret}`], { Origin: 'null' })],
    ['right secret, other port Origin', wsProbe(url(), [PROTOCOL, `secret.${p.secret}`], { Origin: `http://127.0.0.1:${p.port + 1}` })],
    ['right secret, localhost Origin', wsProbe(url(), [PROTOCOL, `secret.${p.secret}`], { Origin: `http://localhost:${p.port}` })],
    ['right secret, path /', wsProbe(url('/'), [PROTOCOL, `secret.${p.secret}`], { Origin: p.origin })],
    ['right secret, path /bridge/x', wsProbe(url('/bridge/x'), [PROTOCOL, `secret.${p.secret}`], { Origin: p.origin })],
    ['300 wrong secrets', wsProbe(url(), [PROTOCOL, ...new Set(Array.from({ length: 300 }, (_, i) => `secret.${flip(p.secret, i)}${i >= p.secret.length ? i : ''}`))], { Origin: p.origin })],
    ['secret in the URL query', wsProbe(`${url()}?secret=${p.secret}`, [PROTOCOL], { Origin: p.origin })],
  ];
  for (const [what, probe] of mustRefuse) {
    const r = await probe;
    g.saw(r.opened ? 'OPENED' : (r.refusal ?? '?').slice(0, 60));
    heard.push(r.refusal ?? '', ...r.messages);
    if (r.opened) { g.fail(`admitted with ${what}`); r.ws.terminate(); }
  }
  // Accepted forms that are not the page's own, noted but not failed: same path after decoding, or no protocol echoed.
  const odd = report.group('bridge', 'admission: odd but same-origin forms (noted)');
  for (const probe of [admitted(p, '/%62ridge'), admitted(p, '/bridge?x=1'), wsProbe(url(), [`secret.${p.secret}`], { Origin: p.origin })]) {
    const r = await probe;
    odd.saw(r.opened ? 'opened' : (r.refusal ?? '?').slice(0, 60));
    r.ws.terminate();
  }

  // Before hello, then after: junk, wrong shapes, calls with bad args. Each call must be answered in words.
  const a = await admitted(p);
  if (!a.opened) { report.check(false, `bridge: a valid client was refused (${a.refusal})`); return; }
  const pre = report.group('bridge', 'junk before hello, then hello');
  for (const f of ['nope', '{', '{}', '[]', 'null', '{"t":"watch"}', '{"t":"call","id":7}', deepArray(100_000)]) { a.ws.send(f); pre.saw('sent'); }
  a.ws.send(Buffer.from([1, 2, 3]), { binary: true }); pre.saw('sent (binary)');
  a.ws.send('{"t":"hello"}');
  await sleep(800);
  const statusCame = a.messages.some((m) => m.includes('"t":"status"'));
  pre.saw(statusCame ? 'hello answered with status' : 'hello NOT answered');
  if (!statusCame) pre.fail('no status after hello that followed junk');
  if (a.messages.some((m) => m.includes('"id":7'))) pre.saw('call 7 (no method) answered');

  const shapes = report.group('bridge', 'wrong shapes after admission');
  const wrongShapes = [
    {}, { t: 'watch' }, { t: 'watch', qid: -1, query: { view: 'sessions' } }, { t: 'watch', qid: 1, query: { view: 'sessions', filters: {}, offset: 0, limit: 1e9 } },
    { t: 'watch', qid: 2 ** 53, query: { view: 'session', id: 'x'.repeat(5000) } }, { t: 'watch', qid: 3, query: { view: 'nope' } }, { t: 'unwatch', qid: 'a' },
    { t: 'unwatch', qid: 999999 }, { t: '__proto__' }, { t: 'constructor' }, { t: 'call', id: -1, method: 'getSettings', params: {} }, { t: 'call', id: 1.5, method: 'getSettings' },
    { t: 'watch', qid: 4, query: { view: 'sessions', filters: { search: 's'.repeat(5000), profile: '../..' }, offset: 0, limit: 10 } },
  ].map((m) => JSON.stringify(m));
  wrongShapes.push('{"t":"hello","__proto__":{"t":"call","id":5}}', `{"t":"watch","qid":5,"query":${deepObject(20_000)}}`, '{"t":"hello"}\u0000', '\ud800');
  const had = a.messages.length;
  for (const f of wrongShapes) { a.ws.send(f); shapes.sent++; }
  await sleep(600);
  for (const m of a.messages.slice(had)) shapes.note(`answer t=${(JSON.parse(m) as { t: string }).t}${m.includes('"ok":false') ? ' ok:false' : ''}`);
  if (a.messages.length === had) shapes.note('no answer (none carried a call id)');
  shapes.note(a.ws.readyState === a.ws.OPEN ? 'client kept open' : `client closed ${a.close?.code}`);

  const calls = report.group('bridge', 'calls with bad args (each must be answered in words)');
  const bad: Array<[string, unknown]> = [
    ['command', { sessionId: 5 }], ['command', { action: 'approve', sessionId: anId, checkpointId: 123 }], ['command', { action: 'detonate', sessionId: anId }],
    ['command', { action: 'approve', sessionId: anId }], ['transcript', null], ['transcript', { sessionId: anId, afterSeq: -1, limit: 1e9 }],
    ['openSession', { sessionId: 'x'.repeat(10_000) }], ['openSession', { sessionId: { toString: 1 } }], ['closeSession', 'junk'],
    ['constructor', {}], ['__proto__', {}], ['toString', {}], ['hasOwnProperty', {}], ['valueOf', null], ['', {}], ['x'.repeat(100), {}],
    ['openExternal', { url: 'javascript:alert(1)' }], ['openExternal', { url: 'file:///etc/passwd' }], ['openExternal', { url: 5 }],
    ['updateSettings', { quietHours: 'always', snoozedUntil: 'never' }], ['getSettings', 'junk'], ['addProfile', { name: 7 }],
    ['removeProfile', { id: '../../etc' }], ['moveProfile', { id: 'x', index: 1e9 }], ['updateAppSettings', { theme: {} }],
    ['remindLater', { sessionId: anId, minutes: -5 }], ['appUpdate', { action: 'rm -rf /' }], ['muteFlow', { flow: { id: anId, name: 'n'.repeat(1000) }, muted: 'yes' }],
    ['getSettings', JSON.parse(deepObject(1500))],
  ];
  const base = 100;
  bad.forEach(([method, params], i) => a.ws.send(JSON.stringify({ t: 'call', id: base + i, method, params })));
  const end = Date.now() + 6000;
  const replies = () => new Map(a.messages.map((m) => JSON.parse(m) as { t: string; id?: number; ok?: boolean; error?: string }).filter((m) => m.t === 'reply').map((m) => [m.id!, m]));
  while (replies().size < bad.length && Date.now() < end) await sleep(100);
  const got = replies();
  bad.forEach(([method], i) => {
    const r = got.get(base + i);
    if (!r) { calls.saw('no reply'); calls.fail(`call ${method.slice(0, 20)} was never answered`); return; }
    calls.saw(r.ok ? `reply ok:true (${method}, junk params ignored)` : `reply ok:false "${(r.error ?? '').replace(/\d+/g, 'N').slice(0, 44)}…"`);
    if (!r.ok && !/[a-z]{3,} [a-z]{2,}/i.test(r.error ?? '')) calls.fail(`call ${method.slice(0, 20)}: refusal not in words: ${JSON.stringify(r.error)}`);
  });

  const flood = report.group('bridge', 'watch flood (300 live queries) and 2000 junk frames on one client');
  for (let q = 10; q < 310; q++) a.ws.send(JSON.stringify({ t: 'watch', qid: q, query: { view: 'sessions', filters: {}, offset: q % 50, limit: 500 } }));
  for (let q = 10; q < 310; q++) a.ws.send(JSON.stringify({ t: 'unwatch', qid: q }));
  for (let i = 0; i < 2000; i++) a.ws.send(i % 2 ? `{"t":"watch","qid":${i}` : JSON.stringify({ t: 'call', id: 10_000 + i, method: 'nope', params: i }));
  flood.sent += 2600;
  await sleep(2500);
  flood.saw(a.ws.readyState === a.ws.OPEN ? 'client still open' : `client closed ${a.close?.code}`);
  heard.push(...a.messages);
  a.ws.terminate();

  const frames = report.group('bridge', 'protocol-level frames after admission');
  const big = await admitted(p);
  big.ws.send('x'.repeat(1024 * 1024 + 1));
  frames.saw(`oversized text (1 MiB + 1) → close ${await closeOf(big, 4000)}`);
  const bigJson = await admitted(p);
  bigJson.ws.send(JSON.stringify({ t: 'call', id: 1, method: 'getSettings', params: { pad: 'p'.repeat(2 * 1024 * 1024) } }));
  frames.saw(`oversized call (2 MiB) → close ${await closeOf(bigJson, 4000)}`);
  const utf = await admitted(p);
  utf.ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
  frames.saw(`invalid UTF-8 text → close ${await closeOf(utf, 4000)}`);
  const bin = await admitted(p);
  bin.ws.send(Buffer.alloc(100_000, 7), { binary: true });
  bin.ws.send('{"t":"hello"}');
  await sleep(700);
  frames.saw(`binary 100 KB then hello → ${bin.messages.some((m) => m.includes('"status"')) ? 'status still served' : `no status (close ${bin.close?.code ?? '-'})`}`);
  for (const x of [big, bigJson, utf, bin]) { heard.push(...x.messages); x.ws.terminate(); }

  const churn = report.group('bridge', '40 admitted clients opening queries and sessions, then dropped abruptly');
  const many = await Promise.all(Array.from({ length: 40 }, () => admitted(p)));
  for (const c of many) {
    if (!c.opened) { churn.saw(`refused: ${c.refusal}`); continue; }
    c.ws.send('{"t":"hello"}');
    c.ws.send(JSON.stringify({ t: 'watch', qid: 1, query: { view: 'commandCenter', needsYouLimit: 50, activeLimit: 50, recentLimit: 50 } }));
    c.ws.send(JSON.stringify({ t: 'call', id: 1, method: 'openSession', params: { sessionId: anId } }));
  }
  await sleep(300);
  for (const c of many) { churn.saw(c.opened ? 'opened, then terminated' : 'refused'); c.ws.terminate(); }
}
