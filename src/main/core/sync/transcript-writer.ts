import type { TranscriptEntry } from '../../../shared/protocol';
import type { Cache } from '../cache/cache';
import type { Logger } from '../log';
import { COMMIT_GAP_MS } from './changes-group';

export interface TranscriptWriterOptions {
  /** Told, after a write, of each session whose stored transcript grew, with what it held before. */
  stored: (sessionId: string, afterSeq: number) => void;
  /** A write failed: what was fetched for this session must be asked for again. */
  lost: (sessionId: string) => void;
  logger: Logger;
  gapMs?: number;
  now?: () => number;
}

/**
 * Transcript pages written together. Each page written on its own was a commit of its own: with
 * transcripts growing in a busy tenant, 17 commits a second, each rewriting the tail page of its
 * session's entries and the pages around it. Pages that arrive within COMMIT_GAP_MS of the last
 * write wait for it to pass and share one transaction; the first after a quiet spell goes at once.
 */
export class TranscriptWriter {
  private pending = new Map<string, TranscriptEntry[]>();
  private timer: NodeJS.Timeout | null = null;
  private last = Number.NEGATIVE_INFINITY;
  private readonly gapMs: number;
  private readonly now: () => number;

  constructor(
    private readonly cache: Cache,
    private readonly options: TranscriptWriterOptions,
  ) {
    this.gapMs = options.gapMs ?? COMMIT_GAP_MS;
    this.now = options.now ?? (() => performance.now());
  }

  add(sessionId: string, entries: TranscriptEntry[]): void {
    if (entries.length === 0) return;
    const held = this.pending.get(sessionId);
    if (held) held.push(...entries);
    else this.pending.set(sessionId, [...entries]);
    this.timer ??= setTimeout(() => this.flush(), Math.max(0, this.last + this.gapMs - this.now()));
  }

  /** Writes what is held now (the writer stopping, or a test). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return;
    const pages = this.pending;
    this.pending = new Map();
    this.last = this.now();
    try {
      const before = new Map([...pages.keys()].map((id) => [id, this.cache.lastTranscriptSeq(id)]));
      this.cache.appendTranscripts(pages);
      for (const [id, was] of before) if (this.cache.lastTranscriptSeq(id) > was) this.options.stored(id, was);
    } catch (err) {
      this.options.logger.warn(`could not store transcript entries: ${(err as Error).message}; they will be fetched again`);
      for (const id of pages.keys()) this.options.lost(id);
    }
  }

  /** Writes what is held before the cache closes. */
  stop(): void {
    this.flush();
  }
}
