import { readSession, type Session, type SkippedItem } from '../../../shared/protocol';
import type { SnapshotPage, SnapshotSource } from '../cache/snapshot-source';

/**
 * Pages read ahead of the write before the socket is paused: a 100k snapshot arrives faster than
 * it is written, and the whole of it parsed and waiting was 260 MB of heap at its peak.
 */
export const PAGES_AHEAD = 4;

/**
 * The pages of one snapshot in flight, handed to the cache's write as they arrive (see
 * SnapshotSource). Aborted when the connection drops or a page comes out of order: the write
 * is then rolled back whole and the old view stays.
 *
 * Pages are kept as they came off the wire and read session by session when the write takes them
 * (on the write queue's turn, not the socket's): a session that cannot be read is skipped and
 * reported, and the rest of its page is written (PROTOCOL.md section 1).
 */
export class SnapshotStream implements SnapshotSource {
  private readonly pages: unknown[][] = [];
  private taken = 0;
  /** Whether `flow` was last told the write is behind. */
  private behind = false;
  private seq: number | null = null;
  aborted = false;
  /** The page expected next. */
  nextPage = 0;

  /**
   * `onSkipped` hears of each session that could not be read; `where` places one without an id.
   * `flow` is told when more than PAGES_AHEAD pages wait for the write (stop reading) and when
   * they are down to one or none again, or the stream was aborted (read on); each once per turn.
   */
  constructor(
    private readonly onSkipped: (item: SkippedItem, where: string) => void = () => undefined,
    private readonly flow: (behind: boolean) => void = () => undefined,
  ) {}

  /** Pages that wait for the write. */
  get queued(): number {
    return this.pages.length;
  }

  push(sessions: unknown[]): void {
    this.pages.push(sessions);
    this.nextPage++;
    if (!this.behind && this.pages.length > PAGES_AHEAD) this.tell(true);
  }

  end(seq: number): void {
    this.seq = seq;
  }

  abort(): void {
    this.aborted = true;
    this.pages.length = 0;
    if (this.behind) this.tell(false);
  }

  private tell(behind: boolean): void {
    this.behind = behind;
    this.flow(behind);
  }

  get endSeq(): number | null {
    return this.seq;
  }

  take(): SnapshotPage | { seq: number } | 'wait' {
    if (this.aborted) return 'wait';
    const page = this.pages.shift();
    if (this.behind && this.pages.length <= 1) this.tell(false);
    if (page) return readPage(page, this.taken++, this.onSkipped);
    return this.seq !== null ? { seq: this.seq } : 'wait';
  }
}

function readPage(raw: unknown[], page: number, onSkipped: (item: SkippedItem, where: string) => void): SnapshotPage {
  const sessions: Session[] = [];
  const skipped: SkippedItem[] = [];
  raw.forEach((item, i) => {
    const read = readSession(item);
    if (read.ok) return void sessions.push(read.value);
    const bad = { id: read.id, reason: read.reason };
    skipped.push(bad);
    onSkipped(bad, `snapshot page ${page}, session ${i}`);
  });
  return { sessions, skipped };
}
