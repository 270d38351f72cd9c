import fc from 'fast-check';
import { BRIDGE_PATH, BRIDGE_PROTOCOL } from '../../../src/shared/api';
import { expectedQid, expectedReplyId, frameArb, oversized, type FrameSpec } from './bridge-frames';
import { expectAlive, expectServed, openBridge, startPreview, stopPreview, until, type Admission, type Preview } from './preview';
import { exchange } from './raw-http';
import type { FuzzTarget } from './target';
import { check, expectNoSecret, expectSentence, SECRET } from './words';

/** How a run knocks: as the page does, or as another page or a guesser would. */
type Door = 'admitted' | 'wrong-secret' | 'no-secret' | 'evil-origin' | 'no-origin' | 'wrong-path' | 'early-frames' | 'early-frames-refused';

const runArb = fc.record({
  door: fc.constantFrom<Door>('admitted', 'admitted', 'admitted', 'admitted', 'admitted', 'admitted', 'wrong-secret', 'no-secret', 'evil-origin', 'no-origin', 'wrong-path', 'early-frames', 'early-frames-refused'),
  frames: fc.array(frameArb, { minLength: 1, maxLength: 12 }),
  oversize: fc.constantFrom(false, false, false, false, false, false, false, true),
});
type Run = typeof runArb extends fc.Arbitrary<infer R> ? R : never;

function refusal(preview: Preview, door: Door): Admission {
  const right = [BRIDGE_PROTOCOL, `secret.${preview.secret}`];
  switch (door) {
    case 'wrong-secret':
      return { protocols: [BRIDGE_PROTOCOL, `secret.${preview.secret.slice(0, -1)}A`] };
    case 'no-secret':
      return { protocols: [BRIDGE_PROTOCOL] };
    case 'evil-origin':
      return { origin: 'http://evil.example', protocols: right };
    case 'no-origin':
      return { origin: null, protocols: right };
    default:
      return { path: `${BRIDGE_PATH}x`, protocols: right };
  }
}

/** One masked text frame, as a browser sends it. */
function clientFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = Buffer.from([1, 2, 3, 4]);
  const size = payload.length < 126 ? Buffer.from([0x80 | payload.length]) : Buffer.from([0x80 | 126, payload.length >> 8, payload.length & 255]);
  return Buffer.concat([Buffer.from([0x81]), size, mask, payload.map((b, i) => b ^ mask[i % 4]!)]);
}

/** An upgrade request with frames right behind it, in one write: they must wait for (or never pass) the door. */
async function earlyFrames(preview: Preview, admitted: boolean): Promise<void> {
  const secret = admitted ? preview.secret : 'guess';
  const head = `GET ${BRIDGE_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: ${preview.origin}\r\nSec-WebSocket-Protocol: ${BRIDGE_PROTOCOL}, secret.${secret}\r\n\r\n`;
  const call = '{"t":"call","id":77,"method":"getSettings","params":{}}';
  const request = Buffer.concat([Buffer.from(head), clientFrame('{ not json'), clientFrame(call)]);
  const reply = '{"t":"reply","id":77,"ok":true';
  const got = await exchange(Number(new URL(preview.origin).port), request, { done: (bytes) => bytes.includes(reply) || (!admitted && bytes.includes('\r\n\r\n')) });
  const text = got.bytes.toString('latin1');
  expectNoSecret('the bridge', text, [SECRET, preview.secret]);
  if (admitted) check(text.startsWith('HTTP/1.1 101') && text.includes(reply), `frames sent with an admitted upgrade were not answered: ${JSON.stringify(text.slice(0, 200))}`);
  else {
    check(got.responses[0]?.status === 403 && !text.includes('"reply"'), `a refused upgrade's frames were read, or it was not refused: ${JSON.stringify(text.slice(0, 200))}`);
    expectSentence("the bridge's refusal", got.responses[0]!.body.toString('utf8'));
  }
}

async function admittedRun(preview: Preview, run: Run): Promise<void> {
  const bridge = openBridge(preview);
  try {
    check((await bridge.opened).open, 'the page itself was refused the bridge');
    const expected = new Map<number, number>();
    const watched = new Map<number, number>();
    for (const frame of run.frames) {
      bridge.send(frame.data);
      const id = expectedReplyId(frame);
      if (id !== null) expected.set(id, (expected.get(id) ?? 0) + 1);
      const qid = expectedQid(frame);
      if (qid !== null) watched.set(qid, (watched.get(qid) ?? 0) + 1);
    }
    // The same socket, after the junk: a valid call is still answered.
    const probe = 8_888_888;
    bridge.send({ t: 'call', id: probe, method: 'getSettings', params: {} });
    const replies = () => bridge.messages.filter((m) => m.t === 'reply');
    const count = (id: number) => replies().filter((m) => m.id === id).length;
    // A watch is answered at once, with its first result or its refusal: never left waiting.
    const answers = (qid: number) => bridge.messages.filter((m) => (m.t === 'result' || m.t === 'queryError') && m.qid === qid).length;
    await until(() => [...expected].every(([id, n]) => count(id) >= n) && [...watched].every(([qid, n]) => answers(qid) >= n) && count(probe) > 0, 8_000, `answers to calls ${JSON.stringify([...expected.keys()])} and watches ${JSON.stringify([...watched.keys()])}`);
    check(replies().find((m) => m.id === probe)?.ok === true, 'getSettings failed after the junk');
    for (const reply of replies()) if (!reply.ok) expectSentence(`the refusal of call ${reply.id}`, String(reply.error));
    for (const refusal of bridge.messages.filter((m) => m.t === 'queryError')) expectSentence(`the refusal of query ${refusal.qid}`, String(refusal.error));
    expectNoSecret("the bridge's messages", JSON.stringify(bridge.messages), [SECRET, preview.secret]);
    if (run.oversize) {
      bridge.send(oversized().data);
      check((await bridge.closed) === 1009, 'a frame over 1 MiB did not close the socket with 1009');
    }
  } finally {
    bridge.ws.terminate();
  }
}

/**
 * The web preview's bridge: who may open it, and what an admitted page may send. Every call is
 * answered (a refusal in words), nothing is echoed that is secret, the process stays up, and a
 * fresh page is still served every session.
 */
export const bridgeTarget: FuzzTarget<Preview> = {
  name: 'web preview bridge',
  slow: true,
  // A frame over 1 MiB: ws's 'error' had no listener, and `parrot-tray web` ended with a stack trace.
  regressions: [[{ door: 'admitted', frames: [{ kind: 'hello', data: '{"t":"hello"}' }], oversize: true } satisfies Run]],
  start: startPreview,
  property(preview, coverage) {
    return fc.asyncProperty(runArb, async (run) => {
      coverage.shape(run.door, ...(run.door === 'admitted' ? [...run.frames.map((f: FrameSpec) => `frame: ${f.kind}`), ...(run.oversize ? ['frame: oversized'] : [])] : []));
      if (run.door === 'admitted') await admittedRun(preview, run);
      else if (run.door === 'early-frames' || run.door === 'early-frames-refused') await earlyFrames(preview, run.door === 'early-frames');
      else {
        const bridge = openBridge(preview, refusal(preview, run.door));
        const state = await bridge.opened;
        bridge.ws.terminate();
        check(!state.open && state.status === 403, `${run.door}: the bridge answered ${state.open ? 'open' : state.status}`);
        expectSentence(`the ${run.door} refusal`, state.body, [SECRET, preview.secret]);
      }
      expectAlive(preview);
    });
  },
  async settle(preview) {
    expectAlive(preview);
    await expectServed(preview);
  },
  stop: stopPreview,
};
