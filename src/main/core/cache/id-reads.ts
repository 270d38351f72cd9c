import type { Database, Statement } from 'better-sqlite3';
import type { Session } from '../../../shared/protocol';
import { fromJson } from './session-row';

/** What a parent's tally needs of a child (shared/sessions categoryOf), without reading its JSON whole. */
export interface ChildState {
  id: string;
  kind: Session['kind'];
  status: string;
  /** isChatEnded */
  ended: boolean;
  checkpoint: boolean;
}

/**
 * Sessions looked up by id, many at once: one statement for a page's task children, or for the
 * sessions a detail view links to, however many ids there are.
 */
export class IdReads {
  private readonly sessions: Statement<[string], { json: string }>;
  private readonly states: Statement<[string], { id: string; kind: Session['kind']; status: string; ended: number; cp: number }>;

  constructor(db: Database) {
    this.sessions = db.prepare('SELECT json FROM sessions WHERE id IN (SELECT value FROM json_each(?))');
    this.states = db.prepare(
      `SELECT id, kind, status, ended, json_extract(json, '$.checkpoint') IS NOT NULL AS cp
       FROM sessions WHERE id IN (SELECT value FROM json_each(?))`,
    );
  }

  /** The sessions the cache holds among `ids`, in no particular order. */
  sessionsByIds(ids: readonly string[]): Session[] {
    if (ids.length === 0) return [];
    return this.sessions.all(JSON.stringify(ids)).map((row) => fromJson(row.json));
  }

  childStates(ids: readonly string[]): ChildState[] {
    if (ids.length === 0) return [];
    return this.states.all(JSON.stringify(ids)).map((r) => ({ id: r.id, kind: r.kind, status: r.status, ended: r.ended === 1, checkpoint: r.cp === 1 }));
  }
}
