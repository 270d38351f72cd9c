import type { Database } from 'better-sqlite3';

/**
 * Schema steps, applied in order; `PRAGMA user_version` is the number of steps applied. A step is
 * never edited once shipped: a change is a new step, so every older cache upgrades the same way.
 */
export const MIGRATIONS: ReadonlyArray<(db: Database) => void> = [
  // v1
  (db) => {
    db.exec(`
      CREATE TABLE sessions (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        -- The id as UTF-16BE bytes: BLOB order is memcmp, which then equals JavaScript's string order
        -- (UTF-16 code units), so ties by id sort exactly as compareByRecency does.
        id_key BLOB NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        owner_name TEXT NOT NULL,
        initiative_id TEXT,
        initiative_name TEXT,
        plan_id TEXT,
        plan_name TEXT,
        title TEXT NOT NULL,
        -- title.toLowerCase(): search folds case the way JavaScript does, not only for ASCII.
        title_fold TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        -- A flow run or task in a live status; chats are never live by status alone.
        live INTEGER NOT NULL,
        last_message_at INTEGER,
        ended INTEGER NOT NULL DEFAULT 0,
        json TEXT NOT NULL
      );
      CREATE INDEX sessions_live ON sessions (updated_at DESC, id_key) WHERE live = 1;
      CREATE INDEX sessions_open_chats ON sessions (last_message_at) WHERE kind = 'chat' AND ended = 0;
      CREATE INDEX sessions_recency ON sessions (updated_at DESC, id_key);
      CREATE INDEX sessions_kind ON sessions (kind, updated_at DESC, id_key);
      CREATE INDEX sessions_owner ON sessions (owner_id, updated_at DESC, id_key);
      CREATE INDEX sessions_initiative ON sessions (initiative_id, updated_at DESC, id_key) WHERE initiative_id IS NOT NULL;
      CREATE INDEX sessions_plan ON sessions (plan_id, updated_at DESC, id_key) WHERE plan_id IS NOT NULL;

      -- Kept in step by the code that writes sessions, one statement per batch rather than a
      -- trigger per row: FTS5 flushes its pending terms at every statement, and per-row flushes made
      -- a 100,000-session snapshot several times slower.
      CREATE VIRTUAL TABLE sessions_fts USING fts5(
        title_fold, content = 'sessions', content_rowid = 'rowid', tokenize = 'trigram case_sensitive 1'
      );

      -- Clustered by session (WITHOUT ROWID): one session's entries share pages, so dropping them
      -- frees whole pages, which is what the size cap measures.
      CREATE TABLE transcripts (
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (session_id, seq)
      ) WITHOUT ROWID;

      -- No foreign key: a checkpoint may be remembered before its session reaches the cache.
      CREATE TABLE notified (
        checkpoint_id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('shown', 'suppressed')),
        remembered_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX notified_session ON notified (session_id);
      CREATE TRIGGER sessions_forget_notified AFTER DELETE ON sessions BEGIN
        DELETE FROM notified WHERE session_id = old.id;
      END;

      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    `);
  },
  // v2
  (db) => {
    db.exec(`
      -- Sessions the stream sent but this version could not read (PROTOCOL.md section 1), kept until
      -- a good version (or a removal, or a snapshot without them) arrives, so the person can be told.
      -- key: the session's id, or a stand-in for an item whose id was unreadable too (id then NULL).
      CREATE TABLE unreadable (
        key TEXT PRIMARY KEY,
        id TEXT,
        reason TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
  // v3
  (db) => {
    db.exec(`
      -- Sessions at a checkpoint, counted after every batch for the tray and the popover: read from
      -- the JSON, that count parsed every live session each time (18 s of a 100,000-change ingest).
      ALTER TABLE sessions ADD COLUMN waiting INTEGER NOT NULL DEFAULT 0;
      UPDATE sessions SET waiting = 1 WHERE json_extract(json, '$.checkpoint') IS NOT NULL;
      CREATE INDEX sessions_waiting ON sessions (updated_at) WHERE waiting = 1;
    `);
  },
  // v4
  (db) => {
    db.exec(`
      -- Reminders still to come and those done (fired or dropped), so a restart never repeats one
      -- (./notify-schedule.ts). kind 'auto': at = when the wait counts from; 'later': at = when due.
      -- No foreign key, as for notified: the rows go with their session by the trigger below.
      CREATE TABLE reminders (
        checkpoint_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('auto', 'later')),
        session_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        done INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (checkpoint_id, kind)
      ) WITHOUT ROWID;
      CREATE INDEX reminders_due ON reminders (kind, at) WHERE done = 0;
      CREATE INDEX reminders_session ON reminders (session_id);

      -- Runs the person approved, waiting to be followed up when they end; settled_at is set once
      -- the follow-up went out (or was dropped), and from then on it never goes out again.
      CREATE TABLE follow_ups (
        session_id TEXT PRIMARY KEY,
        checkpoint_id TEXT NOT NULL,
        approved_at INTEGER NOT NULL,
        settled_at INTEGER,
        shown INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;

      CREATE TRIGGER sessions_forget_schedule AFTER DELETE ON sessions BEGIN
        DELETE FROM reminders WHERE session_id = old.id;
        DELETE FROM follow_ups WHERE session_id = old.id;
      END;
    `);
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings a writable cache from its version up to SCHEMA_VERSION, all steps in one transaction. */
export function migrate(db: Database): void {
  // IMMEDIATE: two writers opening at once must not both read version 0 and both create tables.
  const run = db.transaction(() => {
    const from = userVersion(db);
    for (let v = from; v < SCHEMA_VERSION; v++) MIGRATIONS[v]!(db);
    if (from < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  });
  run.immediate();
}
