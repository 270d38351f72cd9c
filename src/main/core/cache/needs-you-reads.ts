import type { Database, Statement } from 'better-sqlite3';
import type { Session } from '../../../shared/protocol';
import { fromJson } from './session-row';

/** More than any person can act on from a tray; the count past it is still exact (see NeedsYouCandidates). */
export const NEEDS_YOU_READ_CAP = 1000;

/** What "Needs you" is chosen from (shared/sessions/needs-you.ts applies the rule itself). */
export interface NeedsYouCandidates {
  /** Every session at a pending checkpoint, up to NEEDS_YOU_READ_CAP, longest wait first. */
  waiting: Session[];
  /** The person's sessions that failed after `since`, newest first, up to the cap. */
  failed: Session[];
}

/**
 * Both reads use an index of their own: the partial `sessions_waiting` (a handful of rows, whatever
 * the tenant's size) and `sessions_owner` from the newest down to `since`.
 */
export class NeedsYouReads {
  private readonly waiting: Statement<[number], { json: string }>;
  private readonly failed: Statement<[string, number, number], { json: string }>;

  constructor(db: Database) {
    this.waiting = db.prepare(
      `SELECT json FROM sessions INDEXED BY sessions_waiting WHERE waiting = 1
       ORDER BY json_extract(json, '$.checkpoint.requestedAt'), id LIMIT ?`,
    );
    this.failed = db.prepare(
      `SELECT json FROM sessions INDEXED BY sessions_owner WHERE owner_id = ? AND updated_at > ? AND status = 'failed'
       ORDER BY updated_at DESC, id_key LIMIT ?`,
    );
  }

  read(userId: string | null, since: number): NeedsYouCandidates {
    return {
      waiting: this.waitingSessions(),
      failed: userId === null ? [] : this.failed.all(userId, since, NEEDS_YOU_READ_CAP).map((r) => fromJson(r.json)),
    };
  }

  /** Every session at a pending checkpoint, up to the cap, longest wait first. */
  waitingSessions(): Session[] {
    return this.waiting.all(NEEDS_YOU_READ_CAP).map((r) => fromJson(r.json));
  }
}
