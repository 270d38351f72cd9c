import type { Database, Statement } from 'better-sqlite3';
import type { Session, SessionKind } from '../../../shared/protocol';
import { CHAT_QUIET_AFTER_MS, RECENT_WINDOW_MS } from '../../../shared/sessions';
import { CacheError } from './errors';
import { byListKey, restWindow, walkSource, FAST_OFFSET_FROM, type ListKey, type RowKey } from './rest-window';
import { fromJson } from './session-row';

export type { Facet } from './facet-queries';

export interface SessionQuery {
  view: 'active' | 'recent' | 'all';
  kind?: SessionKind;
  ownerId?: string;
  initiativeId?: string;
  planId?: string;
  /** Case-insensitive substring of the title. */
  search?: string;
  limit?: number;
  offset?: number;
}

/**
 * isActive in SQL is `live = 1 OR (kind = 'chat' AND ended = 0 AND last_message_at > now - 30 min)`
 * (`now - lastMessageAt < 30 min`, as in src/shared/sessions). Chats are never live, so the two arms
 * are disjoint and run as a UNION ALL: each then has its own partial index, where the OR form
 * made SQLite scan every session in recency order.
 */
const LIVE_ARM = `live = 1`;
const CHAT_ARM = `kind = 'chat' AND ended = 0 AND last_message_at > @quietBefore`;
/** Not isActive: the rest of the list, and what retention may prune. */
export const NOT_ACTIVE = `live = 0 AND NOT (kind = 'chat' AND ended = 0 AND last_message_at > @quietBefore)`;
/** isRecent: `now - updatedAt <= 24 h`, the boundary included (and a clock-skewed future too). */
const RECENT = `updated_at >= @recentSince`;
const ORDER = `ORDER BY updated_at DESC, id_key`;

/** The filters that are one column equal to the query's value. */
const EQUALITY_FILTERS = [
  ['kind', 'kind'],
  ['ownerId', 'owner_id'],
  ['initiativeId', 'initiative_id'],
  ['planId', 'plan_id'],
] as const satisfies ReadonlyArray<readonly [keyof SessionQuery, string]>;

/** Title matches above which a search walks the recency index rather than sorting every match. */
const RECENCY_WALK_ABOVE = 500;

/** `any` is every session: counting `all` needs no split into active and rest. */
type Segment = 'active' | 'rest' | 'rest-recent' | 'any';
type SearchMode = 'none' | 'fts' | 'like';
/** rows: the page; count: how many; kinds: how many of each kind; keys: rowid and sort key of each. */
type Shape = 'rows' | 'count' | 'kinds' | 'keys';

const SEGMENTS: Record<SessionQuery['view'], readonly Segment[]> = {
  active: ['active'],
  recent: ['rest-recent'],
  // The active part first, then the rest: two index-ordered reads instead of one full sort.
  all: ['active', 'rest'],
};

/** Trigrams need three characters (code points); shorter needles are matched with LIKE. */
const searchMode = (needle: string): SearchMode => (needle === '' ? 'none' : [...needle].length >= 3 ? 'fts' : 'like');
const likePattern = (needle: string): string => `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** One FTS5 string: the whole needle as a phrase, which over trigrams means "contains". */
const ftsPhrase = (needle: string): string => `"${needle.replace(/"/g, '""')}"`;

function checkQuery(q: SessionQuery, now: number): void {
  for (const [what, value] of [['limit', q.limit], ['offset', q.offset]] as const) {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      throw new CacheError(`${what} must be a non-negative integer, got ${value}`);
    }
  }
  // NaN would compare false everywhere in SQL and quietly empty every view.
  if (!Number.isFinite(now)) throw new CacheError(`now must be a time in ms, got ${now}`);
}

export class SessionQueries {
  /** Statements by SQL text: each query shape is prepared once, on first use. */
  private readonly prepared = new Map<string, Statement>();
  private readonly read: <T>(fn: () => T) => T;

  constructor(private readonly db: Database) {
    // One read transaction per query: the segments and their counts see the same snapshot of the file.
    const tx = db.transaction((fn: () => unknown) => fn());
    this.read = <T>(fn: () => T) => tx(fn) as T;
  }

  query(q: SessionQuery, now: number): Session[] {
    checkQuery(q, now);
    return this.read(() => {
      const out: Session[] = [];
      let offset = q.offset ?? 0;
      let remaining = q.limit ?? Number.POSITIVE_INFINITY;
      const segments = SEGMENTS[q.view];
      for (let i = 0; i < segments.length && remaining > 0; i++) {
        const segment = segments[i]!;
        if (offset > 0 && i < segments.length - 1) {
          const n = this.countSegment(segment, q, now);
          if (offset >= n) {
            offset -= n;
            continue;
          }
        }
        const limit = Number.isFinite(remaining) ? remaining : -1;
        const rows = this.fastRest(segment, q, now, offset, limit) ?? this.page(segment, q, now, offset, limit);
        for (const row of rows) out.push(fromJson(row.json));
        remaining -= rows.length;
        offset = 0;
      }
      return out;
    });
  }

  /** The list's first `limit` sort keys in list order, no session parsed (core/profiles/hub-watch.ts merges them). */
  listKeys(q: Omit<SessionQuery, 'view' | 'limit' | 'offset'>, now: number, limit: number): ListKey[] {
    const query: SessionQuery = { view: 'all', ...q, limit };
    checkQuery(query, now);
    return this.read(() => {
      const active = this.build('active', query, now, 'keys');
      const activeKeys = (this.statement(active.sql).all(active.params) as RowKey[]).sort(byListKey);
      const out: ListKey[] = activeKeys.slice(0, limit).map((key) => ({ ...key, active: true }));
      const need = limit - out.length;
      if (need <= 0) return out;
      // As fastRest: a covering index walk minus the active set, where NOT_ACTIVE read every row's page.
      const source = walkSource(query);
      const activeRows = new Set(activeKeys.map((key) => key.r));
      const rest = source
        ? (this.statement(`SELECT rowid AS r, updated_at AS u, id_key AS k FROM ${source.from} ${ORDER} LIMIT @limit`).all({ ...source.params, limit: need + activeRows.size }) as RowKey[])
        : (({ sql, params }) => this.statement(sql).all({ ...params, limit: need, offset: 0 }) as RowKey[])(this.build('rest', query, now, 'keys'));
      for (const { r, u, k } of rest) if (out.length < limit && !activeRows.has(r)) out.push({ r, u, k, active: false });
      return out;
    });
  }

  private page(segment: Segment, q: SessionQuery, now: number, offset: number, limit: number): Array<{ json: string }> {
    const { sql, params } = this.build(segment, q, now, 'rows');
    return this.statement(sql).all({ ...params, limit, offset }) as Array<{ json: string }>;
  }

  /**
   * Deep into the rest of the list, OFFSET over `NOT_ACTIVE` read every skipped row from the
   * table (50 ms at 90,000). With at most one equality filter the rest is a covering index walk
   * minus the small active set, so ./rest-window finds the page from index entries alone.
   */
  private fastRest(segment: Segment, q: SessionQuery, now: number, offset: number, limit: number): Array<{ json: string }> | null {
    if (segment !== 'rest' || offset < FAST_OFFSET_FROM || limit < 0) return null;
    const source = walkSource(q);
    if (!source) return null;
    const { sql, params } = this.build('active', q, now, 'keys');
    const active = this.statement(sql).all(params) as RowKey[];
    const walk = this.statement(`SELECT rowid AS r, updated_at AS u, id_key AS k FROM ${source.from} ORDER BY updated_at DESC, id_key LIMIT @limit OFFSET @offset`);
    const rowids = restWindow((lim, off) => walk.all({ ...source.params, limit: lim, offset: off }) as RowKey[], active, offset, limit);
    if (!rowids) return null;
    return this.byRowids(rowids);
  }

  private byRowids(rowids: number[]): Array<{ json: string }> {
    if (rowids.length === 0) return [];
    const rows = this.statement('SELECT rowid AS r, json FROM sessions WHERE rowid IN (SELECT value FROM json_each(?))').all(JSON.stringify(rowids)) as Array<{ r: number; json: string }>;
    const byRowid = new Map(rows.map((row) => [row.r, row.json]));
    return rowids.flatMap((r) => (byRowid.has(r) ? [{ json: byRowid.get(r)! }] : []));
  }

  /** How many sessions these filters let through, per kind (the `kind` filter itself is ignored). */
  countByKind(q: Omit<SessionQuery, 'view'>, now: number): Record<SessionKind, number> {
    checkQuery({ view: 'all', ...q }, now);
    const { sql, params } = this.build('any', { view: 'all', ...q, kind: undefined }, now, 'kinds');
    const out: Record<SessionKind, number> = { flow_run: 0, background_task: 0, chat: 0 };
    for (const row of this.read(() => this.statement(sql).all(params)) as Array<{ kind: string; n: number }>) {
      if (Object.hasOwn(out, row.kind)) out[row.kind as SessionKind] = row.n;
    }
    return out;
  }

  /** When the next open chat goes quiet by the clock alone (ms), or null if none will. */
  nextQuietAt(now: number): number | null {
    checkQuery({ view: 'active' }, now);
    const sql = `SELECT min(last_message_at) AS m FROM sessions INDEXED BY sessions_open_chats WHERE ${CHAT_ARM}`;
    const { m } = this.statement(sql).get({ quietBefore: now - CHAT_QUIET_AFTER_MS }) as { m: number | null };
    return m === null ? null : m + CHAT_QUIET_AFTER_MS;
  }

  count(q: SessionQuery, now: number): number {
    checkQuery(q, now);
    const segments: readonly Segment[] = q.view === 'all' ? ['any'] : SEGMENTS[q.view];
    return this.read(() => segments.reduce((sum, segment) => sum + this.countSegment(segment, q, now), 0));
  }

  private countSegment(segment: Segment, q: SessionQuery, now: number): number {
    if (segment === 'rest-recent') {
      // Recent minus its active part: the first is an index range, the second the small active
      // set, where counting NOT_ACTIVE directly read 17,000 rows from the table (14 ms at 100k).
      const recent = this.build('any', q, now, 'count', [RECENT]);
      const active = this.build('active', q, now, 'count', [RECENT]);
      const n = (b: typeof recent) => (this.statement(b.sql).get(b.params) as { n: number }).n;
      return n(recent) - n(active);
    }
    const { sql, params } = this.build(segment, q, now, 'count');
    return (this.statement(sql).get(params) as { n: number }).n;
  }

  private statement(sql: string): Statement {
    let stmt = this.prepared.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.prepared.set(sql, stmt);
    }
    return stmt;
  }

  private build(segment: Segment, q: SessionQuery, now: number, shape: Shape, extra: string[] = []) {
    // The active set is small (hundreds, where the cache holds 100,000): LIKE over it beats asking
    // FTS for every match in the whole cache first (2-4 ms for a common word).
    // A common word matches thousands of rows: fetching and sorting all of them took 25 ms at 100k.
    // Then walking the recency index with LIKE stops at the first page instead (`walk`).
    const walk = segment !== 'active' && shape === 'rows' && this.isCommonWord(q.search);
    const { filters, params } = this.filters(q, segment !== 'active' && !walk);
    params.quietBefore = now - CHAT_QUIET_AFTER_MS;
    if (extra.includes(RECENT)) params.recentSince = now - RECENT_WINDOW_MS;
    const where = (...terms: string[]) => [...terms, ...extra, ...filters].join(' AND ');
    if (segment === 'active') {
      // Each arm is pinned to its partial index: the active set is small, while the planner, with
      // no statistics, prefers `kind = ?` or `owner_id = ?` and walks every session of that kind.
      // A kind filter rules one arm out: walking every live flow run to find no chat took 70 ms.
      const arms = [
        ...(q.kind === 'chat' ? [] : [`sessions INDEXED BY sessions_live WHERE ${where(LIVE_ARM)}`]),
        ...(q.kind !== undefined && q.kind !== 'chat' ? [] : [`sessions INDEXED BY sessions_open_chats WHERE ${where(CHAT_ARM)}`]),
      ];
      if (arms.length === 0) throw new CacheError('no active arm for this query'); // unreachable: kind is one of three
      const sql =
        shape === 'count'
          ? `SELECT ${arms.map((arm) => `(SELECT count(*) FROM ${arm})`).join(' + ')} AS n`
          : shape === 'keys'
            ? arms.map((arm) => `SELECT rowid AS r, updated_at AS u, id_key AS k FROM ${arm}`).join(' UNION ALL ')
            : // A compound SELECT with its own ORDER BY: SQLite merges the two arms instead of sorting both.
            `${arms.map((arm) => `SELECT json, updated_at, id_key FROM ${arm}`).join(' UNION ALL ')} ` +
            `${ORDER} LIMIT @limit OFFSET @offset`;
      return { sql, params };
    }
    const terms = segment === 'any' ? [] : [NOT_ACTIVE];
    if (segment === 'rest-recent') {
      terms.push(RECENT);
      params.recentSince = now - RECENT_WINDOW_MS;
    }
    // No WHERE at all when nothing filters: SQLite then counts from the b-tree's page counts (0.02 ms against 1.2 ms at 100k).
    const w = where(...terms);
    const whereClause = w ? ` WHERE ${w}` : '';
    const sql =
      shape === 'count'
        ? `SELECT count(*) AS n FROM sessions${whereClause}`
        : shape === 'kinds'
          ? `SELECT kind, count(*) AS n FROM sessions${whereClause} GROUP BY kind`
          : shape === 'keys'
            ? `SELECT rowid AS r, updated_at AS u, id_key AS k FROM sessions${whereClause} ${ORDER} LIMIT @limit OFFSET @offset`
            : `SELECT json FROM sessions${walk ? ' INDEXED BY sessions_recency' : ''}${whereClause} ${ORDER} LIMIT @limit OFFSET @offset`;
    return { sql, params };
  }

  private isCommonWord(search: string | undefined): boolean {
    const needle = (search ?? '').toLowerCase();
    if (searchMode(needle) !== 'fts') return false;
    // Counting stops once past the threshold: FTS5 reads its matches lazily.
    const sql = `SELECT count(*) AS n FROM (SELECT rowid FROM sessions_fts WHERE sessions_fts MATCH ? LIMIT ${RECENCY_WALK_ABOVE + 1})`;
    return (this.statement(sql).get(ftsPhrase(needle)) as { n: number }).n > RECENCY_WALK_ABOVE;
  }

  private filters(q: SessionQuery, useIndex: boolean) {
    const filters: string[] = [];
    const params: Record<string, string | number> = {};
    for (const [key, column] of EQUALITY_FILTERS) {
      const value = q[key];
      if (value === undefined) continue;
      filters.push(`${column} = @${key}`);
      params[key] = value;
    }
    const needle = (q.search ?? '').toLowerCase();
    const mode = searchMode(needle);
    if (mode === 'fts' && useIndex) {
      filters.push('rowid IN (SELECT rowid FROM sessions_fts WHERE sessions_fts MATCH @match)');
      params.match = ftsPhrase(needle);
    }
    if (mode !== 'none') {
      // Also after FTS: it narrows by trigrams, LIKE on the folded title states the rule itself.
      filters.push(`title_fold LIKE @like ESCAPE '\\'`);
      params.like = likePattern(needle);
    }
    return { filters, params };
  }
}
