import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { Companion } from '../../../src/main/core/companion';
import { normalize } from '../../support/junk';
import { validSessions } from '../../support/raw-sessions';
import { removeDir, scratchDir } from './cli-process';
import { until } from './preview';
import { JunkBackend, SNAPSHOT_SEQ } from './stream-backend';
import { junkArb, misplacedArb, OVERSIZED } from './stream-frames';
import type { FuzzTarget } from './target';
import { check, expectWords, SECRET } from './words';

type Raw = Record<string, unknown>;

const changeArb = fc.record({ op: fc.constantFrom('new', 'update', 'update', 'remove'), pick: fc.nat() });
const stepArb = fc.oneof(
  { weight: 8, arbitrary: junkArb.map((junk) => ({ do: 'junk' as const, junk })) },
  { weight: 2, arbitrary: misplacedArb.map((batch) => ({ do: 'misplaced' as const, batch })) },
  { weight: 6, arbitrary: fc.array(changeArb, { minLength: 1, maxLength: 4 }).map((changes) => ({ do: 'valid' as const, changes })) },
  { weight: 1, arbitrary: fc.constantFrom({ do: 'drop' as const }, { do: 'oversized' as const }) },
);
const runArb = fc.record({
  snapshot: fc.integer({ min: 0, max: 12 }),
  pageSize: fc.integer({ min: 1, max: 5 }),
  opening: fc.array(junkArb, { maxLength: 3 }),
  betweenPages: fc.array(fc.array(junkArb, { maxLength: 2 }), { maxLength: 4 }),
  steps: fc.array(stepArb, { maxLength: 15 }),
});
type Run = typeof runArb extends fc.Arbitrary<infer R> ? R : never;

function shapesOf(run: Run): string[] {
  const labels = [...run.opening, ...run.betweenPages.flat()].map((j) => j.kind);
  for (const step of run.steps) labels.push(step.do === 'junk' ? step.junk.kind : step.do === 'misplaced' ? `${step.batch.kind} batch` : step.do);
  return labels.length ? labels : ['valid only'];
}

/** Plays the run's live steps; returns the tenant a correct client ends up holding. */
function play(backend: JunkBackend, run: Run, base: Raw[]): Map<string, Raw> {
  const model = new Map(base.map((s) => [s.id as string, s]));
  let created = 0;
  for (const step of run.steps) {
    if (step.do === 'junk') backend.junk(step.junk);
    else if (step.do === 'misplaced') backend.misplaced(step.batch);
    else if (step.do === 'oversized') backend.junk(OVERSIZED);
    else if (step.do === 'drop') backend.dropAll();
    else {
      const items = step.changes.map(({ op, pick }) => {
        const ids = [...model.keys()];
        const id = ids[pick % Math.max(1, ids.length)];
        if (op === 'new' || id === undefined) {
          const session = validSessions(1, `n${created++}`)[0]!;
          model.set(session.id as string, session);
          return { op: 'upsert', session };
        }
        if (op === 'remove') {
          model.delete(id);
          return { op: 'remove', id };
        }
        const session = { ...model.get(id)!, title: `moved at ${backend.head() + 1}` };
        model.set(id, session);
        return { op: 'upsert', session };
      });
      backend.publish(items);
    }
  }
  return model;
}

/**
 * The stream protocol, whole frames: a backend that is correct for a run's valid sessions and
 * changes sends junk around them, against the real connection, sync engine and a SQLite cache in a
 * temp dir. Every valid session must land, the cursor must reach the head, the connection must
 * never stop, nothing may escape the event loop, and the log must hold neither the token nor a
 * stack trace.
 */
export const streamTarget: FuzzTarget<null> = {
  name: 'stream protocol',
  slow: true,
  start: async () => null,
  property(_env, coverage) {
    return fc.asyncProperty(runArb, async (run) => {
      coverage.shape(...shapesOf(run));
      const escaped: unknown[] = [];
      const onEscape = (error: unknown) => escaped.push(error);
      process.on('uncaughtException', onEscape);
      process.on('unhandledRejection', onEscape);
      const lines: string[] = [];
      const logger = { info: (l: string) => lines.push(l), warn: (l: string) => lines.push(l) };
      const base = validSessions(run.snapshot, 's');
      const backend = await JunkBackend.start({ sessions: base, pageSize: run.pageSize, opening: run.opening, betweenPages: run.betweenPages });
      const dir = scratchDir('parrot-fuzz-stream-');
      const { companion } = Companion.open({ backendUrl: backend.url, token: SECRET, dataDir: dir, random: () => 0, logger });
      try {
        companion.start();
        await until(() => companion.sync.appliedSeq !== null, 8_000, 'the first snapshot');
        const model = play(backend, run, base);
        await until(() => companion.sync.appliedSeq === backend.head() && companion.connection.isLive, 10_000, `seq ${backend.head()} (holds ${companion.sync.appliedSeq})`);
        const cached = new Map(companion.cache.query({ view: 'all' }, Date.now()).map((s) => [s.id, normalize(s)]));
        const want = new Map([...model].map(([id, s]) => [id, normalize(s)]));
        const differs = [...new Set([...cached.keys(), ...want.keys()])].filter((id) => !isDeepStrictEqual(cached.get(id), want.get(id)));
        check(differs.length === 0, `the cache lost or changed ${differs.sort().join(', ')} (it holds ${cached.size} of ${want.size})`);
        check(companion.connection.state.phase === 'live', `the connection is ${companion.connection.state.phase}`);
        check(escaped.length === 0, `escaped the event loop: ${String(escaped[0])}`);
        expectWords('the sync log', lines.join('\n'));
        check(companion.sync.appliedSeq! >= SNAPSHOT_SEQ, 'the cursor went back');
      } finally {
        process.off('uncaughtException', onEscape);
        process.off('unhandledRejection', onEscape);
        companion.close();
        await backend.stop();
        removeDir(dir);
      }
    });
  },
  settle: async () => undefined,
  stop: async () => undefined,
};
