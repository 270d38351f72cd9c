/**
 * Part 1 of the hostile check: a scripted backend on 127.0.0.1 that speaks PROTOCOL.md well enough
 * to deliver valid sessions, then throws hostile frames at `parrot-tray sync`. The backend keeps
 * its own truth (the valid sessions, and a change log for replays), so the cache can be compared
 * with it at the end, whatever the client chose to do with ambiguous frames.
 */
import { WebSocketServer, type WebSocket } from 'ws';
import { Child, deepArray, deepObject, runCli, session, sleep, type Report } from './hostile-check-lib';

type Item = Record<string, unknown> | unknown;
const SUB = 'parrot.sessions.v1';
const now = () => new Date().toISOString();

export async function syncCheck(report: Report, dir: string, token: string, tokenFile: string): Promise<void> {
  const state = new Map<string, Record<string, unknown>>(); // the server's valid sessions
  const log: Array<{ seq: number; item: Item }> = []; // every seq'd item sent in a contiguous batch
  let head = 10;
  const either = new Set<string>(); // sessions the client may keep or skip
  const junkItems = (): Item[] => [
    { id: 'bad_notitle', kind: 'flow_run', status: 'running' },
    { ...session('bad_kind', 'x'), kind: 7 },
    session('x'.repeat(129), 'id too long'),
    { ...session('bad_flow', 'no stepCount'), flow: { stepIndex: 1 } },
    null, 'a string', [1, 2], 42,
    JSON.parse(deepObject(2000)),
  ];
  for (const s of [
    session('v1', 'V1 original'), session('v2', 'V2 original', 'background_task'), session('v3', 'V3 to be removed', 'chat'),
    session('v4', 'V4 has __proto__', 'flow_run', JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')),
    session('v5\u0000nul', 'V5 title with NUL \u0000 inside'),
    session('v6', `V6 big ${'x'.repeat(600_000)}`),
  ]) state.set(s.id as string, s);

  let conn: WebSocket | null = null;
  let subscribed = false;
  const closes: string[] = [];
  const subscribes: Array<number | null> = [];
  const send = (frame: string | Buffer, binary = false) => conn?.send(frame, { binary });
  const sendJson = (frame: unknown) => send(JSON.stringify(frame));
  const snapshot = () => {
    const valid = [...state.values()];
    sendJson({ type: 'resync', reason: 'no_cursor' });
    sendJson({ type: 'snapshot', page: 0, sessions: [...valid.slice(0, 3), ...junkItems()], last: false });
    // One page per remaining session: a few of them are big, and a page must stay under 1 MiB.
    const rest = valid.slice(3);
    rest.forEach((s, i) => sendJson({ type: 'snapshot', page: i + 1, sessions: [s], last: i === rest.length - 1, ...(i === rest.length - 1 ? { seq: head } : {}) }));
    if (!rest.length) sendJson({ type: 'snapshot', page: 1, sessions: [], last: true, seq: head });
  };
  /** A contiguous batch: seqs head+1…, written to the log, valid upserts/removes applied to the truth. */
  const batch = (items: Array<{ op: string; session?: Item; id?: unknown; valid: boolean }>) => {
    const wire = items.map(({ valid, ...it }) => {
      const seq = ++head;
      const item = { seq, ...it };
      log.push({ seq, item });
      if (valid && it.op === 'upsert') state.set((it.session as { id: string }).id, it.session as Record<string, unknown>);
      if (valid && it.op === 'remove') state.delete(it.id as string);
      return item;
    });
    sendJson({ type: 'changes', fromSeq: wire[0].seq, toSeq: wire[wire.length - 1].seq, items: wire });
  };

  const wss = new WebSocketServer({
    host: '127.0.0.1', port: 0, perMessageDeflate: false,
    handleProtocols: (p) => (p.has(SUB) ? SUB : false),
    verifyClient: (info, cb) => cb(info.req.headers.authorization === `Bearer ${token}`, 401),
  });
  await new Promise((r) => wss.once('listening', r));
  const port = (wss.address() as { port: number }).port;
  wss.on('connection', (ws) => {
    conn = ws;
    subscribed = false;
    ws.on('error', () => undefined);
    ws.on('close', (code) => { closes.push(String(code)); if (conn === ws) conn = null; });
    ws.send(JSON.stringify({ type: 'hello', protocol: 1, serverTime: now(), heartbeatMs: 15000, tenant: { id: 't_h', name: 'Hostile' }, user: { id: 'u_ada', name: 'Ada Lovelace' }, headSeq: head }));
    ws.on('message', (data) => {
      let m: { type?: string; since?: number | null; reqId?: string; sessionId?: string };
      try { m = JSON.parse(String(data)); } catch { return; }
      if (m.type === 'subscribe') {
        subscribes.push(m.since ?? null);
        if (m.since == null || m.since < 10) snapshot();
        else if (m.since > head) ws.close(4004, 'bad since');
        else {
          const items = log.filter((l) => l.seq > m.since!).map((l) => l.item);
          if (items.length) sendJson({ type: 'changes', fromSeq: m.since + 1, toSeq: head, items });
        }
        subscribed = true;
      } else if (m.type === 'transcript.get') {
        const entries = [{ seq: 1, at: now(), kind: 'message', message: { role: 'agent', text: 'hello' } }, { seq: 2, kind: 'nope', at: 5 }, { seq: 3, at: now(), kind: 'message', message: { role: 'agent', text: 'after junk' } }];
        sendJson({ type: 'transcript', reqId: m.reqId, sessionId: m.sessionId, entries, complete: true });
      }
    });
  });

  const sync = new Child('sync', ['sync', '--backend', `ws://127.0.0.1:${port}`, '--token-file', tokenFile, '--data', dir]);
  const ready = async (timeoutMs = 40_000) => {
    const end = Date.now() + timeoutMs;
    while (!(conn && subscribed)) {
      if (!sync.alive || Date.now() > end) throw new Error(`sync did not (re)connect and subscribe (alive: ${sync.alive})`);
      await sleep(50);
    }
    await sleep(300);
  };
  let closesBefore = 0; // closes seen when the current barrage began
  const awaitClose = async (g: ReturnType<Report['group']>, ms: number) => {
    const n = closesBefore;
    const end = Date.now() + ms;
    while (closes.length === n && Date.now() < end) await sleep(50);
    g.note(closes.length > n ? `client closed the socket with ${closes[closes.length - 1]}` : 'connection kept open');
  };
  /** Sends hostile frames of one group; each counts once. */
  const barrage = async (name: string, frames: Array<string | (() => void)>) => {
    const g = report.group('sync', name);
    const from = sync.err.length;
    closesBefore = closes.length;
    for (const f of frames) {
      if (conn) g.sent++; else g.note('not sent: connection already closed by the client');
      if (typeof f === 'string') send(f); else f();
      await sleep(15);
    }
    await sleep(1000); // skipped items are logged when their batch is written, a little later
    // What sync said about them on stderr, by kind.
    const said = sync.err.slice(from).split('\n');
    const count = (re: RegExp) => said.filter((l) => re.test(l)).length;
    g.note('frames dropped as invalid (logged)', count(/dropped an invalid frame/));
    g.note('items skipped (logged)', count(/could not read (a )?session/));
    g.note('gaps → subscribe again', count(/gap: expected/));
    g.note('snapshot out of order → subscribe again', count(/arrived out of order/));
    g.note('flood → sync closed with 1008', count(/more than 100 invalid frames/));
    if (g.outcomes.size === 0) g.note('nothing logged (ignored)');
    if (!sync.alive) g.fail(`sync exited ${JSON.stringify(sync.exit)}`);
    return g;
  };

  /** The cache, read back by another process while sync keeps running, against the server's truth. */
  const readCache = async () => {
    const read = await runCli(['sessions', '--data', dir, '--json', '--view', 'all']);
    const rows = read.out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; title: string });
    const got = new Map(rows.map((r) => [r.id, r.title]));
    const want = [...state.keys()].sort();
    const missing = want.filter((id) => !got.has(id)).map((id) => JSON.stringify(id.slice(0, 20)));
    const extra = [...got.keys()].filter((id) => !state.has(id) && !either.has(id)).map((id) => JSON.stringify(id.slice(0, 20)));
    const wrongTitle = want.filter((id) => got.has(id) && got.get(id) !== state.get(id)!.title).map((id) => `${JSON.stringify(id)}: ${JSON.stringify(got.get(id)!.slice(0, 40))}`);
    return { read, got, want, missing, extra, wrongTitle };
  };

  try {
    await sync.waitFor(/caught up at seq 10/, 20_000, 'err');
    await ready();
    const v1 = state.get('v1')!;
    const up = (s: Item) => ({ op: 'upsert', session: s, valid: false });
    await barrage('malformed JSON', ['{', 'not json', '{"type":', '', '\u0000', '\ufeff{"type":"changes"}', '[]', 'null', '42', '"changes"', '{"type":"changes",}', "{'type':'changes'}", 'NaN', '{"type":"changes","fromSeq":1e999}']);
    await barrage('wrong types', [
      '{"type":123}', '{"type":null}', '{"type":["changes"]}', '{"type":{"x":1}}',
      JSON.stringify({ type: 'changes', fromSeq: 'x', toSeq: head + 1, items: [{ seq: head + 1, op: 'upsert', session: { ...v1, title: 'ENVELOPE-BAD' } }] }),
      JSON.stringify({ type: 'changes', fromSeq: head + 1, toSeq: head + 1, items: 'nope' }),
      JSON.stringify({ type: 'changes', fromSeq: head + 1, toSeq: head + 1, items: [] }),
      JSON.stringify({ type: 'snapshot', page: -1, sessions: {}, last: 'yes' }),
      JSON.stringify({ type: 'snapshot', page: 0, sessions: [], last: true }),
      JSON.stringify({ type: 'hello', protocol: 'one', heartbeatMs: -5, tenant: 3 }),
      JSON.stringify({ type: 'resync', reason: 42 }), JSON.stringify({ type: 'transcript', reqId: null, entries: 'x' }),
      JSON.stringify({ type: 'transcript.append', sessionId: 5, entries: {} }), JSON.stringify({ type: 'transcript.append', sessionId: 'v1', entries: [{ seq: 'x' }, null] }),
      JSON.stringify({ type: 'result', reqId: 'c_nobody', ok: 'maybe' }), JSON.stringify({ type: 'error', code: 7, retryAfterMs: 'soon' }),
    ]);
    await barrage('unknown frame types', ['{"type":"zzz"}', '{"type":""}', '{"type":"constructor"}', '{"type":"__proto__"}', '{"type":"toString"}', '{"type":"hasOwnProperty"}', '{"type":"changes\\u0000"}', `{"type":"${'u'.repeat(10_000)}"}`]);
    await barrage('deep nesting', [deepArray(100_000), deepObject(50_000), () => { const q = ++head; log.push({ seq: q, item: 'deep junk' }); send(`{"type":"changes","fromSeq":${q},"toSeq":${q},"items":${deepArray(50_000)}}`); }, `{"type":"zzz","x":${deepObject(100_000)}}`,
      () => batch([{ op: 'upsert', session: { ...session('v7', 'V7 next to a deep item'), origin: JSON.parse(deepObject(1500)) }, valid: true }, up({ ...v1, title: JSON.parse(deepArray(1500)) })])]);
    await barrage('__proto__ keys', [
      '{"__proto__":{"type":"changes"}}', '{"type":"changes","__proto__":{"fromSeq":1,"toSeq":1,"items":[]}}', '{"constructor":{"prototype":{"type":"x"}},"type":"zzz"}',
      () => batch([{ op: 'upsert', session: JSON.parse(JSON.stringify(session('v8', 'V8 valid, own __proto__ key')).replace(/^\{/, '{"__proto__":{"id":"evil","title":"evil"},')), valid: true }, up(JSON.parse('{"__proto__":{"id":"v1","kind":"flow_run","title":"PROTO-HIJACK"}}'))]),
    ]);
    await barrage('NUL bytes', ['{"type":"zzz","x":"\\u0000\\u0000"}', '\u0000\u0000\u0000\u0000', '{"type":"changes\u0000"}',
      () => batch([{ op: 'upsert', session: session('v9', 'V9 \u0000 NUL in title'), valid: true }, up({ ...v1, id: 'v1\u0000', title: undefined })])]);
    await barrage('unsolicited snapshot pages mid-stream', [JSON.stringify({ type: 'snapshot', page: 3, sessions: [], last: false }),
      JSON.stringify({ type: 'snapshot', page: 0, sessions: Array.from({ length: 501 }, () => 1), last: false }),
      JSON.stringify({ type: 'snapshot', page: 0, sessions: [session('ghost', 'GHOST from a snapshot that never completes')], last: false })]);
    await barrage('mixed valid and invalid items in one batch', [() => batch([
      { op: 'upsert', session: { ...state.get('v2')!, title: 'V2 updated' }, valid: true },
      up({ ...v1, title: 'V1 INVALID UPDATE', status: 99 }), { op: 'remove', id: 12345, valid: false },
      { op: 'remove', id: 'v3', valid: true }, { op: 'explode', valid: false }, up(null), up('str'),
      { op: 'upsert', session: session('v10', 'V10 among junk', 'chat'), valid: true }, up({ ...session('v11_bad', 'x'), createdAt: 'yesterday' }),
    ])]);
    await barrage('out-of-order seqs', [() => {
      const a = head + 1;
      const items = [{ seq: a + 1, op: 'upsert', session: session('v12', 'V12 out of order') }, { seq: a, op: 'upsert', session: session('v13', 'V13 out of order') }];
      head = a + 1;
      log.push({ seq: a, item: items[1] }, { seq: a + 1, item: items[0] });
      // Items whose seq is not fromSeq + index may be skipped with the cursor moved past (src/shared/protocol/items.ts): not required.
      either.add('v12').add('v13');
      sendJson({ type: 'changes', fromSeq: a, toSeq: a + 1, items });
    }, () => sendJson({ type: 'changes', fromSeq: 11, toSeq: 11, items: [{ seq: 11, op: 'upsert', session: { ...v1, title: 'STALE REPLAY' } }] })]);
    await barrage('gaps', [() => sendJson({ type: 'changes', fromSeq: head + 50, toSeq: head + 50, items: [{ seq: head + 50, op: 'upsert', session: { ...v1, title: 'GAP' } }] }),
      () => batch([{ op: 'upsert', session: session('v14', 'V14 after the gap'), valid: true }])]);
    await barrage('oversized strings', [JSON.stringify({ type: 'zzz', pad: 'y'.repeat(900_000) }),
      () => batch([{ op: 'upsert', session: session('v15', `V15 ${'t'.repeat(500_000)}`), valid: true }, up(session('i'.repeat(100_000), 'huge id')), up({ ...session('v16_bad', 'x'), owner: { id: 'o'.repeat(200_000), name: 1 } })])]);
    await sleep(1500);

    // Before anything forces a reconnect: the valid changes sent on this same live connection have landed.
    const mid = await readCache();
    report.check(mid.missing.length === 0 && mid.wrongTitle.length === 0 && closes.length === 0, `sync: on the same connection, after the frames above, every valid change sent so far landed (${mid.want.length - mid.missing.length} of ${mid.want.length})${mid.missing.length ? `; missing ${mid.missing.join(', ')}` : ''}${mid.wrongTitle.length ? `; stale: ${mid.wrongTitle.join(', ')}` : ''}`);
    await barrage('huge frame (> 1 MiB)', [JSON.stringify({ type: 'zzz', pad: 'z'.repeat(1024 * 1024 + 100) })]).then((g) => awaitClose(g, 5000));
    await ready();
    batch([{ op: 'upsert', session: session('v17', 'V17 after reconnect'), valid: true }]);
    await barrage('invalid UTF-8 text frame', [() => send(Buffer.from([0x7b, 0xff, 0xfe, 0xc0, 0x7d]), false)]).then((g) => awaitClose(g, 5000));
    await ready();
    await barrage('binary frames', [() => send(Buffer.from('{"type":"zzz"}'), true), () => send(Buffer.alloc(70_000, 0xee), true)]).then((g) => awaitClose(g, 3000));
    await ready();
    await barrage('invalid-frame flood (120 in a second)', Array.from({ length: 120 }, (_, i) => `{"type":"changes","fromSeq":"bad${i}"}`)).then((g) => awaitClose(g, 5000));
    await ready();
    batch([{ op: 'upsert', session: session('v18', 'V18 the last valid change'), valid: true }]);
    await sleep(3000);

    const { read, got, missing, extra, wrongTitle, want } = await readCache();
    report.check(read.code === 0, `sync: "parrot-tray sessions --json" read the cache (exit ${read.code}${read.err ? `, stderr: ${read.err.trim().slice(0, 150)}` : ''})`);
    report.check(missing.length === 0, `sync: all ${want.length} valid sessions in the cache${missing.length ? `; missing ${missing.join(', ')}` : ''}`);
    report.check(extra.length === 0, `sync: no invalid or removed session in the cache${extra.length ? `; extra ${extra.join(', ')}` : ''}`);
    report.check(true, `sync: the out-of-order batch's sessions (v12, v13): ${[...either].filter((id) => got.has(id)).length} of ${either.size} kept (skipping them is the client's documented choice)`);
    report.check(wrongTitle.length === 0, `sync: every cached title is the last valid one (no invalid, stale, gap or __proto__ update applied)${wrongTitle.length ? `; wrong: ${wrongTitle.join(', ')}` : ''}`);
    report.check(sync.alive, `sync: process stayed up for the whole barrage (${closes.length} connections closed: ${closes.join(', ')}; subscribes since: ${subscribes.map(String).join(', ')})`);
  } catch (e) {
    report.check(false, `sync: ${(e as Error).message}`);
  } finally {
    const exit = await sync.stop();
    report.check(exit.code === 0, `sync: ends with exit 0 on SIGTERM (got ${JSON.stringify(exit)})`);
    const all = sync.out + sync.err;
    report.check(!all.includes(token), 'sync: the token appears in none of its output');
    const nets = all.split('\n').filter((l) => /escaped its handler|unhandled|uncaught/i.test(l));
    report.check(nets.length === 0, `sync: no failure reached the safety net${nets.length ? `: ${nets.slice(0, 3).join(' | ')}` : ''}`);
    console.log(`--- sync stderr (last 8 lines) ---\n${sync.err.trim().split('\n').slice(process.env.HOSTILE_VERBOSE ? 0 : -8).map((l) => l.slice(0, 200)).join('\n')}`);
    for (const c of wss.clients) c.terminate();
    await new Promise((r) => wss.close(r));
  }
}
