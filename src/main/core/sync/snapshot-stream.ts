import type { Session } from '../../../shared/protocol';
import type { SnapshotSource } from '../cache/snapshot-source';

/**
 * The pages of one snapshot in flight, handed to the cache's write as they arrive (see
 * SnapshotSource). Aborted when the connection drops or a page comes out of order: the write
 * is then rolled back whole and the old view stays.
 */
export class SnapshotStream implements SnapshotSource {
  private readonly pages: Session[][] = [];
  private seq: number | null = null;
  aborted = false;
  /** The page expected next. */
  nextPage = 0;

  push(sessions: Session[]): void {
    this.pages.push(sessions);
    this.nextPage++;
  }

  end(seq: number): void {
    this.seq = seq;
  }

  abort(): void {
    this.aborted = true;
    this.pages.length = 0;
  }

  get endSeq(): number | null {
    return this.seq;
  }

  take(): { sessions: Session[] } | { seq: number } | 'wait' {
    if (this.aborted) return 'wait';
    const page = this.pages.shift();
    if (page) return { sessions: page };
    return this.seq !== null ? { seq: this.seq } : 'wait';
  }
}
