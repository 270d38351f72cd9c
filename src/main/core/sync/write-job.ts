import type { CacheWrite } from '../cache/cache';
import type { QueuedJob } from './write-queue';

export interface WriteJobSpec<T> {
  /**
   * Prepares the write: the write itself, null when there is nothing valid to write, or
   * undefined when it has more to prepare (parsing and validating a batch take a turn each).
   */
  open: () => CacheWrite<T> | null | undefined;
  /** Once true, the job ends and rolls back whatever it wrote (a snapshot cut short). */
  aborted?: () => boolean;
  committed: (result: T) => void;
  /** The job ends after this; `why` is for the log. */
  failed: (why: string) => void;
}

/**
 * A cache write as a WriteQueue job: prepared on turns of its own, then stepped slice by slice
 * until it commits. Every error ends the job through `failed`, never out of the queue.
 */
export function writeJob<T>(spec: WriteJobSpec<T>): QueuedJob {
  let write: CacheWrite<T> | null | undefined;
  const fail = (why: string): true => {
    spec.failed(why);
    return true;
  };
  return {
    step: (deadline) => {
      try {
        if (spec.aborted?.()) {
          write?.cancel();
          return true;
        }
        if (write === undefined) {
          write = spec.open();
          if (write === null) return fail('it failed validation');
          // Either way the write starts on a turn of its own.
          return false;
        }
        if (write === null) return true;
        const result = write.step(deadline);
        if (result === 'wait') return 'wait';
        if (!result) return false;
        spec.committed(result.value);
        return true;
      } catch (err) {
        write?.cancel();
        return fail(`writing to the cache failed: ${(err as Error).message}`);
      }
    },
    cancel: () => write?.cancel(),
  };
}
