import type { Database, Statement } from 'better-sqlite3';
import type { TranscriptEntry } from '../../../shared/protocol';
import { redactEntry } from '../redact';
import { CacheError } from './errors';

function toRow(entry: TranscriptEntry): { seq: number; body: string } {
  if (!Number.isSafeInteger(entry.seq) || entry.seq < 1) {
    throw new CacheError(`a transcript entry seq must be a positive integer, got ${entry.seq}`);
  }
  return { seq: entry.seq, body: JSON.stringify(redactEntry(entry)) };
}

/**
 * Transcript entries by (session, seq). Redaction happens here, at the only door to the disk,
 * so no caller can forget it (PROTOCOL.md section 6).
 */
export class TranscriptStore {
  private readonly insert: Statement<[string, number, string]>;
  private readonly sessionExists: Statement<[string], { one: number }>;
  private readonly page: Statement<[string, number, number], { body: string }>;
  private readonly last: Statement<[string], { seq: number | null }>;
  private readonly appendTx: (pages: Array<{ sessionId: string; rows: Array<{ seq: number; body: string }> }>) => void;

  constructor(db: Database) {
    this.insert = db.prepare('INSERT OR IGNORE INTO transcripts (session_id, seq, body) VALUES (?, ?, ?)');
    this.sessionExists = db.prepare('SELECT 1 AS one FROM sessions WHERE id = ?');
    this.page = db.prepare('SELECT body FROM transcripts WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?');
    this.last = db.prepare('SELECT max(seq) AS seq FROM transcripts WHERE session_id = ?');
    const tx = db.transaction((pages: Array<{ sessionId: string; rows: Array<{ seq: number; body: string }> }>) => {
      for (const { sessionId, rows } of pages) {
        // Entries of a session the cache does not hold would be orphans nobody can show; the
        // foreign key would refuse them anyway. The next transcript.get after the session arrives refills.
        if (this.sessionExists.get(sessionId) === undefined) continue;
        for (const row of rows) this.insert.run(sessionId, row.seq, row.body);
      }
    });
    this.appendTx = (pages) => tx.immediate(pages);
  }

  append(sessionId: string, entries: TranscriptEntry[]): void {
    this.appendMany(new Map([[sessionId, entries]]));
  }

  /** Several sessions' entries in one transaction: one commit instead of one per session. */
  appendMany(entries: ReadonlyMap<string, TranscriptEntry[]>): void {
    // Redact everything before the transaction starts: a redactor that throws leaves nothing half-written.
    const pages = [...entries].map(([sessionId, page]) => ({ sessionId, rows: page.map(toRow) }));
    if (pages.every((p) => p.rows.length === 0)) return;
    this.appendTx(pages);
  }

  read(sessionId: string, afterSeq = 0, limit?: number): TranscriptEntry[] {
    if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0)) {
      throw new CacheError(`limit must be a non-negative integer, got ${limit}`);
    }
    return this.page.all(sessionId, afterSeq, limit ?? -1).map((row) => JSON.parse(row.body) as TranscriptEntry);
  }

  lastSeq(sessionId: string): number {
    return this.last.get(sessionId)?.seq ?? 0;
  }
}
