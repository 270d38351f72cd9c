import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Companion } from '../../src/main/core/companion';
import { faultyBackend } from '../support/faulty-backend';
import { junk, normalize, type JunkPick } from '../support/junk';
import { validSessions } from '../support/raw-sessions';
import { waitFor } from '../support/scripted-server';
import { tempDir } from '../support/temp-dir';

type Raw = Record<string, unknown>;

const open: Companion[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

const pickArb: fc.Arbitrary<JunkPick> = fc.record({
  where: fc.constantFrom<JunkPick['where']>('none', 'none', 'optional', 'required'),
  field: fc.nat(),
  value: fc.nat(),
});
/** One change: an upsert of session `target` (maybe junked), a remove, or an item broken around its session. */
const changeArb = fc.record({
  target: fc.nat({ max: 11 }),
  kind: fc.constantFrom('upsert', 'upsert', 'upsert', 'remove', 'bad-op', 'bad-seq'),
  pick: pickArb,
});
const stepArb = fc.oneof(fc.array(changeArb, { minLength: 1, maxLength: 6 }), fc.constant('drop' as const));
/** Transcript entries 1..n of one session, some junked in a required part. */
const transcriptArb = fc.array(fc.constantFrom('ok', 'ok', 'bad-kind', 'bad-text', 'bad-seq'), { maxLength: 8 });

const entry = (seq: number, how: string): Raw => {
  const e: Raw = { seq, at: new Date().toISOString(), kind: 'message', message: { role: 'agent', text: `entry ${seq}` } };
  if (how === 'bad-kind') e.kind = 'telepathy';
  if (how === 'bad-text') e.message = { role: 'agent' };
  if (how === 'bad-seq') e.seq = `#${seq}`;
  return e;
};

/**
 * The model: what a correct client holds after each item (PROTOCOL.md section 1). Sessions: the
 * last readable version; removed ones gone. Unreadable: the keys a client must still report.
 */
class Expected {
  sessions = new Map<string, Raw>();
  unreadable = new Map<string, string | null>();

  snapshot(items: Array<{ expected: Raw | null; readableId: string | null }>): void {
    this.sessions.clear();
    this.unreadable.clear();
    items.forEach((item, i) => {
      if (item.expected) this.sessions.set(item.expected.id as string, item.expected);
      else this.unreadable.set(item.readableId ?? `snapshot:${i}`, item.readableId);
    });
  }

  upsert(seq: number, expected: Raw | null, readableId: string | null): void {
    if (expected) {
      this.sessions.set(expected.id as string, expected);
      this.unreadable.delete(expected.id as string);
    } else this.unreadable.set(readableId ?? `seq:${seq}`, readableId);
  }

  remove(id: string): void {
    this.sessions.delete(id);
    this.unreadable.delete(id);
  }
}

describe('per-item validation over real sockets (property)', () => {
  it('never stops, never loses a valid item, converges on everything readable, never stalls its cursor', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(pickArb, { minLength: 12, maxLength: 12 }),
        fc.array(stepArb, { maxLength: 6 }),
        fc.array(transcriptArb, { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        async (snapshotPicks, steps, transcripts, pageSize) => {
          const base = validSessions(12, 'p');
          const model = new Expected();
          const firstPage = base.map((s, i) => junk(s, snapshotPicks[i]!));
          model.snapshot(firstPage);
          const entries = new Map(base.map((s, i) => [s.id as string, transcripts[i]!.map((how, k) => entry(k + 1, how))]));
          const backend = await faultyBackend({ sessions: firstPage.map((j) => j.raw), seq: 100, pageSize, transcripts: entries, transcriptPage: 2 });
          const { companion: c } = Companion.open({ backendUrl: backend.url, token: 't', dataDir: tempDir('parrot-item-prop-'), random: () => 0 });
          open.push(c);
          c.start();

          for (const step of steps) {
            if (step === 'drop') {
              backend.dropAll();
              continue;
            }
            const items = step.map((change, i) => {
              const seq = backend.head() + 1 + i;
              const session = base[change.target]!;
              if (change.kind === 'remove') {
                model.remove(session.id as string);
                return { op: 'remove', id: session.id };
              }
              // Each upsert moves the session, so a version that is kept can be told from one that is not.
              const moved = { ...session, title: `${String(session.title)} @${seq}` };
              if (change.kind === 'bad-op' || change.kind === 'bad-seq') {
                model.upsert(seq, null, session.id as string);
                return change.kind === 'bad-op' ? { op: 'patch', session: moved } : { seq: -seq, op: 'upsert', session: moved };
              }
              const j = junk(moved, change.pick);
              model.upsert(seq, j.expected, j.readableId);
              return { op: 'upsert', session: j.raw };
            });
            backend.publish(items);
          }

          // The cursor reaches the server's head whatever the items held: it never stalls on one.
          await waitFor(() => c.sync.appliedSeq === backend.head() && c.connection.isLive, 8000, `seq ${backend.head()}`);
          await c.transcripts.drained();
          // Never stopped: no frame was counted invalid, so the 100-in-60-s rule never came near.
          expect(c.connection.stats.invalidFrames).toBe(0);

          const cached = new Map(c.cache.query({ view: 'all' }, Date.now()).map((s) => [s.id, normalize(s)]));
          expect(cached).toEqual(new Map([...model.sessions].map(([id, s]) => [id, normalize(s)])));
          const unreadable = c.cache.unreadable();
          expect(unreadable.count).toBe(model.unreadable.size);
          expect(unreadable.ids).toEqual([...model.unreadable.values()].filter((id): id is string => id !== null).sort());

          // Every readable transcript entry of a session still held is stored; no unreadable one is.
          for (const id of model.sessions.keys()) {
            const want = entries.get(id)!.filter((e) => e.kind === 'message' && typeof e.seq === 'number' && (e.message as Raw).text !== undefined);
            await waitFor(() => c.cache.transcript(id).length === want.length, 3000, `the transcript of ${id}`);
            expect(c.cache.transcript(id).map((e) => e.seq)).toEqual(want.map((e) => e.seq));
          }
          c.close();
          open.pop();
        },
      ),
      // No shrinking: every step runs over real sockets, and a failing run waits out its timeouts.
      { numRuns: 40, endOnFailure: true },
    );
  }, 180_000);
});
