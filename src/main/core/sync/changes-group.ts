import { ChangesEnvelope, describeIssues } from '../../../shared/protocol';
import type { BatchEntry, CacheWrite, SessionChange } from '../cache/cache';
import { writeJob } from './write-job';
import type { QueuedJob } from './write-queue';

/**
 * Change batches that arrive within this long of the last write wait for it to pass and are
 * written together. Each write ends in the windows' live queries and the notification policy
 * running again; a stream of one-change batches would run them for every batch. (It was first
 * about the disk, a commit per batch; held writes, ../cache/held-transaction, took that over.)
 * The first batch after a quiet spell is written at once: a lone change still shows without
 * delay, and a busy stream shows at most this late.
 */
export const COMMIT_GAP_MS = 1_000;

/** A batch as the stream accepted it: its text (parsed again just before the write) or the frame. */
export interface AcceptedBatch {
  fromSeq: number;
  toSeq: number;
  text?: string;
  frame?: ChangesEnvelope;
}

export interface ChangesGroupSpec {
  /** performance.now() ms before which the group does not start. */
  notBefore: number;
  now: () => number;
  /** Steps the queue again once the group may start. */
  wake: () => void;
  read: (batch: ChangesEnvelope) => BatchEntry[];
  write: (entries: BatchEntry[]) => CacheWrite<SessionChange[]>;
  /** The connection is told a batch failed validation (`why` is for the log). */
  invalid: (why: string) => void;
  /** `toSeq`: the last seq the commit holds. */
  committed: (changes: SessionChange[], toSeq: number) => void;
  /** The group ends after this; `why` is a sentence for the log. */
  failed: (why: string) => void;
}

/**
 * Batches gathered while the last commit is recent, then written as one transaction. The batches
 * are parsed and validated one per turn, as a lone batch was. A batch that fails validation ends
 * the group: the valid ones before it are still written, then the stream is asked again from there.
 */
export class ChangesGroup implements QueuedJob {
  private readonly batches: AcceptedBatch[] = [];
  private readonly entries: BatchEntry[] = [];
  private lastSeq = -1;
  private next = 0;
  private parsed: unknown;
  private problem: string | null = null;
  private sealed = false;
  private timer: NodeJS.Timeout | null = null;
  private job: QueuedJob | null = null;

  constructor(private readonly spec: ChangesGroupSpec) {}

  /** False once the group has started: the batch then starts a group of its own. */
  add(batch: AcceptedBatch): boolean {
    if (this.sealed) return false;
    this.batches.push(batch);
    return true;
  }

  step(deadline: number): boolean | 'wait' {
    if (!this.job) {
      const wait = this.spec.notBefore - this.spec.now();
      if (wait > 0) {
        this.timer ??= setTimeout(() => {
          this.timer = null;
          this.spec.wake();
        }, wait);
        return 'wait';
      }
      this.sealed = true;
      this.job = writeJob({
        open: () => this.prepare(),
        committed: (changes) => {
          this.spec.committed(changes, this.lastSeq);
          if (this.problem) this.spec.failed(this.problem);
        },
        failed: (why) => this.spec.failed(this.problem ?? `changes up to seq ${this.batches.at(-1)?.toSeq}: ${why}`),
      });
    }
    return this.job.step(deadline);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.sealed = true;
    this.job?.cancel();
  }

  /** One turn of preparation: parse a batch, or validate and read it; then the write. */
  private prepare(): CacheWrite<SessionChange[]> | null | undefined {
    const batch = this.batches[this.next];
    if (batch === undefined) return this.problem && this.entries.length === 0 ? null : this.spec.write(this.entries);
    if (batch.text !== undefined && this.parsed === undefined) {
      this.parsed = JSON.parse(batch.text);
      return undefined;
    }
    const checked = ChangesEnvelope.safeParse(batch.text !== undefined ? this.parsed : batch.frame);
    this.parsed = undefined;
    if (!checked.success || checked.data.fromSeq !== batch.fromSeq) {
      const why = checked.success ? 'changed between reads' : describeIssues(checked.error);
      this.spec.invalid(why);
      this.problem = `a changes batch up to seq ${batch.toSeq}: it failed validation`;
      this.batches.length = this.next;
      return undefined;
    }
    // Batches may overlap (PROTOCOL.md 3.3): an item already gathered is not gathered twice.
    for (const entry of this.spec.read(checked.data)) {
      if (entry.seq <= this.lastSeq) continue;
      this.entries.push(entry);
      this.lastSeq = entry.seq;
    }
    this.next++;
    return undefined;
  }
}
