import type { ChangeItem, Session } from '../../../shared/protocol';

export type ChangeBody = { op: 'upsert'; session: Session } | { op: 'remove'; id: string };
export type Replay = { kind: 'items'; items: ChangeItem[] } | { kind: 'expired' } | { kind: 'ahead' };

/**
 * The tenant-wide change stream: contiguous `seq`, kept for at least `retentionMs`
 * (PROTOCOL.md promises 24 h) and, so a load run cannot exhaust memory, at most `maxEntries`.
 */
export class ChangeLog {
  private items: ChangeItem[] = [];
  private times: number[] = [];
  private head: number;

  constructor(
    startSeq: number,
    private readonly retentionMs: number,
    private readonly maxEntries: number,
  ) {
    this.head = startSeq;
  }

  get headSeq(): number {
    return this.head;
  }

  /** The oldest seq a client may hold and still be replayed to (its `since`). */
  get floorSeq(): number {
    return this.items.length ? this.items[0]!.seq - 1 : this.head;
  }

  append(change: ChangeBody, now: number): ChangeItem {
    const item = { ...change, seq: ++this.head } as ChangeItem;
    this.items.push(item);
    this.times.push(now);
    this.trim(now);
    return item;
  }

  /** Items after `since`; `expired` when the log no longer reaches back that far, `ahead` for a seq never assigned. */
  since(since: number): Replay {
    if (since > this.head) return { kind: 'ahead' };
    if (since < this.floorSeq) return { kind: 'expired' };
    return { kind: 'items', items: this.items.slice(since - this.floorSeq) };
  }

  /** Forget everything up to `seq`, as if it aged out: lets tests expire a cursor on purpose. */
  forgetThrough(seq: number): void {
    const n = Math.max(0, Math.min(this.items.length, seq - this.floorSeq));
    this.items.splice(0, n);
    this.times.splice(0, n);
  }

  private trim(now: number): void {
    // Trim in chunks of a tenth of the cap: splicing one item per append would cost O(n) each time.
    const over = this.items.length - this.maxEntries;
    let drop = over > 0 ? over + Math.floor(this.maxEntries / 10) : 0;
    // Time-based trimming keeps 24 h; only the size cap may cut deeper.
    while (drop < this.items.length && now - this.times[drop]! > this.retentionMs) drop++;
    if (drop > 0) {
      this.items.splice(0, drop);
      this.times.splice(0, drop);
    }
  }
}
