import type { Database, Statement } from 'better-sqlite3';
import type { Session } from '../../../shared/protocol';
import { FacetQueries } from './facet-queries';
import { IdReads } from './id-reads';
import { CURSOR_KEY } from './meta';
import { NeedsYouReads } from './needs-you-reads';
import { fromJson } from './session-row';
import { SessionQueries } from './session-query';
import type { UnreadableSessions } from './unreadable-store';

/**
 * Every read the views make, prepared on one connection. A writer holds two sets (./cache): one
 * on its own connection, which sees what it has written and not yet flushed (./held-transaction),
 * and one on a read-only connection, which sees only what the file holds.
 */
export class ReadViews {
  readonly queries: SessionQueries;
  readonly facets: FacetQueries;
  readonly ids: IdReads;
  readonly needsYou: NeedsYouReads;
  private readonly selectJson: Statement<[string], { json: string }>;
  private readonly selectMeta: Statement<[string], { value: string }>;
  private readonly selectUnreadable: Statement<[], { id: string | null }>;

  constructor(connection: Database) {
    this.queries = new SessionQueries(connection);
    this.facets = new FacetQueries(connection);
    this.ids = new IdReads(connection);
    this.needsYou = new NeedsYouReads(connection);
    this.selectJson = connection.prepare('SELECT json FROM sessions WHERE id = ?');
    this.selectMeta = connection.prepare('SELECT value FROM meta WHERE key = ?');
    this.selectUnreadable = connection.prepare('SELECT id FROM unreadable ORDER BY id');
  }

  getSession(id: string): Session | null {
    const row = this.selectJson.get(id);
    return row === undefined ? null : fromJson(row.json);
  }

  cursor(): number | null {
    const row = this.selectMeta.get(CURSOR_KEY);
    return row === undefined ? null : Number(row.value);
  }

  unreadable(): UnreadableSessions {
    const rows = this.selectUnreadable.all();
    return { count: rows.length, ids: rows.flatMap((r) => (r.id === null ? [] : [r.id])) };
  }
}
