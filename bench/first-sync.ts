import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { Companion } from '../src/main/core/companion';
import { RequestPacer } from '../src/main/core/sync/request-pacer';
import { SUBPROTOCOL } from '../src/shared/protocol';
import { scratch } from './util';

/** A demo backend of `sessions` sessions, still (rate 0), in a child process. */
async function demoBackend(sessions: number): Promise<{ url: string; stop(): Promise<void> }> {
  const child = fork(fileURLToPath(new URL('./demo-process.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.send({ sessions });
  const [{ url }] = (await once(child, 'message')) as [{ url: string }];
  return {
    url,
    stop: async () => {
      child.send('stop');
      await once(child, 'exit');
    },
  };
}

/**
 * What `sync --once` does on a first start against a tenant of `sessions`: the companion from
 * start to caught up with its prefetch set in. Returns the time and the transcript requests sent.
 */
export async function firstSync(sessions: number): Promise<{ ms: number; requests: number }> {
  const backend = await demoBackend(sessions);
  const { companion } = Companion.open({ backendUrl: backend.url, token: 't', dataDir: scratch('bench-first-') });
  const started = performance.now();
  const done = new Promise<void>((resolve) => companion.once('caughtUp', () => void companion.transcripts.drained().then(resolve)));
  companion.start();
  await done;
  const ms = performance.now() - started;
  const requests = companion.transcripts.stats.requests;
  companion.close();
  await backend.stop();
  return { ms, requests };
}

/**
 * The ceiling: a bare ws client against the same backend that takes the snapshot (JSON.parse, no
 * validation, no cache) and then asks for the same number of transcripts' first pages, 8 at a time
 * and paced at the same 100 a second: the client's pacing and the server's answers, nothing else.
 */
export async function firstSyncCeiling(sessions: number, requests: number): Promise<number> {
  const backend = await demoBackend(sessions);
  const ws = new WebSocket(backend.url, [SUBPROTOCOL], { headers: { authorization: 'Bearer t' }, perMessageDeflate: false });
  const pacer = new RequestPacer(100);
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const ids: string[] = [];
    let sent = 0;
    let answered = 0;
    let inFlight = 0;
    const next = (): void => {
      while (inFlight < 8 && sent < Math.min(requests, ids.length)) {
        const wait = pacer.wait();
        if (wait > 0) return void setTimeout(next, wait);
        pacer.record();
        inFlight++;
        ws.send(JSON.stringify({ type: 'transcript.get', reqId: `r${sent}`, sessionId: ids[sent++], afterSeq: 0, limit: 200 }));
      }
      if (answered >= Math.min(requests, ids.length)) resolve();
    };
    ws.on('message', (data) => {
      const f = JSON.parse(String(data));
      if (f.type === 'hello') ws.send('{"type":"subscribe","since":null}');
      else if (f.type === 'snapshot') {
        for (const s of f.sessions) ids.push(s.id);
        if (f.last) next();
      } else if (f.type === 'transcript' || f.type === 'error') {
        answered++;
        inFlight--;
        next();
      }
    });
  });
  const ms = performance.now() - started;
  ws.terminate();
  await backend.stop();
  return ms;
}
