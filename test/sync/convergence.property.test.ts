import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCache } from '../../src/main/core/cache/cache';
import { SyncEngine } from '../../src/main/core/sync/sync-engine';
import { WriteQueue } from '../../src/main/core/sync/write-queue';
import type { ChangeItem, ClientFrame, ServerFrame, Session } from '../../src/shared/protocol';
import { flowRun } from '../shared/fixtures';
import { hello } from '../support/scripted-server';
import { tempDir } from '../support/temp-dir';

/** A stand-in for StreamConnection: the test plays the network, frame by frame. */
class FakeChannel extends EventEmitter {
  isLive = false;
  readonly outbox: ClientFrame[] = [];
  send(frame: ClientFrame): boolean {
    if (!this.isLive) return false;
    this.outbox.push(frame);
    return true;
  }
  reportInvalid(): void {}
  // Flow control has no effect here: the test delivers frames itself.
  pause(): void {}
  resume(): void {}
}

type Op = { kind: 'upsert'; id: number; title: string } | { kind: 'remove'; id: number };
/** `write`: the queued batches reach the cache now; otherwise they wait, as behind a slow disk. */
type Net = 'advance' | 'advance-dup' | 'advance-lost' | 'drop' | 'drop-mid-snapshot' | 'expire-log' | 'deliver' | 'write';

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('upsert' as const), id: fc.integer({ min: 0, max: 7 }), title: fc.string({ maxLength: 6 }) }),
  fc.record({ kind: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 7 }) }),
);
const netArb = fc.constantFrom<Net>('advance', 'advance', 'advance', 'advance-dup', 'advance-lost', 'drop', 'drop-mid-snapshot', 'expire-log', 'deliver', 'write');

const session = (id: number, title: string, seq: number): Session =>
  flowRun({ id: `fr_${id}`, title, updatedAt: new Date(Date.UTC(2026, 10, 24, 9, 0, 0, seq)).toISOString() });

/**
 * The model server: a tenant built by a log of changes, published a few at a time. It answers
 * subscribe like PROTOCOL.md 3.2 (replay from since + 1, or resync and a paged snapshot), and the
 * network in between may duplicate, lose, or cut anything.
 */
class ModelServer {
  log: ChangeItem[] = [];
  state = new Map<string, Session>();
  head = 100;
  floor = 100;

  constructor(private readonly ops: Op[]) {}

  /** Adds the next op to the log; returns the batch that carries it. */
  advance(): ServerFrame | null {
    const op = this.ops.shift();
    if (!op) return null;
    const seq = ++this.head;
    const item: ChangeItem =
      op.kind === 'upsert' ? { seq, op: 'upsert', session: session(op.id, op.title, seq) } : { seq, op: 'remove', id: `fr_${op.id}` };
    this.log.push(item);
    if (item.op === 'upsert') this.state.set(item.session.id, item.session);
    else this.state.delete(item.id);
    return { type: 'changes', fromSeq: seq, toSeq: seq, items: [item] };
  }

  answer(frame: ClientFrame, cutSnapshot: boolean): ServerFrame[] {
    if (frame.type !== 'subscribe') return [];
    const since = frame.since;
    if (since !== null && since >= this.floor && since <= this.head) {
      const items = this.log.filter((i) => i.seq > since);
      const out: ServerFrame[] = [];
      for (let i = 0; i < items.length; i += 3) {
        const batch = items.slice(i, i + 3);
        out.push({ type: 'changes', fromSeq: batch[0]!.seq, toSeq: batch[batch.length - 1]!.seq, items: batch });
      }
      return out;
    }
    const all = [...this.state.values()];
    const pages: ServerFrame[] = [{ type: 'resync', reason: since === null ? 'no_cursor' : 'cursor_expired' }];
    const count = Math.max(1, Math.ceil(all.length / 2));
    for (let p = 0; p < count; p++) {
      const last = p === count - 1;
      pages.push(last ? { type: 'snapshot', page: p, sessions: all.slice(p * 2, p * 2 + 2), last, seq: this.head } : { type: 'snapshot', page: p, sessions: all.slice(p * 2, p * 2 + 2), last });
    }
    return cutSnapshot && pages.length > 2 ? pages.slice(0, 2) : pages;
  }

  expire(): void {
    this.floor = this.head;
    this.log = [];
  }
}

describe('sync state machine (property)', () => {
  it('converges to the server state under any interleaving of pages, batches, replays, gaps and drops', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), fc.array(netArb, { maxLength: 40 }), (ops, network) => {
        const { cache } = openCache(tempDir('parrot-prop-'), { create: true });
        try {
          const server = new ModelServer([...ops]);
          const channel = new FakeChannel();
          // Wired to the channel; what it does is seen in the cache.
          const queue = new WriteQueue({ defer: () => undefined });
          new SyncEngine(channel as never, cache, Date.now, undefined, queue);
          const deliver = (frames: ServerFrame[]) => frames.forEach((f) => channel.emit('frame', f));
          const connect = (cutSnapshot = false) => {
            channel.isLive = true;
            channel.emit('live');
            deliver([hello({ headSeq: server.head }) as ServerFrame]);
            while (channel.outbox.length) deliver(server.answer(channel.outbox.shift()!, cutSnapshot));
          };
          const disconnect = () => {
            channel.isLive = false;
            channel.outbox.length = 0;
            channel.emit('down', { dropCursor: false });
          };
          connect();
          for (const step of network) {
            if (step === 'drop' || step === 'drop-mid-snapshot') {
              disconnect();
              connect(step === 'drop-mid-snapshot');
              if (step === 'drop-mid-snapshot') {
                disconnect();
                connect();
              }
            } else if (step === 'expire-log') server.expire();
            else if (step === 'deliver') while (channel.outbox.length) deliver(server.answer(channel.outbox.shift()!, false));
            else {
              const batch = server.advance();
              if (!batch) continue;
              if (step !== 'advance-lost') deliver([batch]);
              if (step === 'advance-dup') deliver([batch]);
              while (channel.outbox.length) deliver(server.answer(channel.outbox.shift()!, false));
            }
          }
          // Heal: one clean reconnect, everything answered.
          disconnect();
          connect();
          queue.drainNow();
          expect(cache.cursor()).toBe(server.head);
          const cached = cache.query({ view: 'all' }, Date.now()).sort((a, b) => a.id.localeCompare(b.id));
          const expected = [...server.state.values()].sort((a, b) => a.id.localeCompare(b.id));
          expect(cached).toEqual(expected);
        } finally {
          cache.close();
        }
      }),
      { numRuns: 100 },
    );
  });
});
