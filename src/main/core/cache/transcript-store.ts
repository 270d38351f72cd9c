import type { Database, Statement } from 'better-sqlite3';
import type { TranscriptEntry } from '../../../shared/protocol';
import { redactEntry } from '../redact';
import { CacheError } from './errors';

/**
 * Transcript entries by (session, seq). Redaction happens here, at the only door to the disk,
 * so no caller can forget it (PROTOCOL.md section 6).
 */
export class TranscriptStore {
  private readonly insert: Statement<[string, number, string]>;
  private readonly sessionExists: Statement<[string], { one: number }>;
  private readonly page: Statement<[string, number, number], { body: string }>;
  private readonly last: Statement<[string], { seq: number | null }>;
  private readonly appendTx: (sessionId: string, rows: Array<{ seq: number; body: string }>) => void;

  constructor(db: Database) {
    this.insert = db.prepare('INSERT OR IGNORE INTO transcripts (session_id, seq, body) VALUES (?, ?, ?)');
    this.sessionExists = db.prepare('SELECT 1 AS one FROM sessions WHERE id = ?');
    this.page = db.prepare('SELECT body FROM transcripts WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?');
    this.last = db.prepare('SELECT max(seq) AS seq FROM transcripts WHERE session_id = ?');
    const tx = db.transaction((sessionId: string, rows: Array<{ seq: number; body: string }>) => {
      // Entries of a session the cache does not hold would be orphans nobody can show; the
      // foreign key would refuse them anyway. The next transcript.get after the session arrives refills.
      if (this.sessionExists.get(sessionId) === undefined) return;
      for (const row of rows) this.insert.run(sessionId, row.seq, row.body);
    });
    this.appendTx = (sessionId, rows) => tx.immediate(sessionId, rows);
  }

  append(sessionId: string, entries: TranscriptEntry[]): void {
    if (entries.length === 0) return;
    // Redact everything before the transaction starts: a redactor that throws leaves nothing half-written.
    const rows = entries.map((entry) => {
      if (!Number.isSafeInteger(entry.seq) || entry.seq < 1) {
        throw new CacheError(`a transcript entry seq must be a positive integer, got ${entry.seq}`);
      }
      return { seq: entry.seq, body: JSON.stringify(redactEntry(entry)) };
    });
    this.appendTx(sessionId, rows);
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
